import type { RecommendationsContext } from '../context';
import type { RecommendationEngine, RecommendationList } from '../engine/recommendationEngine';

/** Every list goes through the cache, keyed by what was asked and the engine's version. */
export function cachedList(
  context: RecommendationsContext,
  parts: unknown,
  compute: (engine: RecommendationEngine) => RecommendationList,
): Promise<RecommendationList> {
  const engine = context.host.engine;
  return context.cache.getOrCompute(parts, engine.version, () => compute(engine));
}
