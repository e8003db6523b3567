import type { RecommendationsContext } from '../context';
import type { RecommendationEngine, RecommendationList } from '../engine/recommendationEngine';
import { assignVariant } from '../experiments/assignment';
import type { Placement } from '../experiments/experimentDefinition';
import { tagRecommendationId } from '../experiments/experimentRecommendationIds';
import { mergeFilters, PRODUCT_STRATEGIES, runStrategy, SHOPPER_STRATEGIES, tunedEngine, variantFilter, type ListRequest } from '../experiments/variantServing';
import { cachedList } from './cachedList';

export interface PlacementList<R extends ListRequest> {
  placement: Placement;
  /** The products the list starts from ([] when none). */
  productIds: readonly string[];
  /** The shopper when the placement knows it (Shopper, Cart); else the session's is asked for, only while an experiment runs. */
  shopperId?: string | null;
  request: R;
  /** The cache key of the placement's own list (the variant's is derived from it). */
  parts: unknown[];
  scopes: (engine: RecommendationEngine) => string[];
  /** The placement's own list for a request. */
  compute: (engine: RecommendationEngine, request: R) => RecommendationList;
}

/**
 * A placement's list, inside the experiment running on it if there is one:
 * the shopper's variant (deterministic), the variant's list (cached per
 * variant), its recommendation ids tagged with experiment and variant, and an
 * impression handed to the batched recorder. Outside an experiment, or for a
 * request without a shopper, the placement's own list as before.
 */
export async function experimentList<R extends ListRequest>(context: RecommendationsContext, list: PlacementList<R>): Promise<RecommendationList> {
  const plain = () => cachedList(context, list.parts, list.scopes, (engine) => list.compute(engine, list.request));
  const experiment = context.experiments.running(list.placement);
  if (!experiment) return plain();
  const shopperId = list.shopperId ?? (await context.sessionShopperId().catch(() => null));
  if (!shopperId) return plain();
  const variant = assignVariant(experiment.id, shopperId, experiment.variants);
  const request: R = { ...list.request, filter: mergeFilters(list.request.filter, variantFilter(variant)) };
  const strategy = variant.strategy;
  const perShopper = SHOPPER_STRATEGIES.has(strategy);
  const where = { productIds: list.productIds, shopperId };
  const served = await cachedList(
    context,
    [...list.parts, 'experiment', experiment.id, variant.key, perShopper ? shopperId : null],
    (engine) => [
      ...list.scopes(engine),
      ...(perShopper ? engine.shopperScopes(shopperId, request.shopper) : []),
      ...(PRODUCT_STRATEGIES.has(strategy) && list.productIds.length > 0 ? engine.cartScopes(list.productIds, request.shopper) : []),
    ],
    (engine) => {
      const tuned = tunedEngine(engine, variant);
      return strategy === 'DEFAULT' ? list.compute(tuned, request) : runStrategy(tuned, strategy, where, request);
    },
  );
  const items = served.items.map((item) => ({ ...item, recommendationId: tagRecommendationId(experiment.ref, variant.key, item.recommendationId) }));
  if (items.length > 0) {
    context.impressions.record({ experimentId: experiment.id, variant: variant.key, shopperId, recommendationIds: items.map((i) => i.recommendationId), servedAt: new Date() });
  }
  return { ...served, items };
}
