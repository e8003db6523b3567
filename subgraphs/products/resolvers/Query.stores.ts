import { parseCircle } from '../domain/listingArgs';
import type { QueryResolvers } from '../generated/resolvers-types';

export const stores: QueryResolvers['stores'] = async (_parent, { near, radiusKm }, { data, loaders }) => {
  const found = await data.stores.within(parseCircle(near, radiusKm, 'near'));
  for (const { store } of found) loaders.storeById.prime(store.id, store);
  return found;
};
