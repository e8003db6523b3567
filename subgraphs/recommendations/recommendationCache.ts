import crypto from 'node:crypto';
import type { Cache } from '../../platform/cache/cache';
import { serviceMetrics } from '../../platform/observability/metrics';
import type { RecommendationList } from './engine/recommendationEngine';
import { Scopes } from './engine/scopes';

interface Entry {
  list: RecommendationList;
  /** The scopes the list depends on, and each one's token when it was computed. */
  scopes: string[];
  tokens: string[];
}

interface InFlight {
  scopes: Set<string>;
  dirty: boolean;
}

export interface CacheStats {
  hits: number;
  misses: number;
}

/** How long a bump waits for others, so that a burst of events costs one round of writes. */
const FLUSH_DELAY_MS = 10;

/**
 * Caches computed lists under keys that every replica shares (what was
 * asked, nothing about who computed it). Each entry records the scopes it
 * depends on (engine/scopes.ts) — the anchor product, shopper or cart, and
 * every product in the answer — with the token each scope had. An event that
 * changes a scope gives it a new token, which makes every entry depending on
 * it unreachable at once; the rest of the cache stays warm.
 *
 * Every replica replaces the tokens of the scopes an event touched when it
 * learns the event itself, so an entry computed by a replica that had not
 * learned it yet is dropped when that replica catches up. Entries live at
 * most `ttlSeconds`, which bounds what drifts outside any scope (popularity,
 * overall sales counts).
 */
export class RecommendationCache {
  private readonly pending = new Set<string>();
  private flushTimer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();
  private readonly inFlight = new Set<InFlight>();
  private readonly origin = crypto.randomBytes(6).toString('base64url');
  private sequence = 0;
  readonly stats: CacheStats = { hits: 0, misses: 0 };
  private readonly lookups = serviceMetrics('recommendations').counter(
    'smartcart_cache_requests_total',
    'Cache lookups, by cache and result (hit, miss)',
    ['cache', 'result'],
  );

  constructor(
    private readonly cache: Cache,
    private readonly ttlSeconds: number,
    /** For lists of the whole shop (popular, trending, free text): every event is in their scope. */
    private readonly shopWideTtlSeconds = Math.min(5, ttlSeconds),
  ) {}

  /**
   * The cached list for `parts` if every scope it depends on is unchanged,
   * else `compute()` (synchronous, from the live engine), stored. `scopes`
   * are what the request itself depends on; the answer's products are added.
   */
  async getOrCompute(parts: unknown, scopes: readonly string[], compute: () => RecommendationList): Promise<RecommendationList> {
    const key = `recs:list:${crypto.createHash('sha1').update(JSON.stringify(parts)).digest('base64url')}`;
    const [entry, ...current] = await this.cache.getMany<Entry | string>([key, ...scopes.map(tokenKey)]);
    const known = new Map(scopes.map((scope, i) => [scope, current[i] as string | undefined]));
    if (entry && typeof entry === 'object' && (await this.valid(entry, known))) {
      this.stats.hits += 1;
      this.lookups.inc({ cache: 'recommendations', result: 'hit' });
      return entry.list;
    }
    this.stats.misses += 1;
    this.lookups.inc({ cache: 'recommendations', result: 'miss' });
    const list = compute();
    // From here until the entry is stored, a change to any of its scopes on
    // this replica means it may be stale already: it is then not stored.
    const all = [...new Set([...scopes, ...list.items.map((item) => Scopes.product(item.productId))])];
    const flight: InFlight = { scopes: new Set(all), dirty: false };
    this.inFlight.add(flight);
    try {
      const missing = all.filter((scope) => known.get(scope) === undefined);
      const read = await this.cache.getMany<string>(missing.map(tokenKey));
      const created: string[] = [];
      missing.forEach((scope, i) => {
        if (read[i] !== undefined) known.set(scope, read[i]);
        else created.push(scope);
      });
      // A scope nobody has a token for gets one: an entry never relies on
      // "no token", which an expired or evicted token would also look like.
      for (const scope of created) known.set(scope, this.nextToken());
      await Promise.all(created.map((scope) => this.cache.set(tokenKey(scope), known.get(scope), this.tokenTtlSeconds)));
      if (!flight.dirty) {
        const ttl = scopes.length === 0 ? this.shopWideTtlSeconds : this.ttlSeconds;
        await this.cache.set<Entry>(key, { list, scopes: all, tokens: all.map((scope) => known.get(scope)!) }, ttl);
      }
    } finally {
      this.inFlight.delete(flight);
    }
    return list;
  }

  /**
   * Marks scopes changed (called when this replica has learned the change).
   * Their new tokens are written shortly after, in one batch.
   */
  invalidate(scopes: Iterable<string>): void {
    let any = false;
    for (const scope of scopes) {
      this.pending.add(scope);
      any = true;
      for (const flight of this.inFlight) if (flight.scopes.has(scope)) flight.dirty = true;
    }
    if (any) this.scheduleFlush(FLUSH_DELAY_MS);
  }

  private scheduleFlush(delayMs: number): void {
    if (this.flushTimer) return;
    this.flushTimer = setTimeout(() => {
      this.flushTimer = undefined;
      this.flushing = this.flushing.then(() => this.writePending()).catch(() => this.scheduleFlush(500));
    }, delayMs);
    this.flushTimer.unref();
  }

  /** Writes the pending new tokens now (also on shutdown). */
  async flush(): Promise<void> {
    if (this.flushTimer) {
      clearTimeout(this.flushTimer);
      this.flushTimer = undefined;
    }
    // After any write already under way, so that everything learned so far is out.
    const done = this.flushing.then(() => this.writePending());
    this.flushing = done.catch(() => this.scheduleFlush(500));
    await done;
  }

  private async writePending(): Promise<void> {
    const scopes = [...this.pending];
    this.pending.clear();
    if (scopes.length === 0) return;
    const token = this.nextToken();
    try {
      await Promise.all(scopes.map((scope) => this.cache.set(tokenKey(scope), token, this.tokenTtlSeconds)));
    } catch (error) {
      // Not written: tried again with the next batch. Until then entries stay
      // reachable, within the cache lifetime.
      for (const scope of scopes) this.pending.add(scope);
      throw error;
    }
  }

  private async valid(entry: Entry, known: Map<string, string | undefined>): Promise<boolean> {
    const extra = entry.scopes.filter((scope) => !known.has(scope));
    const read = await this.cache.getMany<string>(extra.map(tokenKey));
    extra.forEach((scope, i) => known.set(scope, read[i]));
    return entry.scopes.every((scope, i) => known.get(scope) !== undefined && known.get(scope) === entry.tokens[i]);
  }

  private nextToken(): string {
    return `${this.origin}.${(this.sequence += 1).toString(36)}`;
  }

  /** Outlives every entry that may hold it, so a token only vanishes after its entries. */
  private get tokenTtlSeconds(): number {
    return this.ttlSeconds * 2 + 60;
  }
}

function tokenKey(scope: string): string {
  return `recs:scope:${scope}`;
}
