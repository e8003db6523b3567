import { LRUCache } from 'lru-cache';
import type { Product } from './productRepository';

export interface ProductEntityCacheOptions {
  /** Most products kept (least recently used go first). */
  maxEntries: number;
  /** Longest a product is served from memory: bounds what an invalidation that never arrived leaves stale. */
  ttlMs: number;
}

/**
 * Product rows by id in this process, so that the gateway's `_entities`
 * and `product(id)` for hot products cost no SQL. Kept right by
 * invalidation: this replica's own catalog writes clear it when they commit,
 * every replica drops a product when its catalog event arrives on the bus,
 * and nothing outlives `ttlMs`.
 *
 * A read that started before an invalidation does not store what it read
 * (the generation moved on), so a row read just before a write commits is
 * never cached after it.
 */
export class ProductEntityCache {
  private readonly rows: LRUCache<string, Product>;
  private generation = 0;
  private hitCount = 0;
  private missCount = 0;

  constructor(options: ProductEntityCacheOptions) {
    this.rows = new LRUCache<string, Product>({ max: options.maxEntries, ttl: options.ttlMs });
  }

  get hits(): number {
    return this.hitCount;
  }

  get misses(): number {
    return this.missCount;
  }

  get size(): number {
    return this.rows.size;
  }

  /** The rows for these ids: cached ones from memory, the rest through `fetch` (then cached). Unknown ids are left out. */
  async load(ids: readonly string[], fetch: (ids: string[]) => Promise<Product[]>): Promise<Product[]> {
    const found: Product[] = [];
    const missing: string[] = [];
    for (const id of ids) {
      const row = this.rows.get(id);
      if (row) found.push(row);
      else missing.push(id);
    }
    this.hitCount += found.length;
    this.missCount += missing.length;
    if (missing.length === 0) return found;
    const generation = this.generation;
    const fetched = await fetch(missing);
    if (generation === this.generation) for (const row of fetched) this.rows.set(row.id, row);
    return found.concat(fetched);
  }

  /** Forgets one product (its catalog event arrived). */
  invalidate(id: string): void {
    this.generation++;
    this.rows.delete(id);
  }

  /** Forgets everything (a catalog write of this replica committed; a category or store changed). */
  clear(): void {
    this.generation++;
    this.rows.clear();
  }
}
