import type { BasketStats } from './distillBaskets';
import type { Meal } from './demoMeals';
import { demoPopulation, type DemoOrderLine, type PopulationOptions, type ShelfProduct } from './demoPopulation';

// A small shop whose basket statistics are known: pasta and sauce share
// baskets far more often than chance, pasta and soap far less.

const VEGAN = ['VEGAN', 'VEGETARIAN'];
const shelf = (category: string, items: [string, number, string[]?, boolean?][]): ShelfProduct[] =>
  items.map(([sku, price, dietaryTags = [], sustainable = false]) => ({ sku, category, price, dietaryTags, sustainable }));

const products: ShelfProduct[] = [
  ...shelf('pasta', [['spaghetti', 1.1, VEGAN], ['penne', 1.1, VEGAN], ['egg-noodles', 1.4, ['VEGETARIAN']]]),
  ...shelf('sauces', [['tomato-sauce', 1.8, VEGAN], ['pesto', 2.3, ['VEGETARIAN']]]),
  ...shelf('cheese', [['parmesan', 3, ['VEGETARIAN']], ['cheddar', 4.3, ['VEGETARIAN']]]),
  ...shelf('milk', [['whole-milk', 1.2, ['VEGETARIAN']], ['organic-milk', 1.6, ['VEGETARIAN'], true], ['oat-drink', 2, VEGAN]]),
  ...shelf('meat', [['steak', 7.5], ['beef-mince', 5]].map(([sku, price]) => [sku, price, ['GLUTEN_FREE']] as [string, number, string[]])),
  ...shelf('soap', [['hand-soap', 1.5], ['shower-gel', 2]]),
  ...shelf('bread', [['sourdough', 3.2, VEGAN], ['rolls', 1.5, VEGAN]]),
];

const stats: BasketStats = {
  baskets: 1000,
  mappedBaskets: 1000,
  categories: { milk: 400, bread: 350, pasta: 120, sauces: 100, cheese: 150, meat: 200, soap: 80, unsold: 90 },
  pairs: [
    ['pasta', 'sauces', 60], ['cheese', 'pasta', 40], ['cheese', 'sauces', 30], ['bread', 'milk', 180], ['milk', 'pasta', 40],
    ['pasta', 'soap', 1], ['bread', 'soap', 20], ['milk', 'soap', 30], ['meat', 'pasta', 20], ['bread', 'meat', 70],
  ],
  sizes: [300, 300, 250, 150],
  multiItem: { milk: 40, bread: 30, pasta: 10, sauces: 5, cheese: 20, meat: 30, soap: 5, unsold: 0 },
};

const meals: Meal[] = [{ name: 'pasta', weight: 1, groups: [[1, 'spaghetti', 'penne'], [0.8, 'tomato-sauce', 'pesto'], [0.6, 'parmesan']] }];
const NOW = Date.parse('2026-03-10T15:30:00Z');
const options: PopulationOptions = {
  stats,
  products,
  meals,
  locations: [{ city: 'Berlin', latitude: 52.52, longitude: 13.41 }, { city: 'Vienna', latitude: 48.2, longitude: 16.35 }],
  now: NOW,
};
const population = demoPopulation(options);
const priceOf = new Map(products.map((p) => [p.sku, p.price]));
const productOf = new Map(products.map((p) => [p.sku, p]));

function ordersOf(lines: DemoOrderLine[]): Map<string, DemoOrderLine[]> {
  const orders = new Map<string, DemoOrderLine[]>();
  for (const line of lines) orders.set(line.orderId, [...(orders.get(line.orderId) ?? []), line]);
  return orders;
}

it('is the same population for the same seed and another for another seed', () => {
  expect(demoPopulation(options)).toEqual(population);
  expect(demoPopulation({ ...options, seed: 'another' }).lines).not.toEqual(population.lines);
});

it('has the shoppers and orders asked for, each shopper with at least one order', () => {
  expect(population.shoppers).toHaveLength(300);
  expect(population.orders).toBe(1500);
  const orders = ordersOf(population.lines);
  expect(orders.size).toBe(1500);
  expect(new Set(population.lines.map((l) => l.customerId)).size).toBe(300);
  // Orders are real baskets: one customer and one time per order, no product twice.
  for (const lines of orders.values()) {
    expect(new Set(lines.map((l) => `${l.customerId}|${l.orderedAt}`)).size).toBe(1);
    expect(new Set(lines.map((l) => l.sku)).size).toBe(lines.length);
  }
});

