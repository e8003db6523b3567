import type { ProductResolvers } from '../generated/resolvers-types';

export const Product: ProductResolvers = {
  // The gateway asks for many products at once; the loader turns them into one query.
  __resolveReference: ({ id }, { loaders }) => loaders.productById.load(id),
  price: (product) => product.price.toFixed(2),
};
