import type { Product } from '../../../prisma/generated/client/client';
import { Decimal } from './pricing';
import type { Nutrition, UpdateProductFields } from './productInput';

export interface ProductImage {
  url: string;
  alt: string;
}

/** Product columns as written: validated input mapped onto the table, nothing else. */
export interface ProductColumns {
  sku?: string;
  /** GTIN-14 (domain/gtin.ts). */
  gtin?: string | null;
  name?: string;
  description?: string;
  brand?: string | null;
  categoryId?: string | null;
  price?: Decimal;
  currency?: string;
  discountPercent?: Decimal | null;
  images?: ProductImage[];
  stockQuantity?: number;
  rating?: Decimal | null;
  ratingCount?: number;
  tags?: string[];
  dietaryTags?: string[];
  kind?: string;
  nutrition?: Nutrition | null;
  sustainabilityScore?: number | null;
  carbonFootprintKg?: Decimal | null;
  sustainabilityLabels?: string[];
}

export type ProductColumn = keyof ProductColumns;

const decimal = (value: string | number, places: number) => new Decimal(value).toDecimalPlaces(places, Decimal.ROUND_HALF_UP);

/** Maps validated fields to columns; a field left out stays out, so an update changes only what it names. */
export function toColumns(fields: UpdateProductFields): ProductColumns {
  const columns: ProductColumns = {};
  const { price, discountPercent, rating, sustainability, ...plain } = fields;
  Object.assign(columns, Object.fromEntries(Object.entries(plain).filter(([, value]) => value !== undefined)));
  if (price !== undefined) columns.price = decimal(price, 2);
  if (discountPercent !== undefined) columns.discountPercent = discountPercent === null ? null : decimal(discountPercent, 2);
  // Stored with one decimal: rounding here keeps "unchanged" detection exact.
  if (rating !== undefined) columns.rating = rating === null ? null : decimal(rating, 1);
  if (sustainability === null) {
    columns.sustainabilityScore = null;
    columns.carbonFootprintKg = null;
    columns.sustainabilityLabels = [];
  } else if (sustainability) {
    if (sustainability.score !== undefined) columns.sustainabilityScore = sustainability.score;
    if (sustainability.carbonFootprintKg !== undefined) {
      columns.carbonFootprintKg = sustainability.carbonFootprintKg === null ? null : decimal(sustainability.carbonFootprintKg, 3);
    }
    if (sustainability.labels !== undefined) columns.sustainabilityLabels = sustainability.labels ?? [];
  }
  return columns;
}

/** JSON with sorted keys: two documents with the same content compare equal. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

function same(current: unknown, next: unknown): boolean {
  if (current === null || next === null || current === undefined || next === undefined) return (current ?? null) === (next ?? null);
  if (Decimal.isDecimal(current) || Decimal.isDecimal(next)) return new Decimal(current as Decimal).equals(next as Decimal);
  if (typeof current === 'object' || typeof next === 'object') return canonical(current) === canonical(next);
  return current === next;
}

/** The columns of `patch` whose value differs from the stored product. */
export function changedColumns(current: Product, patch: ProductColumns): ProductColumn[] {
  return (Object.keys(patch) as ProductColumn[]).filter((column) => !same(current[column], patch[column]));
}

/** Only the part of `patch` that would change something. */
export function pickChanges(current: Product, patch: ProductColumns): { changed: ProductColumn[]; changes: ProductColumns } {
  const changed = changedColumns(current, patch);
  return { changed, changes: Object.fromEntries(changed.map((column) => [column, patch[column]])) as ProductColumns };
}