it('spreads orders over the last eight weeks, in shopping hours', () => {
  const times = population.lines.map((l) => Date.parse(l.orderedAt));
  expect(Math.max(...times)).toBeLessThan(NOW);
  expect(Math.min(...times)).toBeGreaterThanOrEqual(NOW - 8 * 7 * 86_400_000 - 86_400_000);
  for (const t of times) expect(new Date(t).getUTCHours()).toBeGreaterThanOrEqual(7);
  for (const t of times) expect(new Date(t).getUTCHours()).toBeLessThanOrEqual(21);
  // Recent days have orders too (trending reads event time).
  expect(times.filter((t) => t > NOW - 2 * 86_400_000).length).toBeGreaterThan(10);
});

it("honours every shopper's diet and budget", () => {
  const shoppers = new Map(population.shoppers.map((s) => [s.customerId, s]));
  expect(population.shoppers.some((s) => s.dietaryRestrictions.includes('VEGAN'))).toBe(true);
  expect(population.shoppers.some((s) => s.budgetLimit !== null)).toBe(true);
  for (const line of population.lines) {
    const product = productOf.get(line.sku)!;
    const diet = shoppers.get(line.customerId)!.dietaryRestrictions;
    if (product.dietaryTags.length > 0) for (const tag of diet) expect(product.dietaryTags).toContain(tag);
  }
  for (const lines of ordersOf(population.lines).values()) {
    const budget = shoppers.get(lines[0]!.customerId)!.budgetLimit;
    const total = lines.reduce((sum, l) => sum + l.quantity * priceOf.get(l.sku)!, 0);
    if (budget !== null) expect(total).toBeLessThanOrEqual(Number(budget) + 1e-9);
  }
});

it('gives shoppers a home near a store and a usual product they buy again', () => {
  for (const s of population.shoppers) {
    expect(['Berlin', 'Vienna']).toContain(s.city);
    const home = s.city === 'Berlin' ? options.locations[0]! : options.locations[1]!;
    expect(Math.abs(s.latitude - home.latitude)).toBeLessThan(0.05);
  }
  const seen = new Set<string>();
  let repeats = 0;
  for (const line of population.lines) {
    const key = `${line.customerId}|${line.sku}`;
    if (seen.has(key)) repeats++;
    seen.add(key);
  }
  expect(repeats / population.lines.length).toBeGreaterThan(0.25);
});

it('puts categories together as often as the real baskets do', () => {
  // Without meals: the basket statistics alone.
  const plain = demoPopulation({ ...options, meals: [] });
  const baskets = [...ordersOf(plain.lines).values()].map((lines) => new Set(lines.map((l) => productOf.get(l.sku)!.category)));
  const share = (...categories: string[]) => baskets.filter((b) => categories.every((c) => b.has(c))).length / baskets.length;
  const lift = (a: string, b: string) => share(a, b) / (share(a) * share(b));
  // Seven categories and baskets of up to five leave little room below or above chance; the order holds.
  expect(lift('pasta', 'sauces')).toBeGreaterThan(1.5);
  expect(lift('pasta', 'sauces')).toBeGreaterThan(lift('pasta', 'meat'));
  expect(lift('bread', 'milk')).toBeGreaterThan(lift('pasta', 'soap'));
  expect(lift('pasta', 'soap')).toBeLessThan(1);
  // The most frequent category of the real baskets is the most frequent here.
  const counts = ['milk', 'bread', 'pasta', 'sauces', 'cheese', 'meat', 'soap'].map((c) => [c, share(c)] as const).sort((a, b) => b[1] - a[1]);
  expect(['milk', 'bread']).toContain(counts[0]![0]);
  // A category without products is never bought.
  expect(plain.lines.some((l) => !productOf.has(l.sku))).toBe(false);
});

it('buys meals together: spaghetti with tomato sauce and parmesan', () => {
  const baskets = [...ordersOf(population.lines).values()].map((lines) => new Set(lines.map((l) => l.sku)));
  const withSpaghetti = baskets.filter((b) => b.has('spaghetti'));
  const without = baskets.filter((b) => !b.has('spaghetti') && !b.has('penne'));
  const share = (sku: string, among: Set<string>[]) => among.filter((b) => b.has(sku)).length / among.length;
  expect(share('tomato-sauce', withSpaghetti)).toBeGreaterThan(3 * share('tomato-sauce', without));
  expect(share('parmesan', withSpaghetti)).toBeGreaterThan(share('cheddar', withSpaghetti));
});
