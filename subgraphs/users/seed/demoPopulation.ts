import type { BasketStats } from './distillBaskets';
import { DEMO_MEALS, type Meal } from './demoMeals';
import { gaussian, seededRandom, weightedIndex, type Random } from '../../../platform/seededRandom';

// A synthetic but plausible shopper population for the demo shop: who the
// shoppers are (diet, price sense, budget, sustainability, where they live)
// and what they ordered over the last weeks. Which categories share a basket
// comes from real baskets (BasketStats, distilled from groceries.csv); which
// products go together in a meal, from demoMeals.ts; which product of a
// category is picked, from the shopper: their diet, their budget, and the
// product they usually take. Pure: the same options give the same
// population, on every machine. docs/demo.md tells the whole recipe.

/** A product as the generator sees it (products are given in shelf order: staples of a category first). */
export interface ShelfProduct {
  sku: string;
  category: string;
  price: number;
  dietaryTags: readonly string[];
  /** Organic, fair trade or a high sustainability score. */
  sustainable: boolean;
}

export interface ShopperLocation {
  city: string;
  latitude: number;
  longitude: number;
}

export type PriceSense = 'THRIFTY' | 'STANDARD' | 'PREMIUM';

export interface DemoShopper extends ShopperLocation {
  customerId: string;
  dietaryRestrictions: string[];
  priceSense: PriceSense;
  /** At most 2 decimals; null: no budget. */
  budgetLimit: string | null;
  sustainability: 'NONE' | 'PREFER' | 'ONLY';
}

/** One line of an order, in the order-history import's columns. */
export interface DemoOrderLine {
  orderId: string;
  customerId: string;
  sku: string;
  quantity: number;
  orderedAt: string;
}

export interface DemoPopulation {
  shoppers: DemoShopper[];
  lines: DemoOrderLine[];
  orders: number;
}

export interface PopulationOptions {
  stats: BasketStats;
  /** Every product that may be bought, staples of each category first. */
  products: readonly ShelfProduct[];
  /** Where shoppers live: around these points (the shop's stores). */
  locations: readonly ShopperLocation[];
  /** Orders are placed before this time (ms), over the `weeks` before it. */
  now: number;
  seed?: string;
  /** Meals some baskets are bought for (product pairings the basket data cannot give). */
  meals?: readonly Meal[];
  shoppers?: number;
  orders?: number;
  weeks?: number;
}

export const DEMO_SEED = 'smartcart-demo-population-v1';
export const DEMO_CUSTOMER_PREFIX = 'demo-shopper-';

const DAY_MS = 86_400_000;
/** The chance a shopper takes their usual product of a category again: repeat purchases. */
const USUAL_PRODUCT = 0.7;
/** The share of baskets bought (in part) for a meal. */
const MEAL_SHARE = 0.55;
/** The chance a basket starts from one of the shopper's regular categories rather than anywhere. */
const REGULAR_ANCHOR = 0.4;
const REGULARS = 3;
/** Shopping hours 7:00–21:00, busiest late morning and after work. */
const HOUR_WEIGHTS = [2, 4, 6, 8, 9, 8, 6, 5, 6, 8, 10, 10, 8, 5, 3];
const FIRST_HOUR = 7;
/** Categories bought by the pack, often more than one. */
const BULK = new Set(['water', 'soft-drinks', 'beer-wine', 'milk', 'yogurt', 'fruit', 'juice']);

// Who the shoppers are: shares chosen to look like a city supermarket's
// customers (not measured; the baskets are what is measured).
const DIETS: [string[], number][] = [
  [[], 68],
  [['VEGETARIAN'], 10],
  [['VEGAN'], 6],
  [['LACTOSE_FREE'], 5],
  [['GLUTEN_FREE'], 4],
  [['HALAL'], 4],
  [['KOSHER'], 2],
  [['VEGETARIAN', 'GLUTEN_FREE'], 1],
];
const PRICE_SENSES: [PriceSense, number][] = [
  ['THRIFTY', 30],
  ['STANDARD', 50],
  ['PREMIUM', 20],
];

interface Shopper extends DemoShopper {
  affinity: Map<string, number>;
  regulars: string[];
  usual: Map<string, string>;
  budgetCents: number | null;
  /** By category: the products this shopper's diet allows, staples first. */
  shelves: Map<string, ShelfProduct[]>;
}

