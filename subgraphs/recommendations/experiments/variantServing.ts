import type { RecommendationFilter } from '../engine/constraints';
import type { RecommendationEngine, RecommendationList } from '../engine/recommendationEngine';
import { toFilter } from '../requestArgs';
import type { VariantDefinition, VariantStrategy } from './experimentDefinition';

// How a variant changes a list: the engine's serving parameters, an added
// filter and, optionally, another strategy. Pure functions of the engine.

export type ListRequest = Parameters<RecommendationEngine['cartSuggestions']>[1];

/** What the placement knows about the list it serves. */
export interface PlacementContext {
  /** The products the list starts from (the cart, the product page); [] when none. */
  productIds: readonly string[];
  shopperId: string;
}

/**
 * The live engine serving with the variant's parameters: the same learned
 * models (nothing is copied; the view reads the engine's state through its
 * prototype), other serving options. Parameters that shape training (the
 * basket model's regularisation) would need a model per variant and are not
 * offered.
 */
export function tunedEngine(engine: RecommendationEngine, variant: Pick<VariantDefinition, 'maxCategoryShare' | 'pairShrinkage'>): RecommendationEngine {
  if (variant.maxCategoryShare === null && variant.pairShrinkage === null) return engine;
  const options = {
    ...engine.options,
    ...(variant.maxCategoryShare !== null ? { maxCategoryShare: variant.maxCategoryShare } : {}),
    ...(variant.pairShrinkage !== null ? { pairShrinkage: variant.pairShrinkage } : {}),
  };
  return Object.create(engine, { options: { value: options, enumerable: true } }) as RecommendationEngine;
}

/** Both filters apply: the tighter bound, every tag, every exclusion; the request's category first. */
export function mergeFilters(request: RecommendationFilter | undefined, variant: RecommendationFilter | null): RecommendationFilter | undefined {
  if (!variant) return request;
  const r = request ?? {};
  const max = (a?: number | null, b?: number | null) => (a == null ? (b ?? null) : b == null ? a : Math.max(a, b));
  const min = (a?: number | null, b?: number | null) => (a == null ? (b ?? null) : b == null ? a : Math.min(a, b));
  const union = (a?: readonly string[] | null, b?: readonly string[] | null) => (a || b ? [...new Set([...(a ?? []), ...(b ?? [])])] : null);
  return {
    categoryId: r.categoryId ?? variant.categoryId ?? null,
    minPriceCents: max(r.minPriceCents, variant.minPriceCents),
    maxPriceCents: min(r.maxPriceCents, variant.maxPriceCents),
    dietaryTags: union(r.dietaryTags, variant.dietaryTags),
    minSustainabilityScore: max(r.minSustainabilityScore, variant.minSustainabilityScore),
    inStock: r.inStock !== false || variant.inStock !== false,
    excludeIds: union(r.excludeIds, variant.excludeIds),
  };
}

/** The variant's filter as the engine reads it (validated when the experiment was created). */
export function variantFilter(variant: Pick<VariantDefinition, 'filter'>): RecommendationFilter | null {
  return variant.filter ? toFilter(variant.filter) : null;
}

/** Strategies whose answer depends on the shopper: their lists are cached per shopper. */
export const SHOPPER_STRATEGIES = new Set<VariantStrategy>(['PERSONALIZED', 'AUTO', 'BUY_IT_AGAIN', 'RECENTLY_VIEWED']);
/** Strategies that start from the placement's products. */
export const PRODUCT_STRATEGIES = new Set<VariantStrategy>(['CART_COMPLETION', 'FREQUENTLY_BOUGHT_TOGETHER', 'SIMILAR']);

/**
 * A variant's own strategy on the placement's context. The products on the
 * page are never recommended back; single-product strategies start from the
 * last one (the product page's, or the item added to the cart last).
 */
export function runStrategy(engine: RecommendationEngine, strategy: Exclude<VariantStrategy, 'DEFAULT'>, where: PlacementContext, request: ListRequest): RecommendationList {
  const excluded = { ...request, filter: { ...request.filter, excludeIds: [...(request.filter?.excludeIds ?? []), ...where.productIds] } };
  const last = where.productIds[where.productIds.length - 1];
  switch (strategy) {
    case 'CART_COMPLETION':
      return engine.cartSuggestions(where.productIds, request);
    case 'FREQUENTLY_BOUGHT_TOGETHER':
      return last ? engine.frequentlyBoughtTogether(last, excluded) : engine.popular(excluded);
    case 'SIMILAR':
      return last ? engine.similar(last, excluded) : engine.popular(excluded);
    case 'PERSONALIZED':
      return engine.personalized(where.shopperId, excluded);
    case 'AUTO':
      return engine.auto(where.shopperId, excluded);
    case 'BUY_IT_AGAIN':
      return engine.buyItAgain(where.shopperId, excluded);
    case 'RECENTLY_VIEWED':
      return engine.recentlyViewed(where.shopperId, excluded);
    case 'POPULAR':
      return engine.popular(excluded);
    case 'TRENDING':
      return engine.trending(excluded);
  }
}
