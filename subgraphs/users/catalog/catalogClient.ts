import DataLoader from 'dataloader';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { postGraphQL, type GraphQLReply } from '../../../platform/http/postGraphQL';
import type { FetchLike } from '../../../platform/http/internalCalls';
import type { Logger } from '../../../platform/logger';
import { serviceUnavailable } from '../domain/usersErrors';
import { CatalogProductsDocument, CatalogSkusDocument, type CatalogProductsQuery } from '../generated/products-calls';

/** What the users subgraph needs to know about a product when the shopper puts it in the cart or buys it. */
export interface CatalogProduct {
  id: string;
  name: string;
  price: string;
  effectivePrice: string;
  currency: string;
  stockQuantity: number;
  archived: boolean;
  sustainabilityScore: number | null;
}

// The users subgraph never reads catalog tables: it asks the products
// subgraph, the owner of these facts, the way the gateway would
// (calls/products/catalog.graphql, typed against the products API).
type CatalogEntity = Extract<NonNullable<CatalogProductsQuery['_entities'][number]>, { id: string }>;

/** The products subgraph's bound per call (Query.productsBySku). */
const SKUS_PER_CALL = 500;

export class CatalogClient {
  constructor(
    private readonly url: string,
    private readonly logger: Logger,
    private readonly fetch: FetchLike,
    private readonly timeoutMs = 5000,
  ) {}

  /**
   * One call to the catalog, answering `expected` entries in `pick(data)`:
   * an unreachable catalog, errors or a short answer are SERVICE_UNAVAILABLE
   * (nothing is written on the strength of half an answer).
   */
  private async ask<D, V extends Record<string, unknown>, T>(
    document: TypedDocumentNode<D, V>,
    variables: V,
    pick: (data: D | undefined) => readonly T[] | undefined,
    expected: number,
  ): Promise<readonly T[]> {
    let body: GraphQLReply<D>;
    try {
      // Stock and prices decide what is written (cart lines, checkout): the catalog answers from its database, not its entity cache.
      body = await postGraphQL(this.url, document, { variables, timeoutMs: this.timeoutMs, fetch: this.fetch, headers: { 'cache-control': 'no-cache' } });
    } catch (error) {
      this.logger.warn({ err: error, url: this.url }, 'catalog unreachable');
      throw serviceUnavailable('The catalog is unavailable; try again shortly');
    }
    const answer = pick(body.data ?? undefined);
    if (body.errors?.length || !answer || answer.length !== expected) {
      this.logger.warn({ errors: body.errors, url: this.url }, 'catalog answered with errors');
      throw serviceUnavailable('The catalog is unavailable; try again shortly');
    }
    return answer;
  }

  /** One HTTP request for all the ids; null for a product the catalog does not know. */
  async fetchProducts(ids: readonly string[]): Promise<(CatalogProduct | null)[]> {
    const representations = ids.map((id) => ({ __typename: 'Product', id }));
    const entities = await this.ask(CatalogProductsDocument, { representations }, (data) => data?._entities, ids.length);
    // An entity the catalog does not know comes back null (or, in principle, without Product fields).
    return entities.map((found) => (found && 'id' in found ? (found as CatalogEntity) : null)).map((entity) =>
      entity
        ? {
            id: entity.id,
            name: entity.name,
            price: entity.price,
            effectivePrice: entity.effectivePrice,
            currency: entity.currency,
            stockQuantity: entity.stockQuantity,
            archived: entity.archived,
            sustainabilityScore: entity.sustainability?.score ?? null,
          }
        : null,
    );
  }

  /**
   * The product id and regular price of each SKU the catalog knows (archived
   * ones included), for an order-history import: 500 SKUs per HTTP call.
   */
  async skuIndex(skus: Iterable<string>): Promise<Map<string, { productId: string; price: string }>> {
    const all = [...new Set(skus)];
    const index = new Map<string, { productId: string; price: string }>();
    for (let i = 0; i < all.length; i += SKUS_PER_CALL) {
      const batch = all.slice(i, i + SKUS_PER_CALL);
      const found = await this.ask(CatalogSkusDocument, { skus: batch }, (data) => data?.productsBySku, batch.length);
      for (const product of found) if (product) index.set(product.sku, { productId: product.id, price: product.price });
    }
    return index;
  }

  /** Per request: every product asked for in the same tick travels in one HTTP call. */
  loader(): DataLoader<string, CatalogProduct | null> {
    return new DataLoader((ids) => this.fetchProducts(ids), { maxBatchSize: 500 });
  }
}