const pick = <T>(random: Random, table: readonly [T, number][]): T => table[weightedIndex(random, table.map(([, w]) => w))]![0];
const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** The population: `shoppers` shoppers placing `orders` orders between `weeks` weeks before `now` and `now`. */
export function demoPopulation(options: PopulationOptions): DemoPopulation {
  const random = seededRandom(options.seed ?? DEMO_SEED);
  const shopperCount = options.shoppers ?? 300;
  const orderCount = Math.max(shopperCount, options.orders ?? 1500);
  const windowMs = (options.weeks ?? 8) * 7 * DAY_MS;
  const model = basketModel(options.stats, options.products, options.meals ?? DEMO_MEALS);

  const shoppers = Array.from({ length: shopperCount }, (_, i) => newShopper(random, i, model, options.locations));
  const counts = orderCounts(random, shopperCount, orderCount);
  const lines: DemoOrderLine[] = [];
  let orders = 0;
  shoppers.forEach((shopper, i) => {
    const times = orderTimes(random, counts[i]!, options.now, windowMs);
    times.forEach((at, k) => {
      const basket = fillBasket(random, shopper, model);
      if (basket.length === 0) return;
      orders++;
      const orderId = `demo-order-${shopper.customerId.slice(DEMO_CUSTOMER_PREFIX.length)}-${pad(k + 1, 2)}`;
      const orderedAt = new Date(at).toISOString();
      for (const { sku, quantity } of basket) lines.push({ orderId, customerId: shopper.customerId, sku, quantity, orderedAt });
    });
  });
  return {
    shoppers: shoppers.map(({ affinity: _a, regulars: _r, usual: _u, budgetCents: _b, shelves: _s, ...shopper }) => shopper),
    lines,
    orders,
  };
}

interface BasketModel {
  /** Categories that have products, with their share of real baskets. */
  categories: string[];
  share: Map<string, number>;
  /** log lift of two categories, by their index in `categories` (row-major). */
  logLift: Float64Array;
  index: Map<string, number>;
  /** Of the baskets holding the category, the share holding 2+ of its items. */
  multi: Map<string, number>;
  /** Weights of basket sizes 2, 3, …: the real distribution of categories per basket. */
  sizes: number[];
  shelves: Map<string, ShelfProduct[]>;
  /** Meals, each group as the products the catalog has. */
  meals: { weight: number; groups: { chance: number; products: ShelfProduct[] }[] }[];
}

function basketModel(stats: BasketStats, products: readonly ShelfProduct[], meals: readonly Meal[]): BasketModel {
  const bySku = new Map(products.map((p) => [p.sku, p]));
  const shelves = new Map<string, ShelfProduct[]>();
  for (const product of products) shelves.set(product.category, [...(shelves.get(product.category) ?? []), product]);
  const n = Math.max(1, stats.mappedBaskets);
  const categories = Object.keys(stats.categories).filter((c) => shelves.has(c));
  const share = new Map(categories.map((c) => [c, stats.categories[c]! / n]));
  const together = new Map(stats.pairs.map(([a, b, count]) => [`${a}|${b}`, count]));
  const logLift = new Float64Array(categories.length * categories.length);
  categories.forEach((a, i) =>
    categories.forEach((b, j) => {
      const count = together.get(a < b ? `${a}|${b}` : `${b}|${a}`) ?? 0;
      const expected = (stats.categories[a]! * stats.categories[b]!) / n;
      // One pseudo-basket each side: a pair seen once in a rare category is no strong link.
      logLift[i * categories.length + j] = Math.log((count + 1) / (expected + 1));
    }),
  );
  const multi = new Map(categories.map((c) => [c, (stats.multiItem[c] ?? 0) / Math.max(1, stats.categories[c]!)]));
  // A web order is rarely a single item: sizes start at 2 categories.
  const known = meals.map((meal) => ({
    weight: meal.weight,
    groups: meal.groups
      .map(([chance, ...skus]) => ({ chance, products: skus.flatMap((sku) => bySku.get(sku) ?? []) }))
      .filter((group) => group.products.length > 0),
  }));
  return { categories, share, logLift, index: new Map(categories.map((c, i) => [c, i])), multi, sizes: stats.sizes.slice(1), shelves, meals: known.filter((meal) => meal.groups.length >= 2) };
}

