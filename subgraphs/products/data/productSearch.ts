import type { Db } from '../../../platform/database/transact';
import { Prisma } from '../../../prisma/generated/client/client';
import type { Cursor, ProductSort } from '../domain/cursor';
import { storeWithin, type Circle } from './geoSql';

/** Conditions every listing shares, whatever it is scoped to. */
export interface ProductFilter {
  text?: string;
  minPrice?: string;
  maxPrice?: string;
  dietaryTags?: string[];
  minSustainabilityScore?: number;
  inStock?: boolean;
  near?: Circle;
  includeArchived: boolean;
}

/** What a listing is of: the whole catalog, a category with all its descendants, or one store's stock. */
export type ScopeKind = 'catalog' | 'category' | 'store';

/** Listings that differ only in their scope id and cursor, answered together. */
export interface ListingGroup {
  scope: ScopeKind;
  filter: ProductFilter;
  sort: ProductSort;
  first: number;
  listings: { scopeId: string | null; after: Cursor | null }[];
}

export interface ListedProduct {
  id: string;
  /** The sort key as SQL text, for the cursor. */
  key: string;
}

export interface Listing {
  products: ListedProduct[];
  hasNextPage: boolean;
}

/** What the shopper pays, rounded half-up to cents exactly like `effectivePrice` in domain/pricing.ts. */
const EFFECTIVE_PRICE = Prisma.sql`round(p.price * (100 - coalesce(p.discount_percent, 0)) / 100, 2)`;

interface Ordering {
  key: Prisma.Sql;
  /** SQL type a cursor key is cast back to. */
  type: Prisma.Sql;
  descending: boolean;
}

function ordering(sort: ProductSort, filter: ProductFilter): Ordering {
  switch (sort) {
    case 'RELEVANCE':
      // Rounded to a numeric so the key survives the trip through a cursor exactly.
      return { key: Prisma.sql`round(ts_rank(p.search_vector, ${tsQuery(filter.text!)})::numeric, 6)`, type: Prisma.sql`numeric`, descending: true };
    case 'PRICE_ASC':
      return { key: EFFECTIVE_PRICE, type: Prisma.sql`numeric`, descending: false };
    case 'PRICE_DESC':
      return { key: EFFECTIVE_PRICE, type: Prisma.sql`numeric`, descending: true };
    case 'SUSTAINABILITY':
      return { key: Prisma.sql`coalesce(p.sustainability_score, -1)`, type: Prisma.sql`integer`, descending: true };
    case 'NEWEST':
      return { key: Prisma.sql`p.created_at`, type: Prisma.sql`timestamptz`, descending: true };
  }
}

function tsQuery(text: string): Prisma.Sql {
  return Prisma.sql`websearch_to_tsquery('english', ${text})`;
}

function filterConditions(filter: ProductFilter): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [];
  if (!filter.includeArchived) conditions.push(Prisma.sql`p.archived_at IS NULL`);
  if (filter.text) conditions.push(Prisma.sql`p.search_vector @@ ${tsQuery(filter.text)}`);
  if (filter.minPrice !== undefined) conditions.push(Prisma.sql`${EFFECTIVE_PRICE} >= ${filter.minPrice}::numeric`);
  if (filter.maxPrice !== undefined) conditions.push(Prisma.sql`${EFFECTIVE_PRICE} <= ${filter.maxPrice}::numeric`);
  if (filter.dietaryTags?.length) conditions.push(Prisma.sql`p.dietary_tags @> ${filter.dietaryTags}::text[]`);
  if (filter.minSustainabilityScore !== undefined) conditions.push(Prisma.sql`p.sustainability_score >= ${filter.minSustainabilityScore}::int`);
  if (filter.inStock === true) conditions.push(Prisma.sql`p.stock_quantity > 0`);
  if (filter.inStock === false) conditions.push(Prisma.sql`p.stock_quantity = 0`);
  if (filter.near) {
    conditions.push(Prisma.sql`p.id IN (
      SELECT sp.product_id FROM catalog.store_product sp JOIN catalog.store s ON s.id = sp.store_id
      WHERE ${storeWithin(filter.near)})`);
  }
  return conditions;
}

