import type { ProductEdgeResolvers } from '../generated/resolvers-types';

export const ProductEdge: ProductEdgeResolvers = {
  node: async ({ productId }, _args, { loaders }) => {
    // Products are archived, never deleted, so a listed id always loads.
    const product = await loaders.productById.load(productId);
    if (!product) throw new Error(`listed product ${productId} could not be loaded`);
    return product;
  },
};
