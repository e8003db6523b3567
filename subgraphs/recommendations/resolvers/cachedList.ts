import type { RecommendationsContext } from '../context';
import type { RecommendationEngine, RecommendationList } from '../engine/recommendationEngine';

/**
 * Every list goes through the cache, keyed by what was asked and checked
 * against the scopes it depends on (see RecommendationCache).
 */
export function cachedList(
  context: RecommendationsContext,
  parts: unknown,
  scopes: (engine: RecommendationEngine) => string[],
  compute: (engine: RecommendationEngine) => RecommendationList,
): Promise<RecommendationList> {
  const engine = context.host.engine;
  return context.cache.getOrCompute(parts, scopes(engine), () => compute(context.host.engine));
}