/** The scope's condition on product `p`, for the scope row `scope` (see `scoped`). */
function scopeCondition(scope: ScopeKind): Prisma.Sql | null {
  switch (scope) {
    case 'catalog':
      return null;
    case 'category':
      return Prisma.sql`p.category_id IN (SELECT tree.id FROM tree WHERE tree.root = scope.id)`;
    case 'store':
      return Prisma.sql`p.id IN (SELECT sp.product_id FROM catalog.store_product sp WHERE sp.store_id = scope.id)`;
  }
}

/** For category scopes: every scope category with all its descendants, computed once per statement. */
function scopeTree(scope: ScopeKind, scopeIds: (string | null)[]): Prisma.Sql {
  if (scope !== 'category') return Prisma.empty;
  return Prisma.sql`WITH RECURSIVE tree(root, id) AS (
      SELECT c.id, c.id FROM catalog.category c WHERE c.id = ANY(${scopeIds}::uuid[])
      UNION ALL
      SELECT tree.root, c.id FROM catalog.category c JOIN tree ON c.parent_id = tree.id
    )`;
}

function where(conditions: Prisma.Sql[]): Prisma.Sql {
  return conditions.length > 0 ? Prisma.join(conditions, ' AND ') : Prisma.sql`TRUE`;
}

/**
 * Keyset-paged product listings in raw SQL: Prisma's query API has no
 * full-text rank, computed sort key or recursive category scope. User input
 * only ever travels as bound parameters.
 */
export class ProductSearch {
  constructor(private readonly prisma: Db) {}

  /** One page per listing of the group, in one statement (a LATERAL query per scope row). */
  async pages(group: ListingGroup): Promise<Listing[]> {
    const order = ordering(group.sort, group.filter);
    const direction = order.descending ? Prisma.sql`DESC` : Prisma.sql`ASC`;
    const after = order.descending ? Prisma.sql`<` : Prisma.sql`>`;
    const scopeIds = group.listings.map((l) => l.scopeId);
    const conditions = [
      ...filterConditions(group.filter),
      ...[scopeCondition(group.scope)].filter((c): c is Prisma.Sql => c !== null),
      Prisma.sql`(scope.after_id IS NULL OR (${order.key}, p.id) ${after} (scope.after_key::${order.type}, scope.after_id))`,
    ];
    const rows = await this.prisma.$queryRaw<{ ord: bigint | number; id: string; key: string }[]>`
      ${scopeTree(group.scope, scopeIds)}
      SELECT scope.ord, page.id, page.key
      FROM unnest(${scopeIds}::uuid[], ${group.listings.map((l) => l.after?.key ?? null)}::text[], ${group.listings.map((l) => l.after?.id ?? null)}::uuid[])
        WITH ORDINALITY AS scope(id, after_key, after_id, ord)
      CROSS JOIN LATERAL (
        SELECT p.id::text AS id, (${order.key})::text AS key,
               row_number() OVER (ORDER BY ${order.key} ${direction}, p.id ${direction}) AS rank
        FROM catalog.product p
        WHERE ${where(conditions)}
        ORDER BY ${order.key} ${direction}, p.id ${direction}
        LIMIT ${group.first + 1}
      ) page
      ORDER BY scope.ord, page.rank`;
    const listings: Listing[] = group.listings.map(() => ({ products: [], hasNextPage: false }));
    for (const row of rows) listings[Number(row.ord) - 1]!.products.push({ id: row.id, key: row.key });
    for (const listing of listings) {
      listing.hasNextPage = listing.products.length > group.first;
      listing.products.length = Math.min(listing.products.length, group.first);
    }
    return listings;
  }

  /** How many products each scope has under the filter, ignoring paging: one statement. */
  async counts(scope: ScopeKind, filter: ProductFilter, scopeIds: (string | null)[]): Promise<number[]> {
    const conditions = [...filterConditions(filter), ...[scopeCondition(scope)].filter((c): c is Prisma.Sql => c !== null)];
    const rows = await this.prisma.$queryRaw<{ ord: bigint | number; total: number }[]>`
      ${scopeTree(scope, scopeIds)}
      SELECT scope.ord, (SELECT count(*)::int FROM catalog.product p WHERE ${where(conditions)}) AS total
      FROM unnest(${scopeIds}::uuid[]) WITH ORDINALITY AS scope(id, ord)
      ORDER BY scope.ord`;
    return rows.map((row) => row.total);
  }
}
