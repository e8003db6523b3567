import { parseListingArgs } from '../domain/listingArgs';
import type { StoreResolvers } from '../generated/resolvers-types';
import { productPage } from '../productPage';

export const Store: StoreResolvers = {
  __resolveReference: ({ id }, { loaders }) => loaders.storeById.load(id),
  products: (store, { sort, first, after }, { loaders }) => productPage(loaders, 'store', store.id, parseListingArgs({ sort, first, after })),
};
