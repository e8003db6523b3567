import crypto from 'node:crypto';
import type { InteractionType, ProductSnapshot } from '../../../platform/events/topics';
import { defaultEngineOptions, RecommendationEngine, type RecommendationList } from './recommendationEngine';
import { productSnapshots } from '../../../test/support/productSnapshots';

// A shop where one aisle (pasta) dominates both the catalog and the baskets:
// every list is tempted to fill up from it, and the cap must hold anyway.

const PASTA = '00000000-0000-4000-8000-0000000a0001';
const SAUCES = '00000000-0000-4000-8000-0000000a0002';
const CHEESE = '00000000-0000-4000-8000-0000000a0003';
const HERBS = '00000000-0000-4000-8000-0000000a0004';
const NOW = 2_000_000_000_000;

const snapshot = productSnapshots({ price: '1.50', effectivePrice: '1.50', dietaryTags: ['VEGAN'] });
function product(name: string, categoryId: string, overrides: Partial<ProductSnapshot> = {}): ProductSnapshot {
  return snapshot(name, { categoryId, categoryPath: [categoryId], ...overrides });
}

const pastas = ['Spaghetti', 'Penne', 'Fusilli', 'Farfalle', 'Linguine', 'Rigatoni', 'Tagliatelle', 'Macaroni'].map((n) => product(n, PASTA));
const [spaghetti] = pastas as [ProductSnapshot];
const sauce = product('Tomato sauce', SAUCES);
const pesto = product('Pesto', SAUCES);
const parmesan = product('Parmesan', CHEESE, { dietaryTags: [], effectivePrice: '3.90' });
const basil = product('Basil', HERBS);
const all = [...pastas, sauce, pesto, parmesan, basil];

function engineWith(baskets: ProductSnapshot[][]): RecommendationEngine {
  const engine = new RecommendationEngine({ ...defaultEngineOptions, now: () => NOW });
  for (const p of all) engine.applyProduct(p);
  for (const basket of baskets) buy(engine, basket, crypto.randomUUID());
  engine.refit();
  return engine;
}

function buy(engine: RecommendationEngine, basket: ProductSnapshot[], shopperId: string): void {
  const basketId = crypto.randomUUID();
  for (const p of basket) engine.ingest(interaction(shopperId, 'PURCHASE', p, basketId));
}

function interaction(shopperId: string, type: InteractionType, p: ProductSnapshot, basketId: string | null = null) {
  return { eventId: crypto.randomUUID(), shopperId, type, productId: p.productId, basketId, occurredAt: NOW - 1000 };
}

/** Pasta shoppers buy several pastas at once, and sometimes a sauce. */
const pastaHeavy: ProductSnapshot[][] = [
  ...Array.from({ length: 40 }, (_, i) => [pastas[i % 8]!, pastas[(i + 1) % 8]!, pastas[(i + 3) % 8]!]),
  ...Array.from({ length: 10 }, () => [spaghetti, sauce]),
  ...Array.from({ length: 4 }, () => [spaghetti, parmesan]),
];

const categoryOf = new Map(all.map((p) => [p.productId, p.categoryId!]));
function largestAisle(list: RecommendationList): number {
  const counts = new Map<string, number>();
  for (const item of list.items) counts.set(categoryOf.get(item.productId)!, (counts.get(categoryOf.get(item.productId)!) ?? 0) + 1);
  return Math.max(0, ...counts.values());
}

