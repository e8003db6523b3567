import crypto from 'node:crypto';
import type { Cache } from '../../platform/cache/cache';
import type { RecommendationList } from './engine/recommendationEngine';

/**
 * Caches computed lists. The key holds the engine's version, which moves with
 * every event that can change an answer: an event invalidates by making old
 * keys unreachable, and the TTL clears them out. The instance id keeps one
 * replica from reading another's (differently versioned) entries.
 */
export class RecommendationCache {
  constructor(
    private readonly cache: Cache,
    private readonly instanceId: string,
    private readonly ttlSeconds: number,
  ) {}

  async getOrCompute(parts: unknown, version: string, compute: () => RecommendationList): Promise<RecommendationList> {
    const key = `recs:${this.instanceId}:${version}:${crypto.createHash('sha1').update(JSON.stringify(parts)).digest('base64url')}`;
    const hit = await this.cache.get<RecommendationList>(key);
    if (hit) return hit;
    const list = compute();
    await this.cache.set(key, list, this.ttlSeconds);
    return list;
  }
}
