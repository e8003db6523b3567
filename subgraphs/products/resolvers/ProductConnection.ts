import type { ProductConnectionResolvers } from '../generated/resolvers-types';

export const ProductConnection: ProductConnectionResolvers = {
  edges: (page) => page.edges,
  pageInfo: ({ hasNextPage, endCursor }) => ({ hasNextPage, endCursor }),
  // Counting costs a statement: only when the client asks for it.
  totalCount: (page) => page.totalCount(),
};
