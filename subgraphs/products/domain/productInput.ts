import { rules, z } from '../../../platform/validation';
import type { DietaryTag, NutriScore, ProductKind, SustainabilityLabel } from '../generated/resolvers-types';
import { parseGtin } from './gtin';

// The one definition of a valid product, shared by the admin mutations and
// the bulk import, so both accept and reject exactly the same things.

const DIETARY_TAG_SET: Record<DietaryTag, true> = {
  VEGAN: true, VEGETARIAN: true, GLUTEN_FREE: true, LACTOSE_FREE: true, NUT_FREE: true, HALAL: true, KOSHER: true,
};
const LABEL_SET: Record<SustainabilityLabel, true> = {
  ORGANIC: true, FAIR_TRADE: true, LOCAL: true, RECYCLABLE_PACKAGING: true, PLASTIC_FREE: true,
  RAINFOREST_ALLIANCE: true, MSC_CERTIFIED: true, ANIMAL_WELFARE: true, CARBON_NEUTRAL: true, SEASONAL: true,
};
const KIND_SET: Record<ProductKind, true> = { MERCHANDISE: true, FEE: true, SERVICE: true, DEPOSIT: true, GIFT_CARD: true };
export const DIETARY_TAGS = Object.keys(DIETARY_TAG_SET) as DietaryTag[];
export const PRODUCT_KINDS = Object.keys(KIND_SET) as ProductKind[];
export const SUSTAINABILITY_LABELS = Object.keys(LABEL_SET) as SustainabilityLabel[];

/** The message for a value of the wrong type, with clearer ones for a missing value and an explicit null. */
const typeError = (expected: string) => (issue: { input?: unknown }) =>
  issue.input === undefined ? 'is required' : issue.input === null ? 'must not be null' : `must be ${expected}`;

const string = () => z.string({ error: typeError('text') });
const number = () => z.number({ error: typeError('a number') });
export const int = (min: number, max: number) =>
  number().int('must be a whole number').min(min, `must be between ${min} and ${max.toLocaleString('en')}`).max(max, `must be between ${min} and ${max.toLocaleString('en')}`);
export const text = (max: number) => string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
/** Lists are sets here: duplicates are dropped, order kept. */
const set = <T extends string>(item: z.ZodType<T>, max: number) =>
  z.array(item, { error: typeError('a list') }).max(max, `must have at most ${max} entries`).transform((items) => [...new Set(items)]);

export const sku = string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'must be 1–64 letters, digits, "-", "_" or ".", starting with a letter or digit');
export const money = string().regex(/^\d{1,10}(\.\d{1,2})?$/, 'must be an amount ≥ 0 with at most 2 decimals');
const percent = string()
  .regex(/^\d{1,3}(\.\d{1,2})?$/, 'must be between 0 and 100 with at most 2 decimals')
  .refine((value) => Number(value) <= 100, 'must be between 0 and 100 with at most 2 decimals');
const currency = string().regex(/^[A-Z]{3}$/, 'must be a 3-letter ISO-4217 code such as EUR');
const imageUrl = string()
  .max(2000, 'must be at most 2000 characters')
  .refine((url) => /^https?:\/\/[^\s/]+\S*$/i.test(url) || /^\/[^\s/]\S*$/.test(url), 'must be an http(s) URL or a path starting with /');
/** Validated and stored as GTIN-14 (domain/gtin.ts): the same product read as UPC-A or EAN-13 is one number. */
export const gtin = string().transform((value, ctx) => {
  const checked = parseGtin(value);
  if ('reason' in checked) {
    ctx.addIssue({ code: 'custom', message: checked.reason });
    return z.NEVER;
  }
  return checked.gtin14;
});
const NUTRI_SCORES: NutriScore[] = ['A', 'B', 'C', 'D', 'E'];
const nutriScore = z.enum(NUTRI_SCORES as [NutriScore, ...NutriScore[]], { error: 'must be A, B, C, D or E' });
const quantity = (max: number) => number().min(0, `must be between 0 and ${max}`).max(max, `must be between 0 and ${max}`);

