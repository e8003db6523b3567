import { requirePageSize } from '../../../platform/graphql/ids';
import type { ProductResolvers } from '../generated/resolvers-types';

export const Product: ProductResolvers = {
  // Recommendations own no product data: a reference is all they need.
  __resolveReference: ({ id }) => ({ id }),
  similar: async ({ id }, { first }, { loaders }) => {
    const ids = await loaders.similarIds(requirePageSize(first, 'first', 5, 50)).load(id);
    return ids.map((similarId) => ({ id: similarId }));
  },
};
