import type { ShopperResolvers } from '../generated/resolvers-types';

export const Shopper: ShopperResolvers = {
  __resolveReference: ({ id }, { loaders }) => loaders.shopperById.load(id),
};