const image = z.strictObject({ url: imageUrl, alt: string().max(300, 'must be at most 300 characters').nullish() }).transform(({ url, alt }) => ({ url, alt: alt ?? '' }));

const nutritionFacts = {
  energyKcal: quantity(10_000).nullish(),
  fat: quantity(100).nullish(),
  saturatedFat: quantity(100).nullish(),
  carbohydrates: quantity(100).nullish(),
  sugars: quantity(100).nullish(),
  fibre: quantity(100).nullish(),
  protein: quantity(100).nullish(),
  salt: quantity(100).nullish(),
};
export type NutritionFact = keyof typeof nutritionFacts;
export const NUTRITION_FACTS = Object.keys(nutritionFacts) as NutritionFact[];

const nutrition = z
  .strictObject({
    ...nutritionFacts,
    nutriScore: nutriScore.nullish(),
    extras: z
      .array(z.strictObject({ name: text(60), value: quantity(100_000), unit: text(10) }), { error: typeError('a list') })
      .max(30, 'must have at most 30 entries')
      .nullish(),
  })
  // Unknown facts are simply absent: stored without nulls, so equal labels compare equal.
  .transform((facts) => Object.fromEntries(Object.entries(facts).filter(([, value]) => value !== null && value !== undefined)) as Nutrition);

export interface Nutrition extends Partial<Record<NutritionFact, number>> {
  nutriScore?: NutriScore;
  extras?: { name: string; value: number; unit: string }[];
}

export const productKind = z.enum(PRODUCT_KINDS as [ProductKind, ...ProductKind[]], {
  error: (issue) => (issue.input === null ? 'must not be null' : 'must be MERCHANDISE, FEE, SERVICE, DEPOSIT or GIFT_CARD'),
});

export const dietaryTag = z.enum(DIETARY_TAGS as [DietaryTag, ...DietaryTag[]], { error: 'must be a known dietary tag' });

const sustainability = z.strictObject({
  score: int(0, 100).nullish(),
  carbonFootprintKg: quantity(99_999).nullish(),
  labels: set(z.enum(SUSTAINABILITY_LABELS as [SustainabilityLabel, ...SustainabilityLabel[]], { error: 'must be a known sustainability label' }), 10).nullish(),
});

/** Every product field; create and update differ only in which are required. */
const fields = {
  sku,
  gtin: gtin.nullable(),
  name: text(200),
  description: string().trim().max(5000, 'must be at most 5000 characters'),
  brand: text(120).nullable(),
  categoryId: rules.uuid.nullable(),
  price: money,
  currency,
  discountPercent: percent.nullable(),
  images: z.array(image, { error: typeError('a list') }).max(20, 'must have at most 20 entries'),
  stockQuantity: int(0, 1_000_000),
  rating: quantity(5).nullable(),
  ratingCount: int(0, 1_000_000_000),
  tags: set(text(40), 30),
  dietaryTags: set(dietaryTag, 7),
  kind: productKind,
  nutrition: nutrition.nullable(),
  sustainability: sustainability.nullable(),
};

const { sku: _sku, name: _name, price: _price, ...optional } = fields;

export const createProductSchema = z.strictObject({
  sku,
  name: fields.name,
  price: fields.price,
  ...Object.fromEntries(Object.entries(optional).map(([key, schema]) => [key, schema.optional()])) as {
    [K in keyof typeof optional]: z.ZodOptional<(typeof optional)[K]>;
  },
});

export const updateProductSchema = z.strictObject(
  Object.fromEntries(Object.entries(fields).map(([key, schema]) => [key, schema.optional()])) as {
    [K in keyof typeof fields]: z.ZodOptional<(typeof fields)[K]>;
  },
);

export type CreateProductFields = z.output<typeof createProductSchema>;
export type UpdateProductFields = z.output<typeof updateProductSchema>;

export const stockQuantity = fields.stockQuantity;
