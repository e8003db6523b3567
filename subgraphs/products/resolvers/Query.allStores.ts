import type { QueryResolvers } from '../generated/resolvers-types';

/** Bounded: a shop has tens or hundreds of stores, not millions. */
const MAX_STORES = 1000;

export const allStores: QueryResolvers['allStores'] = async (_parent, _args, { data, loaders }) => {
  const found = await data.stores.all(MAX_STORES);
  for (const store of found) loaders.storeById.prime(store.id, store);
  return found;
};
