import type { NutritionSnapshot } from '../../../platform/events/topics';
import { wordStem } from './wordStem';

/**
 * Content similarity: how alike two products are from what the catalog says
 * about them, before (and besides) anything shoppers did. One formula, used
 * for every product by the neighbour index (contentNeighbourIndex.ts) behind
 * `Product.similar` and `Product.similarItems`.
 *
 *   similarity(a, b) = 0.35 · category + 0.30 · text + 0.15 · diet + 0.10 · nutrition + 0.10 · price
 *
 * - category (0.35): the share of the deeper category path both share from
 *   the root (same aisle 1, sibling aisles ⅔ in a three-level tree). The
 *   largest weight: the shop's own tree is the most deliberate statement of
 *   what a product is.
 * - text (0.30): cosine of the stemmed words (wordStem) of name, brand, tags
 *   and description; a name word weighs 1, a word only in the brand, tags or
 *   description ½ (descriptions are long and chatty). This finds tea among
 *   teas when the category tree does not.
 * - diet (0.15): Jaccard overlap of the dietary tags (neither has any: 1).
 *   Enough for a vegan product to prefer vegan neighbours, not enough to
 *   pull a vegan product from another aisle above one of its own.
 * - nutrition (0.10): per fact on both labels, 1 − |a − b| / max(a, b),
 *   averaged; 0.5 (unknown) when either label is missing.
 * - price (0.10): the price band, 1 − |ln(a / b)| / ln 4 (same price 1,
 *   twice the price ½, four times or more 0) on the regular price, so a
 *   temporary discount does not reshuffle neighbours.
 *
 * No corpus statistics (no IDF): a pair's score depends on the two products
 * alone, so updating one product's neighbours as its event arrives gives
 * what a full rebuild gives. Only related products are compared: a product
 * is a candidate when it shares the aisle, the aisle above it or a word
 * (`candidateKeys`); a word or an aisle above on very many products finds
 * none (contentNeighbourIndex.ts, TOO_COMMON). Non-merchandise (fees, services, deposits, gift
 * cards) and archived products are never anyone's neighbour and have none.
 */
export const CONTENT_WEIGHTS = { category: 0.35, text: 0.3, diet: 0.15, nutrition: 0.1, price: 0.1 } as const;

/** What the formula reads of a product (from its catalog snapshot). */
export interface ContentInput {
  productId: string;
  name: string;
  brand: string | null;
  tags: readonly string[];
  description: string;
  /** Category ids from the root down to the product's own. */
  categoryPath: readonly string[];
  dietaryTags: Iterable<string>;
  nutrition: NutritionSnapshot | null;
  /** Regular price in cents. */
  priceCents: number;
  /** Merchandise and not archived: only such products are neighbours (and have any). */
  eligible: boolean;
}

export interface ContentFeatures {
  productId: string;
  /** Stem → weight (1 for a name word, ½ otherwise). */
  terms: ReadonlyMap<string, number>;
  termNorm: number;
  categoryPath: readonly string[];
  dietaryTags: ReadonlySet<string>;
  nutrition: readonly (number | null)[] | null;
  priceCents: number;
  eligible: boolean;
  /** Everything above in one string: an event that leaves it unchanged (stock, discount) changes no neighbour. */
  key: string;
}

const NAME_WEIGHT = 1;
const OTHER_WEIGHT = 0.5;
/** Description words beyond these say little more and cost comparisons. */
const MAX_DESCRIPTION_TERMS = 60;
const NUTRITION_FACTS = ['energyKcal', 'fat', 'saturatedFat', 'carbohydrates', 'sugars', 'fibre', 'protein', 'salt'] as const;
const STOP_WORDS = new Set([
  'and', 'the', 'with', 'for', 'from', 'pack', 'our', 'your', 'this', 'that', 'are', 'its', 'per', 'made', 'into', 'you', 'has', 'have', 'all', 'any', 'can', 'not', 'but', 'one', 'more', 'very',
]);

function words(text: string | null | undefined): string[] {
  const found: string[] = [];
  for (const word of (text ?? '').toLowerCase().split(/[^a-z\u00c0-\u024f]+/)) {
    if (word.length > 2 && !STOP_WORDS.has(word)) found.push(wordStem(word));
  }
  return found;
}

