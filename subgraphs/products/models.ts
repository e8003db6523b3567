import type { Store } from '../../prisma/generated/client/client';

// What the resolvers of the non-table types receive as their parent (codegen mappers).

export interface ProductEdge {
  cursor: string;
  productId: string;
}

/** One page of a product listing; the total is counted only when a client asks for it. */
export interface ProductPage {
  edges: ProductEdge[];
  hasNextPage: boolean;
  endCursor: string | null;
  totalCount: () => Promise<number>;
}

export interface StoreDistance {
  store: Store;
  distanceKm: number;
}
