import type { FilledListItemResolvers } from '../generated/resolvers-types';

export const FilledListItem: FilledListItemResolvers = {
  // A reference: the gateway fetches the product's fields from the products subgraph.
  product: (line) => (line.productId ? { id: line.productId } : null),
};