export function contentFeatures(input: ContentInput): ContentFeatures {
  const terms = new Map<string, number>();
  for (const stem of words(input.name)) terms.set(stem, NAME_WEIGHT);
  const add = (stem: string) => {
    if (!terms.has(stem)) terms.set(stem, OTHER_WEIGHT);
  };
  for (const stem of words([input.brand ?? '', ...input.tags].join(' '))) add(stem);
  const description = [...new Set(words(input.description))].slice(0, MAX_DESCRIPTION_TERMS);
  for (const stem of description) add(stem);
  let squares = 0;
  for (const weight of terms.values()) squares += weight * weight;
  const nutrition = input.nutrition ? NUTRITION_FACTS.map((fact) => input.nutrition![fact] ?? null) : null;
  const dietaryTags = new Set(input.dietaryTags);
  const sortedTerms = [...terms].sort((a, b) => (a[0] < b[0] ? -1 : 1));
  const key = JSON.stringify([sortedTerms, input.categoryPath, [...dietaryTags].sort(), nutrition, input.priceCents, input.eligible]);
  return {
    productId: input.productId,
    terms: new Map(sortedTerms),
    termNorm: Math.sqrt(squares),
    categoryPath: input.categoryPath,
    dietaryTags,
    nutrition: nutrition && nutrition.some((v) => v !== null) ? nutrition : null,
    priceCents: input.priceCents,
    eligible: input.eligible,
    key,
  };
}

/**
 * The keys under which a product is found as a candidate: its aisle, the
 * aisle above it, and its words. Products sharing none are never compared
 * (a shared root category alone, "Food", says nothing).
 */
export function candidateKeys(features: ContentFeatures): string[] {
  const path = features.categoryPath;
  const own = path.length > 0 ? [`${OWN_AISLE}${path[path.length - 1]}`] : [];
  const above = path.length > 1 ? [`above:${path[path.length - 2]}`] : [];
  return [...own, ...above, ...[...features.terms.keys()].map((term) => `word:${term}`)];
}

/** The prefix of the key of a product's own aisle (candidateKeys): the one key never too common to find by. */
export const OWN_AISLE = 'aisle:';

/** The formula above, 0–1. Symmetric to the last bit: the pair is always read in product-id order. */
export function contentSimilarity(x: ContentFeatures, y: ContentFeatures): number {
  const [a, b] = x.productId <= y.productId ? [x, y] : [y, x];
  return (
    CONTENT_WEIGHTS.category * categoryOverlap(a.categoryPath, b.categoryPath) +
    CONTENT_WEIGHTS.text * textCosine(a, b) +
    CONTENT_WEIGHTS.diet * dietOverlap(a.dietaryTags, b.dietaryTags) +
    CONTENT_WEIGHTS.nutrition * nutritionCloseness(a.nutrition, b.nutrition) +
    CONTENT_WEIGHTS.price * priceCloseness(a.priceCents, b.priceCents)
  );
}

function categoryOverlap(a: readonly string[], b: readonly string[]): number {
  const deeper = Math.max(a.length, b.length);
  if (deeper === 0) return 0;
  let shared = 0;
  while (shared < a.length && shared < b.length && a[shared] === b[shared]) shared += 1;
  return shared / deeper;
}

function textCosine(a: ContentFeatures, b: ContentFeatures): number {
  if (a.termNorm === 0 || b.termNorm === 0) return 0;
  let dot = 0;
  for (const [term, weight] of a.terms) {
    const other = b.terms.get(term);
    if (other !== undefined) dot += weight * other;
  }
  return dot / (a.termNorm * b.termNorm);
}

function dietOverlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const tag of a) if (b.has(tag)) shared += 1;
  return shared / (a.size + b.size - shared);
}

function nutritionCloseness(a: readonly (number | null)[] | null, b: readonly (number | null)[] | null): number {
  if (!a || !b) return 0.5;
  let sum = 0;
  let facts = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x == null || y == null) continue;
    const larger = Math.max(x, y);
    sum += larger <= 0 ? 1 : 1 - Math.abs(x - y) / larger;
    facts += 1;
  }
  return facts === 0 ? 0.5 : sum / facts;
}

function priceCloseness(a: number, b: number): number {
  return Math.max(0, 1 - Math.abs(Math.log((a + 1) / (b + 1))) / Math.LN2 / 2);
}
