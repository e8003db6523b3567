import type { ShoppingListLineResolvers } from '../generated/resolvers-types';

export const ShoppingListLine: ShoppingListLineResolvers = {
  // A reference: the gateway fetches the product's fields from the products subgraph.
  product: (line) => (line.productId ? { id: line.productId } : null),
};
