import { LRUCache } from 'lru-cache';
import type { Cache } from './cache';

export class MemoryCache implements Cache {
  private readonly entries: LRUCache<string, { json: string }>;

  constructor(
    private readonly defaultTtlSeconds: number,
    maxEntries = 50_000,
  ) {
    this.entries = new LRUCache({ max: maxEntries, ttlAutopurge: false });
  }

  async get<T>(key: string): Promise<T | undefined> {
    const entry = this.entries.get(key);
    // Stored as JSON so callers get a copy, exactly as they would from Redis.
    return entry ? (JSON.parse(entry.json) as T) : undefined;
  }

  async getMany<T>(keys: readonly string[]): Promise<(T | undefined)[]> {
    return Promise.all(keys.map((key) => this.get<T>(key)));
  }

  async set<T>(key: string, value: T, ttlSeconds = this.defaultTtlSeconds): Promise<void> {
    this.entries.set(key, { json: JSON.stringify(value) }, { ttl: ttlSeconds * 1000 });
  }

  async delete(...keys: string[]): Promise<void> {
    for (const key of keys) this.entries.delete(key);
  }

  async close(): Promise<void> {
    this.entries.clear();
  }
}
