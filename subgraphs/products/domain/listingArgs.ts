import { badUserInput } from '../../../platform/errors';
import { requirePageSize } from '../../../platform/graphql/ids';
import { parseInput, rules, z } from '../../../platform/validation';
import type { Circle } from '../data/geoSql';
import type { ProductFilter } from '../data/productSearch';
import type { ProductFilter as ProductFilterInput } from '../generated/resolvers-types';
import { decodeCursor, type Cursor, type ProductSort } from './cursor';
import { dietaryTag, int, money } from './productInput';

export const radiusKm = z
  .number({ error: 'must be a number' })
  .gt(0, 'must be greater than 0 and at most 1000')
  .max(1000, 'must be greater than 0 and at most 1000');

export const location = z.strictObject({ latitude: rules.latitude, longitude: rules.longitude });

const filterSchema = z
  .strictObject({
    text: z.string().trim().max(200, 'must be at most 200 characters').nullish(),
    categoryId: rules.uuid.nullish(),
    minPrice: money.nullish(),
    maxPrice: money.nullish(),
    dietaryTags: z.array(dietaryTag).max(7, 'must have at most 7 entries').nullish(),
    minSustainabilityScore: int(0, 100).nullish(),
    inStock: z.boolean().nullish(),
    near: z.strictObject({ latitude: rules.latitude, longitude: rules.longitude, radiusKm: radiusKm.nullish() }).nullish(),
    includeArchived: z.boolean().nullish(),
  })
  .refine((f) => f.minPrice == null || f.maxPrice == null || Number(f.maxPrice) >= Number(f.minPrice), {
    path: ['maxPrice'],
    message: 'must not be less than minPrice',
  });

/** A validated circle: `radiusKm` defaults to 10 km. */
export function parseCircle(point: unknown, radius: number | null | undefined, field: string): Circle {
  const { latitude, longitude } = parseInput(location, point, field);
  return { latitude, longitude, radiusKm: parseInput(radiusKm, radius ?? 10, 'radiusKm') };
}

export interface ListingArgs {
  filter: ProductFilter;
  /** The category the filter narrows to (with its descendants), if any. */
  categoryId: string | null;
  sort: ProductSort;
  first: number;
  after: Cursor | null;
}

/**
 * Validates the arguments of a product listing. RELEVANCE needs text to rank
 * by; without it the listing is NEWEST, and its cursors say so.
 */
export function parseListingArgs(args: {
  filter?: ProductFilterInput | null;
  sort?: ProductSort | null;
  first?: number | null;
  after?: string | null;
}): ListingArgs {
  const input = parseInput(filterSchema, args.filter ?? {}, 'filter');
  const filter: ProductFilter = { includeArchived: input.includeArchived ?? false };
  if (input.text) filter.text = input.text;
  if (input.minPrice != null) filter.minPrice = input.minPrice;
  if (input.maxPrice != null) filter.maxPrice = input.maxPrice;
  if (input.dietaryTags?.length) filter.dietaryTags = [...new Set(input.dietaryTags)].sort();
  if (input.minSustainabilityScore != null) filter.minSustainabilityScore = input.minSustainabilityScore;
  if (input.inStock != null) filter.inStock = input.inStock;
  if (input.near) filter.near = { latitude: input.near.latitude, longitude: input.near.longitude, radiusKm: input.near.radiusKm ?? 10 };
  const requested = args.sort ?? 'RELEVANCE';
  const sort: ProductSort = requested === 'RELEVANCE' && !filter.text ? 'NEWEST' : requested;
  const first = requirePageSize(args.first, 'first', 20);
  if (args.after === '') throw badUserInput('after', 'is not a valid cursor');
  return { filter, categoryId: input.categoryId ?? null, sort, first, after: args.after ? decodeCursor(args.after, sort) : null };
}
