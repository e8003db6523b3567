import type { ScopeKind } from './data/productSearch';
import { encodeCursor } from './domain/cursor';
import type { ListingArgs } from './domain/listingArgs';
import type { ProductsLoaders } from './loaders';
import type { ProductPage } from './models';

/** A page of a product listing, batched with the other listings of the request. */
export async function productPage(loaders: ProductsLoaders, scope: ScopeKind, scopeId: string | null, args: ListingArgs): Promise<ProductPage> {
  const { filter, sort, first, after } = args;
  const listing = await loaders.listing.load({ scope, scopeId, filter, sort, first, after });
  const edges = listing.products.map(({ id, key }) => ({ cursor: encodeCursor({ sort, key, id }), productId: id }));
  return {
    edges,
    hasNextPage: listing.hasNextPage,
    endCursor: edges.at(-1)?.cursor ?? null,
    totalCount: () => loaders.count.load({ scope, scopeId, filter }),
  };
}
