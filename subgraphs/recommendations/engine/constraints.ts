import type { CatalogFacts, CatalogProjection } from './catalogProjection';
import { distanceKm } from './geo';
import { exclusionStems, stemsOf } from './wordStem';

/** Filters a caller may put on any list. */
export interface RecommendationFilter {
  categoryId?: string | null;
  minPriceCents?: number | null;
  maxPriceCents?: number | null;
  /** All must be present on the item. */
  dietaryTags?: readonly string[] | null;
  minSustainabilityScore?: number | null;
  /** Defaults to true: recommending what cannot be bought helps nobody. */
  inStock?: boolean | null;
  excludeIds?: readonly string[] | null;
  /**
   * Words the shopper does not want ("nut", "palm oil"): an item whose name, brand or tags
   * contain one (an allergen: any of its family) is left out, unless a tag vouches for it (NUT_FREE for nuts).
   */
  excludeTerms?: readonly string[] | null;
  /** Sustainability labels the item must carry ("only organic" → ORGANIC). */
  requiredLabels?: readonly string[] | null;
}

/** Tags that certify an item free of what a term names, whatever its name says. */
const VOUCHING_TAG: Readonly<Record<string, string>> = { nut: 'NUT_FREE', peanut: 'NUT_FREE' };

/** What the engine knows of the shopper it recommends to. */
export interface ShopperContext {
  dietaryRestrictions: readonly string[];
  sustainability: 'NONE' | 'PREFER' | 'ONLY';
  /** Money left under the budget limit, when the shopper has one. */
  remainingBudgetCents: number | null;
  location: { latitude: number; longitude: number } | null;
}

export const anonymousShopper: ShopperContext = { dietaryRestrictions: [], sustainability: 'NONE', remainingBudgetCents: null, location: null };

/** Sustainability "ONLY" means a score of at least this, or an eco label. */
export const SUSTAINABLE_SCORE = 60;
export const NEARBY_KM = 10;

export function isSustainable(item: CatalogFacts): boolean {
  return (item.sustainabilityScore ?? 0) >= SUSTAINABLE_SCORE || item.sustainabilityLabels.includes('ORGANIC') || item.sustainabilityLabels.includes('FAIR_TRADE');
}

export interface CompiledConstraints {
  /** Hard rules: an item failing one is never shown. */
  accepts(item: CatalogFacts): boolean;
  /** Soft preferences, as a multiplier on the score (≥ 1 boosts). */
  boost(item: CatalogFacts): number;
  /** Stores within reach of the shopper, when a location is known. */
  nearbyStores: ReadonlySet<string>;
}

/**
 * Turns a filter and the shopper's constraints into one accept/boost pair.
 * Diet is strict (an allergy is not a preference), budget is strict, "only
 * sustainable" is strict; "prefer sustainable" and nearby stock boost.
 */
export function compileConstraints(filter: RecommendationFilter, shopper: ShopperContext, catalog: CatalogProjection): CompiledConstraints {
  const excluded = new Set(filter.excludeIds ?? []);
  const inCategory = filter.categoryId ? catalog.category(filter.categoryId) : null;
  const dietary = [...new Set([...(filter.dietaryTags ?? []), ...shopper.dietaryRestrictions])];
  const inStockOnly = filter.inStock ?? true;
  const maxPrice = Math.min(filter.maxPriceCents ?? Infinity, shopper.remainingBudgetCents ?? Infinity);
  const exclusions = (filter.excludeTerms ?? []).map((term) => ({ vouch: VOUCHING_TAG[term], stems: exclusionStems(term) }));
  const labels = filter.requiredLabels ?? [];
  const nearbyStores = new Set<string>();
  if (shopper.location) {
    for (const [storeId, point] of catalog.stores) if (distanceKm(shopper.location, point) <= NEARBY_KM) nearbyStores.add(storeId);
  }
  return {
    nearbyStores,
    accepts(item) {
      // A fee, deposit or gift card is never a suggestion, whatever the list.
      if (!item.merchandise || item.archived || excluded.has(item.productId)) return false;
      if (inStockOnly && item.stockQuantity <= 0) return false;
      if (inCategory && !inCategory.has(item.index)) return false;
      if (item.effectivePriceCents > maxPrice) return false;
      if (filter.minPriceCents != null && item.effectivePriceCents < filter.minPriceCents) return false;
      if (filter.minSustainabilityScore != null && (item.sustainabilityScore ?? -1) < filter.minSustainabilityScore) return false;
      for (const tag of dietary) if (!item.dietaryTags.has(tag)) return false;
      if (shopper.sustainability === 'ONLY' && !isSustainable(item)) return false;
      for (const label of labels) if (!item.sustainabilityLabels.includes(label)) return false;
      if (exclusions.length > 0) {
        const stems = stemsOf(item.tokens);
        for (const { vouch, stems: phrases } of exclusions) {
          if (vouch && item.dietaryTags.has(vouch)) continue;
          if (phrases.some((phrase) => phrase.every((stem) => stems.has(stem)))) return false;
        }
      }
      return true;
    },
    boost(item) {
      let factor = 1;
      if (shopper.sustainability === 'PREFER') factor *= 1 + (item.sustainabilityScore ?? 0) / 200;
      if (nearbyStores.size > 0 && item.storeIds.some((s) => nearbyStores.has(s))) factor *= 1.15;
      return factor;
    },
  };
}
