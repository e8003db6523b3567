import fs from 'node:fs';
import { demoCatalog } from '../subgraphs/products/seed/demoCatalog';
import { DEMO_MEALS } from '../subgraphs/users/seed/demoMeals';
import { demoPopulation } from '../subgraphs/users/seed/demoPopulation';
import { groceryBasketStats } from '../subgraphs/users/seed/groceryBasketStats';
import { defaultBasketsFile, distillBasketsFile, renderStatsModule, STATS_FILE } from './demo-distill-baskets';

// The demo population's inputs: the committed basket table and the meals,
// checked against their sources (groceries.csv, the demo catalog).

it('commits the table that groceries.csv distils to', () => {
  const stats = distillBasketsFile(defaultBasketsFile());
  expect(fs.readFileSync(STATS_FILE, 'utf8')).toBe(renderStatsModule(stats, 'groceries.csv'));
  expect(groceryBasketStats.baskets).toBe(9835);
  // Whole milk alone is in 2,513 baskets (the data set's README); the milk category holds it and more.
  expect(groceryBasketStats.categories.milk).toBeGreaterThanOrEqual(2513);
  // A published rule, {butter} => {whole milk} at lift 1.95, shows at category level too.
  const together = groceryBasketStats.pairs.find(([a, b]) => a === 'butter-cream' && b === 'milk')![2];
  const lift = (together * groceryBasketStats.mappedBaskets) / (groceryBasketStats.categories['butter-cream']! * groceryBasketStats.categories.milk!);
  expect(lift).toBeGreaterThan(1.4);
});

it('names only demo products in its meals', () => {
  const skus = new Set(demoCatalog().products.map((p) => p.sku));
  const missing = DEMO_MEALS.flatMap((meal) => meal.groups.flatMap(([, ...group]) => group.filter((sku) => !skus.has(sku)).map((sku) => `${meal.name}: ${sku}`)));
  expect(missing).toEqual([]);
});

it('builds the demo population from the demo catalog within each diet', () => {
  const { products, stores } = demoCatalog();
  const shelf = products.map((p) => ({ sku: p.sku, category: p.categorySlug, price: Number(p.price), dietaryTags: p.dietaryTags ?? [], sustainable: false }));
  const population = demoPopulation({ stats: groceryBasketStats, products: shelf, locations: stores, now: Date.parse('2026-05-04T12:00:00Z') });
  const tags = new Map(shelf.map((p) => [p.sku, p.dietaryTags]));
  const vegans = new Set(population.shoppers.filter((s) => s.dietaryRestrictions.includes('VEGAN')).map((s) => s.customerId));
  expect(vegans.size).toBeGreaterThan(5);
  const veganLines = population.lines.filter((l) => vegans.has(l.customerId));
  expect(veganLines.length).toBeGreaterThan(50);
  for (const line of veganLines) if (tags.get(line.sku)!.length > 0) expect(tags.get(line.sku)).toContain('VEGAN');
  expect(new Set(population.shoppers.map((s) => s.city))).toEqual(new Set(stores.map((s) => s.city)));
});
