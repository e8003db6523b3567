import DataLoader from 'dataloader';
import { uuidLoader } from '../../platform/dataloader';
import type { CatalogData } from './data/catalogData';
import type { Category } from './data/categoryRepository';
import type { ProductEntityCache } from './data/productEntityCache';
import type { Circle } from './data/geoSql';
import type { Product } from './data/productRepository';
import type { Listing, ListingGroup, ProductFilter, ScopeKind } from './data/productSearch';
import type { Store } from './data/storeRepository';
import type { Cursor, ProductSort } from './domain/cursor';
import type { StoreDistance } from './models';

export interface ListingRequest {
  scope: ScopeKind;
  scopeId: string | null;
  filter: ProductFilter;
  sort: ProductSort;
  first: number;
  after: Cursor | null;
}

export interface CountRequest {
  scope: ScopeKind;
  scopeId: string | null;
  filter: ProductFilter;
}

export interface ProductsLoaders {
  productById: DataLoader<string, Product | null>;
  productBySku: DataLoader<string, Product | null>;
  /** By GTIN-14 (domain/gtin.ts). */
  productByGtin: DataLoader<string, Product | null>;
  categoryById: DataLoader<string, Category | null>;
  categoryChildren: DataLoader<string, Category[]>;
  /** Nearest first. */
  categoryAncestors: DataLoader<string, Category[]>;
  storeById: DataLoader<string, Store | null>;
  listing: DataLoader<ListingRequest, Listing, string>;
  count: DataLoader<CountRequest, number, string>;
  /** Stores in the circle stocking a product, by product id: one loader per circle asked about. */
  storesStocking(circle: Circle): DataLoader<string, StoreDistance[]>;
}

/** Groups keys that can share one statement; each group keeps its members' positions. */
function groupBy<K>(keys: readonly K[], groupKey: (key: K) => string): Map<string, { key: K; index: number }[]> {
  const groups = new Map<string, { key: K; index: number }[]>();
  keys.forEach((key, index) => {
    const id = groupKey(key);
    const members = groups.get(id) ?? [];
    members.push({ key, index });
    groups.set(id, members);
  });
  return groups;
}

/**
 * Built per request, so batching and memoising never cross requests. Product
 * rows by id may come from the replica's entity cache (invalidated by catalog
 * events); everything else is read per request.
 */
export function createProductsLoaders({ products, categories, stores, search }: CatalogData, entityCache?: ProductEntityCache): ProductsLoaders {
  const productById = uuidLoader((ids) => (entityCache ? entityCache.load(ids, (missing) => products.findByIds(missing)) : products.findByIds(ids)));
  const categoryById = uuidLoader((ids) => categories.findByIds(ids));
  const storeById = uuidLoader((ids) => stores.findByIds(ids));
  const prime = <T extends { id: string }>(loader: DataLoader<string, T | null>, rows: T[]) => {
    for (const row of rows) loader.prime(row.id, row);
    return rows;
  };

  const productBySku = new DataLoader<string, Product | null>(async (skus) => {
    const rows = prime(productById, await products.findBySkus([...skus]));
    const bySku = new Map(rows.map((row) => [row.sku, row]));
    return skus.map((sku) => bySku.get(sku) ?? null);
  });

  const productByGtin = new DataLoader<string, Product | null>(async (gtins) => {
    const rows = prime(productById, await products.findByGtins([...gtins]));
    const byGtin = new Map(rows.map((row) => [row.gtin, row]));
    return gtins.map((gtin) => byGtin.get(gtin) ?? null);
  });

  const categoryChildren = new DataLoader<string, Category[]>(async (parentIds) => {
    const rows = prime(categoryById, await categories.findChildren([...parentIds]));
    return parentIds.map((id) => rows.filter((row) => row.parentId === id));
  });

  const categoryAncestors = new DataLoader<string, Category[]>(async (ids) => {
    const byId = await categories.ancestors([...ids]);
    return ids.map((id) => prime(categoryById, byId.get(id) ?? []));
  });

  const listing = new DataLoader<ListingRequest, Listing, string>(
    async (requests) => {
      const results: Listing[] = new Array(requests.length);
      const groups = groupBy(requests, (r) => JSON.stringify([r.scope, r.filter, r.sort, r.first]));
      for (const members of groups.values()) {
        const { scope, filter, sort, first } = members[0]!.key;
        const group: ListingGroup = { scope, filter, sort, first, listings: members.map(({ key }) => ({ scopeId: key.scopeId, after: key.after })) };
        const pages = await search.pages(group);
        members.forEach(({ index }, i) => (results[index] = pages[i]!));
      }
      return results;
    },
    { cacheKeyFn: (request) => JSON.stringify(request) },
  );

  const count = new DataLoader<CountRequest, number, string>(
    async (requests) => {
      const results: number[] = new Array(requests.length);
      const groups = groupBy(requests, (r) => JSON.stringify([r.scope, r.filter]));
      for (const members of groups.values()) {
        const { scope, filter } = members[0]!.key;
        const totals = await search.counts(scope, filter, members.map(({ key }) => key.scopeId));
        members.forEach(({ index }, i) => (results[index] = totals[i]!));
      }
      return results;
    },
    { cacheKeyFn: (request) => JSON.stringify(request) },
  );

  const byCircle = new Map<string, DataLoader<string, StoreDistance[]>>();
  const storesStocking = (circle: Circle) => {
    const key = JSON.stringify([circle.latitude, circle.longitude, circle.radiusKm]);
    let loader = byCircle.get(key);
    if (!loader) {
      loader = new DataLoader<string, StoreDistance[]>(async (productIds) => {
        const byProduct = await stores.withinStocking([...productIds], circle);
        return productIds.map((id) => byProduct.get(id) ?? []);
      });
      byCircle.set(key, loader);
    }
    return loader;
  };

  return { productById, productBySku, productByGtin, categoryById, categoryChildren, categoryAncestors, storeById, listing, count, storesStocking };
}
