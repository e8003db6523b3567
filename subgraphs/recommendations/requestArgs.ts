import { parseInput, rules, z } from '../../platform/validation';
import type { RecommendationFilter, ShopperContext } from './engine/constraints';
import { anonymousShopper } from './engine/constraints';
import { toCents } from './engine/money';

const filterSchema = z
  .object({
    categoryId: rules.uuid.nullish(),
    minPrice: rules.money.nullish(),
    maxPrice: rules.money.nullish(),
    dietaryTags: z.array(z.string()).max(7).nullish(),
    minSustainabilityScore: z.number().int().min(0, 'must be between 0 and 100').max(100, 'must be between 0 and 100').nullish(),
    inStock: z.boolean().nullish(),
    excludeIds: z.array(rules.uuid).max(100, 'must have at most 100 ids').nullish(),
  })
  .nullish();

export interface FilterInput {
  categoryId?: string | null;
  minPrice?: string | null;
  maxPrice?: string | null;
  dietaryTags?: readonly string[] | null;
  minSustainabilityScore?: number | null;
  inStock?: boolean | null;
  excludeIds?: readonly string[] | null;
}

/** GraphQL filter input → engine filter, validated (BAD_USER_INPUT names the field). */
export function toFilter(input: FilterInput | null | undefined, extra: { categoryId?: string | null } = {}): RecommendationFilter {
  const filter = parseInput(filterSchema, input, 'filter') ?? {};
  const categoryId = extra.categoryId ? parseInput(rules.uuid, extra.categoryId, 'category') : filter.categoryId;
  return {
    categoryId: categoryId ?? null,
    minPriceCents: filter.minPrice ? toCents(filter.minPrice) : null,
    maxPriceCents: filter.maxPrice ? toCents(filter.maxPrice) : null,
    dietaryTags: filter.dietaryTags ?? null,
    minSustainabilityScore: filter.minSustainabilityScore ?? null,
    inStock: filter.inStock ?? true,
    excludeIds: filter.excludeIds ?? null,
  };
}

export function toFirst(first: number | null | undefined, fallback: number): number {
  return parseInput(z.number().int('must be a whole number').min(1, 'must be between 1 and 50').max(50, 'must be between 1 and 50'), first ?? fallback, 'first');
}

/** The preferences the gateway fetched from the users subgraph (@requires) as engine context. */
export interface RequiredPreferences {
  sustainabilityPreference?: string | null;
  dietaryRestrictions?: readonly string[] | null;
  location?: { latitude: number; longitude: number } | null;
}

export function toShopperContext(preferences: RequiredPreferences | null | undefined, remaining?: string | null): ShopperContext {
  if (!preferences && remaining == null) return anonymousShopper;
  const sustainability = preferences?.sustainabilityPreference;
  return {
    dietaryRestrictions: preferences?.dietaryRestrictions ?? [],
    sustainability: sustainability === 'PREFER' || sustainability === 'ONLY' ? sustainability : 'NONE',
    // Over budget: nothing more fits.
    remainingBudgetCents: remaining == null ? null : Math.max(0, toCents(remaining)),
    location: preferences?.location ?? null,
  };
}
