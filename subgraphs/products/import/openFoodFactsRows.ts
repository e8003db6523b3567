import { CsvError, parse } from 'csv-parse/sync';
import type { DietaryTag, NutriScore, SustainabilityLabel } from '../generated/resolvers-types';
import type { ImportError, ParsedRows, RawRow } from './importRows';

// An Open Food Facts CSV export (the `code,product_name,brands,…` columns of
// its data dumps) read as product rows. The mapping is documented in
// docs/catalog.md ("Open Food Facts exports"); what the export cannot say
// (a shop's price) comes from a `price` column the shop adds, or the row is
// reported. Real exports are messy: tags in several languages, duplicate
// labels (en:organic / en:eu-organic), names in capitals, implausible values.

/** The columns this importer reads; any others (source, countries …) are ignored. */
const REQUIRED_COLUMNS = ['code', 'product_name'];

/** Labels (labels_tags) that are a diet promise. */
const DIET_LABELS: Record<string, DietaryTag> = {
  'en:vegan': 'VEGAN',
  'en:vegetarian': 'VEGETARIAN',
  'en:gluten-free': 'GLUTEN_FREE',
  'en:no-gluten': 'GLUTEN_FREE',
  'en:lactose-free': 'LACTOSE_FREE',
  'en:no-lactose': 'LACTOSE_FREE',
  'en:nut-free': 'NUT_FREE',
  'en:no-nuts': 'NUT_FREE',
  'en:halal': 'HALAL',
  'en:kosher': 'KOSHER',
};

/** Labels that are a sustainability certification. */
const SUSTAINABILITY_LABELS: Record<string, SustainabilityLabel> = {
  'en:organic': 'ORGANIC',
  'en:eu-organic': 'ORGANIC',
  'fr:ab-agriculture-biologique': 'ORGANIC',
  'en:usda-organic': 'ORGANIC',
  'en:fair-trade': 'FAIR_TRADE',
  'en:fairtrade-international': 'FAIR_TRADE',
  'en:max-havelaar': 'FAIR_TRADE',
  'en:rainforest-alliance': 'RAINFOREST_ALLIANCE',
  'en:sustainable-seafood-msc': 'MSC_CERTIFIED',
  'en:msc': 'MSC_CERTIFIED',
  'en:carbon-neutral': 'CARBON_NEUTRAL',
  'en:free-range': 'ANIMAL_WELFARE',
  'en:organic-farming': 'ORGANIC',
};

/** An allergen the pack declares rules out the diets it contradicts, whatever the labels claim. */
const ALLERGEN_CONFLICTS: Record<string, DietaryTag[]> = {
  'en:milk': ['VEGAN', 'LACTOSE_FREE'],
  'en:eggs': ['VEGAN'],
  'en:fish': ['VEGAN', 'VEGETARIAN'],
  'en:crustaceans': ['VEGAN', 'VEGETARIAN'],
  'en:molluscs': ['VEGAN', 'VEGETARIAN'],
  'en:gluten': ['GLUTEN_FREE'],
  'en:nuts': ['NUT_FREE'],
  'en:peanuts': ['NUT_FREE'],
};

/**
 * Open Food Facts categories (most specific first wins) → the shop's
 * category slugs (subgraphs/products/seed/categoryTree.ts). A tag not listed
 * is tried as a slug itself, singular and plural ("en:breads" → bread).
 * Only categories the catalog has are used; without one the product has no category.
 */
const CATEGORY_SLUGS: Record<string, string> = {
  'en:dairies': 'dairy',
  'en:milks': 'milk',
  'en:plant-based-beverages': 'milk',
  'en:cheeses': 'cheese',
  'en:yogurts': 'yogurt',
  'en:fermented-milk-products': 'yogurt',
  'en:butters': 'butter-cream',
  'en:creams': 'butter-cream',
  'en:eggs': 'eggs',
  'en:fruits': 'fruit',
  'en:vegetables': 'vegetables',
  'en:breads': 'bread',
  'en:pastries': 'pastries',
  'en:cakes': 'pastries',
  'en:meats': 'meat',
  'en:prepared-meats': 'deli',
  'en:poultries': 'poultry',
  'en:fishes': 'fish',
  'en:seafood': 'fish',
  'en:pastas': 'pasta-rice',
  'en:rices': 'pasta-rice',
  'en:canned-foods': 'canned',
  'en:sauces': 'sauces',
  'en:condiments': 'sauces',
  'en:spreads': 'spreads',
  'en:sweet-spreads': 'spreads',
  'en:honeys': 'spreads',
  'en:breakfasts': 'breakfast',
  'en:breakfast-cereals': 'breakfast',
  'en:vegetable-oils': 'oils-vinegar',
  'en:olive-oils': 'oils-vinegar',
  'en:vinegars': 'oils-vinegar',
  'en:spices': 'spices',
  'en:meals': 'ready-meals',
  'en:beverages': 'drinks',
  'en:waters': 'water',
  'en:sodas': 'soft-drinks',
  'en:fruit-juices': 'juice',
  'en:coffees': 'coffee-tea',
  'en:teas': 'coffee-tea',
  'en:wines': 'beer-wine',
  'en:beers': 'beer-wine',
  'en:alcoholic-beverages': 'beer-wine',
  'en:snacks': 'snacks',
  'en:confectioneries': 'sweets',
  'en:chocolates': 'sweets',
  'en:biscuits': 'biscuits',
  'en:biscuits-and-cakes': 'biscuits',
  'en:nuts': 'crisps-nuts',
  'en:crisps': 'crisps-nuts',
  'en:frozen-foods': 'frozen',
  'en:ice-creams': 'ice-cream',
  'en:groceries': 'pantry',
};

