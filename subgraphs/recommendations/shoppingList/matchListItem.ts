import type { RecommendationFilter, ShopperContext } from '../engine/constraints';
import { toCents } from '../engine/money';
import type { RecommendationEngine, RecommendationList } from '../engine/recommendationEngine';
import type { Intent, IntentItem } from '../intent/intent';

export type ListEngine = Pick<RecommendationEngine, 'matchKeywords' | 'catalog'>;

export interface ItemMatchOptions {
  /** Matches kept, best first. */
  first: number;
  /** The shopper's diet, obeyed strictly; [] for none. */
  diet: readonly string[];
  /** The shopper's own preference, for an item that says none. */
  sustainability: ShopperContext['sustainability'];
  /** The request's filters on top of the item's own (recommend's `filter`), whose price limits come before the line's. */
  filter?: RecommendationFilter | null;
}

/**
 * The products one item of a shopping-list line asks for ("eggs" of "milk,
 * eggs and bread"), best first: those whose names, brands or tags carry its
 * words, the product type first, within what the line says (diets, prices,
 * exclusions, "only organic") and the shopper's diet. Strict: an item no
 * product matches gets no stand-in from the popular list, since the shopper
 * asked for that thing and not for something else. The one matcher of lists:
 * a typed or photographed list filling a cart (planCartFill.ts) and a
 * photographed list in recommend (matchPhotographedList.ts). Pure over the
 * engine's current state.
 */
export function matchListItem(engine: ListEngine, intent: Intent, item: IntentItem, options: ItemMatchOptions): RecommendationList {
  const base = options.filter ?? {};
  return engine.matchKeywords(item.keywords, {
    first: options.first,
    // Only real matches: a fallback (popular products) is no answer to "milk".
    strict: true,
    productTerms: item.productTerms,
    cheapFirst: item.priceSensitivity === 'BUDGET',
    filter: {
      ...base,
      dietaryTags: [...new Set([...(base.dietaryTags ?? []), ...options.diet, ...item.dietaryTags])],
      excludeTerms: intent.excluded,
      requiredLabels: (item.organic ?? intent.organic) === 'ONLY' ? ['ORGANIC'] : (base.requiredLabels ?? null),
      maxPriceCents: base.maxPriceCents ?? (intent.maxPrice ? toCents(intent.maxPrice) : null),
      minPriceCents: base.minPriceCents ?? (intent.minPrice ? toCents(intent.minPrice) : null),
    },
    shopper: { dietaryRestrictions: options.diet, sustainability: item.sustainability ?? options.sustainability, remainingBudgetCents: null, location: null },
  });
}