function newShopper(random: Random, index: number, model: BasketModel, locations: readonly ShopperLocation[]): Shopper {
  const dietaryRestrictions = pick(random, DIETS);
  const priceSense = pick(random, PRICE_SENSES);
  const budget =
    priceSense === 'THRIFTY' && random() < 0.7 ? 25 + 5 * Math.floor(random() * 5) : priceSense === 'STANDARD' && random() < 0.2 ? 50 + 10 * Math.floor(random() * 4) : null;
  const sustainRoll = random();
  const sustainability = priceSense === 'PREMIUM' ? (sustainRoll < 0.1 ? 'ONLY' : sustainRoll < 0.5 ? 'PREFER' : 'NONE') : sustainRoll < 0.02 ? 'ONLY' : sustainRoll < 0.14 ? 'PREFER' : 'NONE';
  const home = locations.length > 0 ? locations[Math.floor(random() * locations.length)]! : { city: 'Berlin', latitude: 52.52, longitude: 13.405 };
  // Within a few kilometres of the store.
  const latitude = Math.round((home.latitude + (random() - 0.5) * 0.06) * 1e4) / 1e4;
  const longitude = Math.round((home.longitude + (random() - 0.5) * 0.09) * 1e4) / 1e4;
  // Personal taste: each category more or less to this shopper's liking than to the average one's.
  const affinity = new Map(model.categories.map((c) => [c, Math.exp(0.7 * gaussian(random))]));
  const shopper: Shopper = {
    customerId: `${DEMO_CUSTOMER_PREFIX}${pad(index + 1, 3)}`,
    dietaryRestrictions,
    priceSense,
    budgetLimit: budget === null ? null : budget.toFixed(2),
    sustainability,
    city: home.city,
    latitude,
    longitude,
    affinity,
    regulars: [],
    usual: new Map(),
    budgetCents: budget === null ? null : budget * 100,
    shelves: new Map(),
  };
  for (const category of model.categories) {
    const allowed = (model.shelves.get(category) ?? []).filter((p) => fitsDiet(shopper, p));
    if (allowed.length > 0) shopper.shelves.set(category, allowed);
  }
  const open = [...shopper.shelves.keys()];
  while (shopper.regulars.length < REGULARS && open.length > 0) {
    const i = weightedIndex(random, open.map((c) => model.share.get(c)! * affinity.get(c)!));
    shopper.regulars.push(open.splice(i, 1)[0]!);
  }
  return shopper;
}

/** Orders per shopper: at least one each, the rest by how active each is (a few loyal shoppers order often). */
function orderCounts(random: Random, shoppers: number, orders: number): number[] {
  const activity = Array.from({ length: shoppers }, () => Math.exp(0.9 * gaussian(random)));
  const total = activity.reduce((a, b) => a + b, 0);
  const spare = orders - shoppers;
  const exact = activity.map((a) => (a / total) * spare);
  const counts = exact.map((x) => 1 + Math.floor(x));
  // Largest remainders get the orders rounding left over, so the total is exact.
  let left = orders - counts.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k = (k + 1) % shoppers, left--) counts[byRemainder[k]![1]]! += 1;
  return counts;
}

/** Order times in shopping hours, oldest first; most shoppers were there from the start, some joined later. */
function orderTimes(random: Random, count: number, now: number, windowMs: number): number[] {
  const joined = now - windowMs * (random() < 0.6 ? 1 : 0.15 + 0.85 * random());
  const times: number[] = [];
  for (let k = 0; k < count; k++) {
    const day = Math.floor((joined + random() * (now - joined)) / DAY_MS) * DAY_MS;
    const hour = FIRST_HOUR + weightedIndex(random, HOUR_WEIGHTS);
    let at = day + hour * 3_600_000 + Math.floor(random() * 3_600_000);
    // Not later than now: an evening order of today that has not happened yet happened yesterday.
    while (at > now - 60_000) at -= DAY_MS;
    times.push(at);
  }
  return times.sort((a, b) => a - b);
}

/** Whether the shopper's diet allows the product (non-food carries no dietary tags and is for everyone). */
function fitsDiet(shopper: DemoShopper, product: ShelfProduct): boolean {
  return product.dietaryTags.length === 0 || shopper.dietaryRestrictions.every((t) => product.dietaryTags.includes(t));
}

/**
 * One basket: often a meal's products first; then categories, an anchor (a
 * regular of the shopper's, or drawn by how often it is in real baskets)
 * and more drawn by their share times their lift with what is already in the
 * basket, as many as a real basket spans; a product per category (two where
 * real baskets often hold two); all within the shopper's budget.
 */
