import crypto from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { Cache } from '../../platform/cache/cache';
import { serviceMetrics } from '../../platform/observability/metrics';
import type { RecommendationList } from './engine/recommendationEngine';
import { Scopes } from './engine/scopes';

interface Entry {
  list: RecommendationList;
  /** The scopes the list depends on, and each one's token when it was computed. */
  scopes: string[];
  tokens: string[];
  /** When the shared entry expires (ms since the epoch); absent in entries of older replicas. */
  expiresAt?: number;
}

/** A list this replica keeps in its own memory, with what drops it. */
interface LocalEntry {
  list: RecommendationList;
  scopes: readonly string[];
}

/** A lookup or store under way: the scopes this replica learned changed meanwhile. */
interface InFlight {
  changed: Set<string>;
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
 *
 * In front of that, each replica keeps up to `localEntries` lists in its own
 * memory: a repeated list is then answered with no round trip and no JSON
 * decoding. A local entry is dropped when this replica learns a change to any
 * of its scopes (the same moment it replaces their shared tokens), and it
 * never outlives the shared entry it came from. A list computed on a miss is
 * answered at once; its shared entry is written after the answer.
 */
export class RecommendationCache {
  private readonly pending = new Set<string>();
  private flushTimer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();
  private readonly inFlight = new Set<InFlight>();
  private readonly local: LRUCache<string, LocalEntry> | null;
  /** The local keys depending on each scope, so a change drops exactly those. */
  private readonly localByScope = new Map<string, Set<string>>();
  /** Shared entries being written after their answer went out (flush waits for them). */
  private readonly storing = new Set<Promise<void>>();
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
    localEntries = 10_000,
  ) {
    this.local =
      localEntries > 0
        ? new LRUCache<string, LocalEntry>({
            max: localEntries,
            ttlAutopurge: false,
            dispose: (entry, key) => this.unindex(key, entry.scopes),
          })
        : null;
  }

  /**
   * The cached list for `parts` if every scope it depends on is unchanged,
   * else `compute()` (synchronous, from the live engine), stored. `scopes`
   * are what the request itself depends on; the answer's products are added.
   */
  async getOrCompute(parts: unknown, scopes: readonly string[], compute: () => RecommendationList): Promise<RecommendationList> {
    // Off (RECS_CACHE_TTL_SECONDS=0): every list is computed from the live engine.
    if (this.ttlSeconds === 0) return compute();
    const key = `recs:list:${crypto.createHash('sha1').update(JSON.stringify(parts)).digest('base64url')}`;
    const kept = this.local?.get(key);
    if (kept) return this.hit(kept.list);
    const flight: InFlight = { changed: new Set() };
    this.inFlight.add(flight);
    let storing = false;
    try {
      const [entry, ...current] = await this.cache.getMany<Entry | string>([key, ...scopes.map(tokenKey)]);
      const known = new Map(scopes.map((scope, i) => [scope, current[i] as string | undefined]));
      // A scope this replica has learned a change to, whose new token is not written yet
      // (`pending`), makes the entry stale already: it is neither served nor kept here.
      if (entry && typeof entry === 'object' && !entry.scopes.some((scope) => this.pending.has(scope)) && (await this.valid(entry, known))) {
        // Kept here too unless this replica learned a change to it while reading.
        if (!entry.scopes.some((scope) => flight.changed.has(scope))) {
          this.keep(key, entry.list, entry.scopes, (entry.expiresAt ?? Date.now() + this.shopWideTtlSeconds * 1000) - Date.now());
        }
        return this.hit(entry.list);
      }
      this.stats.misses += 1;
      this.lookups.inc({ cache: 'recommendations', result: 'miss' });
      const list = compute();
      // Answered now; the shared entry is written after. From here until it is
      // stored, a change to any of its scopes on this replica means it may be
      // stale already: it is then stored nowhere.
      const all = [...new Set([...scopes, ...list.items.map((item) => Scopes.product(item.productId))])];
      const ttl = scopes.length === 0 ? this.shopWideTtlSeconds : this.ttlSeconds;
      const store = this.store(key, list, all, known, ttl, flight).finally(() => {
        this.inFlight.delete(flight);
        this.storing.delete(store);
      });
      this.storing.add(store);
      storing = true;
      return list;
    } finally {
      if (!storing) this.inFlight.delete(flight);
    }
  }

  private hit(list: RecommendationList): RecommendationList {
    this.stats.hits += 1;
    this.lookups.inc({ cache: 'recommendations', result: 'hit' });
    return list;
  }

  /** Writes a computed list's shared entry (and the tokens of scopes nobody has one for yet), then keeps it locally. */
  private async store(key: string, list: RecommendationList, all: string[], known: Map<string, string | undefined>, ttl: number, flight: InFlight): Promise<void> {
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
      if (all.some((scope) => flight.changed.has(scope))) return;
      const expiresAt = Date.now() + ttl * 1000;
      await this.cache.set<Entry>(key, { list, scopes: all, tokens: all.map((scope) => known.get(scope)!), expiresAt }, ttl);
      if (!all.some((scope) => flight.changed.has(scope))) this.keep(key, list, all, expiresAt - Date.now());
    } catch {
      // Not cached: the answer already went out, and the next request computes it again.
    }
  }

  private keep(key: string, list: RecommendationList, scopes: readonly string[], ttlMs: number): void {
    if (!this.local || ttlMs <= 0) return;
    this.local.set(key, { list, scopes }, { ttl: ttlMs });
    for (const scope of scopes) {
      let keys = this.localByScope.get(scope);
      if (!keys) this.localByScope.set(scope, (keys = new Set()));
      keys.add(key);
    }
  }

  private unindex(key: string, scopes: readonly string[]): void {
    for (const scope of scopes) {
      const keys = this.localByScope.get(scope);
      if (!keys) continue;
      keys.delete(key);
      if (keys.size === 0) this.localByScope.delete(scope);
    }
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
      for (const flight of this.inFlight) flight.changed.add(scope);
      const keys = this.localByScope.get(scope);
      if (keys) for (const key of [...keys]) this.local?.delete(key);
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
    // Shared entries whose answers went out are written first.
    await Promise.all([...this.storing]);
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
