import { inSpan } from '../../../platform/observability/inSpan';
import type { RecommendationsContext } from '../context';
import type { RecommendationEngine, RecommendationList } from '../engine/recommendationEngine';

/**
 * Every list goes through the cache, keyed by what was asked and checked
 * against the scopes it depends on (see RecommendationCache). A list the
 * engine has to rank is a span (`recommendation engine`) of the request.
 */
export function cachedList(
  context: RecommendationsContext,
  parts: unknown,
  scopes: (engine: RecommendationEngine) => string[],
  compute: (engine: RecommendationEngine) => RecommendationList,
): Promise<RecommendationList> {
  const engine = context.host.engine;
  const kind = Array.isArray(parts) && typeof parts[0] === 'string' ? parts[0] : 'list';
  return context.cache.getOrCompute(parts, scopes(engine), () =>
    inSpan('recommendations', 'recommendation engine', { attributes: { 'smartcart.recommendation.kind': kind }, onlyWithParent: true }, (span) => {
      const list = compute(context.host.engine);
      span?.setAttribute('smartcart.recommendation.items', list.items.length);
      return list;
    }),
  );
}