describe('the aisle cap', () => {
  const engine = engineWith(pastaHeavy);
  const shopper = crypto.randomUUID();
  for (const p of pastas.slice(0, 3)) engine.ingest(interaction(shopper, 'VIEW', p));
  for (const p of pastas) for (let i = 0; i < 5; i++) engine.ingest(interaction(crypto.randomUUID(), 'VIEW', p));

  const lists: [string, (first: number, strict: boolean) => RecommendationList][] = [
    ['cart suggestions', (first, strict) => engine.cartSuggestions([spaghetti.productId], { first, strict })],
    ['frequently bought together', (first, strict) => engine.frequentlyBoughtTogether(spaghetti.productId, { first, strict })],
    ['popular', (first, strict) => engine.popular({ first, strict })],
    ['trending', (first, strict) => engine.trending({ first, strict })],
    ['personalised', (first, strict) => engine.personalized(shopper, { first, strict })],
    ['auto', (first, strict) => engine.auto(shopper, { first, strict })],
  ];

  it.each(lists)('holds in %s, fallbacks included: no aisle takes more than half the places asked for', (_name, list) => {
    for (const first of [2, 4, 5, 10]) {
      for (const strict of [false, true]) {
        const served = list(first, strict);
        expect(largestAisle(served)).toBeLessThanOrEqual(Math.max(1, Math.floor(first / 2)));
      }
    }
  });

  it('fills a list capped short from other aisles rather than from the capped one', () => {
    const list = engine.frequentlyBoughtTogether(spaghetti.productId, { first: 6 });
    expect(list.items).toHaveLength(6);
    expect(largestAisle(list)).toBe(3);
    expect(list.items.map((r) => r.productId)).toEqual(expect.arrayContaining([sauce.productId, parmesan.productId]));
  });

  it('is off where one aisle is the point: a category asked for, and similar items', () => {
    expect(largestAisle(engine.popular({ first: 6, filter: { categoryId: PASTA } }))).toBe(6);
    expect(largestAisle(engine.similar(spaghetti.productId, { first: 6 }))).toBe(6);
  });
});

describe('servedBy and the empty state', () => {
  it('names only the strategies that produced items', () => {
    const engine = engineWith([]);
    const list = engine.cartSuggestions([spaghetti.productId], { first: 4 });
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.servedBy).not.toContain('CART_COMPLETION');
    expect(list.servedBy[0]).toBe('POPULAR_IN_CATEGORY');
    expect(list.emptyReason).toBeUndefined();
  });

  it('says why a strict list is empty: no evidence yet, or evidence the filters removed', () => {
    const cold = engineWith([]);
    expect(cold.frequentlyBoughtTogether(spaghetti.productId, { first: 4, strict: true })).toEqual({
      items: [],
      servedBy: [],
      emptyReason: 'Nothing has been bought with Spaghetti yet',
    });
    expect(cold.cartSuggestions([], { first: 4, strict: true }).emptyReason).toBe('The cart is empty');

    const warm = engineWith(pastaHeavy);
    const filtered = warm.frequentlyBoughtTogether(spaghetti.productId, { first: 4, strict: true, filter: { maxPriceCents: 10 } });
    expect(filtered.items).toEqual([]);
    expect(filtered.emptyReason).toBe('Nothing bought with Spaghetti passes the filters');
  });
});

describe('reasons state their evidence', () => {
  it('gives the share of baskets behind a complement', () => {
    const engine = engineWith(pastaHeavy);
    const list = engine.frequentlyBoughtTogether(spaghetti.productId, { first: 6, strict: true });
    // Spaghetti is in 15 of the pasta baskets plus 14 with sauce or parmesan: 29; sauce in 10 of them.
    const spaghettiBaskets = pastaHeavy.filter((b) => b.includes(spaghetti)).length;
    const sauceReason = list.items.find((r) => r.productId === sauce.productId)!.reason;
    expect(sauceReason).toBe(`Bought with Spaghetti in ${Math.round((10 / spaghettiBaskets) * 100)}% of its baskets`);
  });

  it('says when there is no shopper activity instead of calling items popular', () => {
    const engine = engineWith([]);
    for (const item of engine.popular({ first: 3 }).items) expect(item.reason).toBe('From the catalog (no shopper activity yet)');
    const warm = engineWith(pastaHeavy);
    expect(warm.popular({ first: 1 }).items[0]!.reason).toBe('Popular with shoppers over the last two weeks');
  });

  it("adds how an item fits the shopper's diet and budget", () => {
    const engine = engineWith(pastaHeavy);
    const list = engine.cartSuggestions([spaghetti.productId], {
      first: 4,
      shopper: { dietaryRestrictions: ['VEGAN'], sustainability: 'NONE', remainingBudgetCents: 190, location: null },
    });
    const withSauce = list.items.find((r) => r.productId === sauce.productId)!;
    expect(withSauce.reason).toMatch(/^Bought with Spaghetti in \d+% of its baskets; matches your vegan diet; leaves €0\.40 of your budget$/);
    expect(list.items.map((r) => r.productId)).not.toContain(parmesan.productId);
  });
});