function fillBasket(random: Random, shopper: Shopper, model: BasketModel): { sku: string; quantity: number }[] {
  const lines: { sku: string; quantity: number }[] = [];
  const chosen: string[] = [];
  const open = [...shopper.shelves.keys()];
  let spent = 0;
  const add = (product: ShelfProduct) => {
    let quantity = BULK.has(product.category) && random() < 0.35 ? (random() < 0.25 ? 3 : 2) : random() < 0.1 ? 2 : 1;
    const cents = Math.round(product.price * 100);
    if (shopper.budgetCents !== null) while (quantity > 0 && spent + quantity * cents > shopper.budgetCents) quantity--;
    if (quantity === 0) return;
    spent += quantity * cents;
    lines.push({ sku: product.sku, quantity });
    if (!chosen.includes(product.category)) {
      chosen.push(product.category);
      if (open.includes(product.category)) open.splice(open.indexOf(product.category), 1);
    }
  };
  let size = 2 + weightedIndex(random, model.sizes);
  if (model.meals.length > 0 && random() < MEAL_SHARE) {
    const meals = model.meals.filter((meal) => meal.groups[0]!.products.some((p) => fitsDiet(shopper, p)));
    const meal = meals[weightedIndex(random, meals.map((m) => m.weight))];
    for (const group of meal?.groups ?? []) {
      if (random() >= group.chance) continue;
      const product = choose(random, shopper, group.products.filter((p) => fitsDiet(shopper, p)), lines, 1.5);
      if (product) add(product);
    }
    // The rest of the shop as usual, beside the meal.
    size += Math.max(0, chosen.length - 1);
  }
  const regulars = shopper.regulars.filter((c) => open.includes(c));
  if (chosen.length === 0 && regulars.length > 0 && random() < REGULAR_ANCHOR) {
    const category = regulars[Math.floor(random() * regulars.length)]!;
    const product = choose(random, shopper, shopper.shelves.get(category)!, lines);
    if (product) add(product);
  }
  while (chosen.length < size && open.length > 0) {
    const width = model.categories.length;
    const rows = chosen.map((c) => model.index.get(c)! * width);
    const weights = open.map((c) => {
      const column = model.index.get(c)!;
      let logLift = 0;
      for (const row of rows) logLift += model.logLift[row + column]!;
      // The geometric mean of the lifts with the basket so far: every item has its say.
      return model.share.get(c)! * shopper.affinity.get(c)! * Math.exp(chosen.length > 0 ? logLift / chosen.length : 0);
    });
    const i = weightedIndex(random, weights);
    if (i < 0) break;
    const category = open[i]!;
    open.splice(i, 1);
    const wanted = random() < model.multi.get(category)! ? 2 : 1;
    for (let n = 0; n < wanted; n++) {
      const product = choose(random, shopper, shopper.shelves.get(category)!, lines);
      if (product) add(product);
    }
    if (!chosen.includes(category)) chosen.push(category);
  }
  return lines;
}

/** The shopper's usual product of the category most of the time; otherwise staples, price sense and sustainability decide. */
function choose(random: Random, shopper: Shopper, products: readonly ShelfProduct[], basket: readonly { sku: string }[], rankPower = 0.9): ShelfProduct | undefined {
  const candidates = products.filter((p) => !basket.some((line) => line.sku === p.sku));
  if (candidates.length === 0) return undefined;
  const usual = candidates.find((p) => p.sku === shopper.usual.get(p.category));
  if (usual && random() < USUAL_PRODUCT) return usual;
  const cheapest = Math.min(...candidates.map((p) => p.price));
  const weights = candidates.map((p, rank) => {
    // Shelves list staples first: whole milk before chocolate milk.
    let weight = 1 / (1 + rank) ** rankPower;
    if (shopper.priceSense === 'THRIFTY') weight *= (cheapest / p.price) ** 1.5;
    if (shopper.priceSense === 'PREMIUM') weight *= (p.price / cheapest) ** 0.4;
    if (p.sustainable && shopper.sustainability !== 'NONE') weight *= shopper.sustainability === 'ONLY' ? 4 : 1.8;
    return weight;
  });
  const product = candidates[weightedIndex(random, weights)]!;
  if (!shopper.usual.has(product.category)) shopper.usual.set(product.category, product.sku);
  return product;
}