/** Nutrition columns (per 100 g or 100 ml) → the product's facts, with the range a real value lies in. */
const NUTRITION_COLUMNS: [column: string, fact: string, max: number][] = [
  ['energy_kcal_100g', 'energyKcal', 900],
  ['fat_100g', 'fat', 100],
  ['saturated_fat_100g', 'saturatedFat', 100],
  ['sugars_100g', 'sugars', 100],
  ['salt_100g', 'salt', 100],
  ['proteins_100g', 'protein', 100],
  ['fiber_100g', 'fibre', 100],
];

/** Is this header an Open Food Facts export? */
export function isOpenFoodFactsHeader(headerLine: string): boolean {
  const columns = headerLine.replace(/^\uFEFF/, '').split(/[,\t]/).map((cell) => cell.trim().replace(/^"|"$/g, ''));
  return REQUIRED_COLUMNS.every((column) => columns.includes(column));
}

/** What the row's validation paths are called in the file. */
export function openFoodFactsColumn(path: string[]): string {
  const [head, next] = path;
  if (head === 'sku' || head === 'gtin') return 'code';
  if (head === 'name') return 'product_name';
  if (head === 'brand') return 'brands';
  if (head === 'dietaryTags') return 'labels_tags';
  if (head === 'images') return 'image_url';
  if (head === 'categorySlug') return 'categories_tags';
  if (head === 'sustainability') return next === 'score' ? 'ecoscore_score' : 'labels_tags';
  if (head === 'nutrition') return next === 'nutriScore' ? 'nutriscore_grade' : (NUTRITION_COLUMNS.find(([, fact]) => fact === next)?.[0] ?? 'nutrition');
  return head ?? 'row';
}

const tagsOf = (cell: string | undefined) =>
  (cell ?? '')
    .split(',')
    .map((tag) => tag.trim().toLowerCase())
    .filter(Boolean);

