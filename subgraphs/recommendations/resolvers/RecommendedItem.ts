import type { RecommendedItemResolvers } from '../generated/resolvers-types';

export const RecommendedItem: RecommendedItemResolvers = {
  product: (item) => ({ id: item.productId }),
};