/** "PASTA DI SEMOLA" → "Pasta Di Semola": a name in capitals reads as shouting on a shelf label. */
function readableName(raw: string): string {
  const name = raw.replace(/\s+/g, ' ').trim();
  if (/\p{Ll}/u.test(name) || !/\p{Lu}/u.test(name)) return name.slice(0, 200);
  return name
    .toLowerCase()
    .replace(/(^|[\s'(/-])(\p{Ll})/gu, (_m, before: string, letter: string) => before + letter.toUpperCase())
    .slice(0, 200);
}

/** A decimal as exports write it ("0,5" or "0.5"); undefined when empty or not a number. */
function decimal(cell: string | undefined): number | undefined {
  const text = (cell ?? '').trim().replace(',', '.');
  if (text === '' || !/^-?\d+(\.\d+)?$/.test(text)) return undefined;
  return Number(text);
}

/** The categories to try, most specific first (exports list them general → specific). */
export function categoryCandidates(cell: string | undefined): string[] {
  const candidates: string[] = [];
  for (const tag of tagsOf(cell).reverse()) {
    const mapped = CATEGORY_SLUGS[tag];
    if (mapped) candidates.push(mapped);
    const bare = tag.replace(/^[a-z]{2}:/, '');
    candidates.push(bare, bare.endsWith('s') ? bare.slice(0, -1) : `${bare}s`);
  }
  return [...new Set(candidates)].filter((slug) => /^[a-z0-9-]{1,80}$/.test(slug));
}

export interface OpenFoodFactsRow extends RawRow {
  /** Tried in order against the catalog's category slugs (importOpenFoodFacts resolves them). */
  categoryCandidates: string[];
}

export interface ParsedOpenFoodFacts extends ParsedRows {
  rows: OpenFoodFactsRow[];
}

/** One export line as a product input (see the mapping at the top of the file and in docs/catalog.md). */
export function openFoodFactsInput(record: Record<string, string>): Record<string, unknown> {
  const code = (record.code ?? '').trim();
  const name = readableName(record.product_name ?? '');
  const labels = tagsOf(record.labels_tags);
  const allergens = tagsOf(record.allergens_tags);
  const ruledOut = new Set(allergens.flatMap((allergen) => ALLERGEN_CONFLICTS[allergen] ?? []));
  const dietaryTags = [...new Set(labels.flatMap((label) => (DIET_LABELS[label] ? [DIET_LABELS[label]] : [])))].filter((tag) => !ruledOut.has(tag));
  const sustainabilityLabels = [...new Set(labels.flatMap((label) => (SUSTAINABILITY_LABELS[label] ? [SUSTAINABILITY_LABELS[label]] : [])))];
  // Allergens stay on the product as tags ("allergen:milk"), so "no nuts" style filters can read them.
  const tags = allergens.map((allergen) => `allergen:${allergen.replace(/^[a-z]{2}:/, '')}`.slice(0, 40)).slice(0, 30);

  const nutrition: Record<string, unknown> = {};
  for (const [column, fact, max] of NUTRITION_COLUMNS) {
    const value = decimal(record[column]);
    // An implausible value (negative, or more than 100 g per 100 g) is a data-entry slip: left out, not stored.
    if (value !== undefined && value >= 0 && value <= max) nutrition[fact] = value;
  }
  const grade = (record.nutriscore_grade ?? '').trim().toUpperCase();
  if (/^[A-E]$/.test(grade)) nutrition.nutriScore = grade as NutriScore;

  const ecoScore = decimal(record.ecoscore_score);
  const sustainability: Record<string, unknown> = {};
  // Eco-Score runs below 0 and above 100 for the best and worst products; the scale here is 0–100.
  if (ecoScore !== undefined) sustainability.score = Math.max(0, Math.min(100, Math.round(ecoScore)));
  if (sustainabilityLabels.length > 0) sustainability.labels = sustainabilityLabels;

  const image = (record.image_url ?? '').trim();
  const brand = (record.brands ?? '').split(',')[0]?.trim();
  const quantity = (record.quantity ?? '').trim();
  const input: Record<string, unknown> = {
    sku: code,
    gtin: code,
    name,
    ...(brand ? { brand: brand.slice(0, 120) } : {}),
    ...(quantity ? { description: quantity.slice(0, 5000) } : {}),
    dietaryTags,
    tags,
    ...(Object.keys(nutrition).length > 0 ? { nutrition } : {}),
    ...(Object.keys(sustainability).length > 0 ? { sustainability } : {}),
    ...(image ? { images: [{ url: image, alt: name }] } : {}),
  };
  const price = (record.price ?? '').trim().replace(',', '.');
  if (price) input.price = price;
  const currency = (record.currency ?? '').trim().toUpperCase();
  if (currency) input.currency = currency;
  return input;
}

/**
 * Reads an Open Food Facts export (comma- or tab-separated, with a header).
 * A row without a price is reported on `price`: the export has none, so a
 * shop adds a `price` column (and optionally `currency`) before importing.
 */
export function parseOpenFoodFactsCsv(text: string): ParsedOpenFoodFacts {
  const body = text.replace(/^\uFEFF/, '');
  const firstLine = body.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(body, { columns: true, delimiter, skip_empty_lines: true, relax_column_count: true, info: true, bom: true });
  } catch (error) {
    const line = error instanceof CsvError ? Number((error as CsvError & { lines?: number }).lines ?? 0) : 0;
    return { rows: [], errors: [{ line, field: 'file', reason: `is not valid CSV: ${(error as Error).message}` }] };
  }
  if (!isOpenFoodFactsHeader(firstLine)) {
    return { rows: [], errors: [{ line: 1, field: 'header', reason: `must name the columns ${REQUIRED_COLUMNS.join(' and ')}` }] };
  }
  const rows: OpenFoodFactsRow[] = [];
  const errors: ImportError[] = [];
  const hasPriceColumn = /(^|[,\t])"?price"?([,\t]|$)/.test(firstLine);
  for (const { record, info } of records) {
    const line = info.lines;
    const input = openFoodFactsInput(record);
    if (input.price === undefined) {
      errors.push({
        line,
        field: 'price',
        reason: hasPriceColumn ? 'is empty' : 'is missing: an Open Food Facts export has no prices; add a price column with the shop\'s price',
      });
      continue;
    }
    rows.push({ line, input, categoryCandidates: categoryCandidates(record.categories_tags) });
  }
  return { rows, errors };
}
