import crypto from 'node:crypto';
import type { InteractionType, ProductSnapshot } from '../../../platform/events/topics';
import { decodeSnapshot, encodeSnapshot } from '../data/modelSnapshotRepository';
import { BasketModel } from './basketModel';
import { PRIOR_STRENGTH } from './confidence';
import { defaultEngineOptions, RecommendationEngine, type Interaction, type RecommendationList } from './recommendationEngine';
import { productSnapshots } from '../../../test/support/productSnapshots';

// A small shop with known structure, so each rule can be checked exactly.

const DAIRY = '00000000-0000-4000-8000-00000000d001';
const MILK_CAT = '00000000-0000-4000-8000-00000000d002';
const BAKERY = '00000000-0000-4000-8000-00000000b001';
const SNACKS = '00000000-0000-4000-8000-00000000c001';

const product = productSnapshots({ categoryId: DAIRY, categoryPath: [DAIRY] });

const milk = product('Whole milk', { categoryId: MILK_CAT, categoryPath: [DAIRY, MILK_CAT], effectivePrice: '1.19', carbonFootprintKg: '3.000' });
const oatMilk = product('Oat milk', { categoryId: MILK_CAT, categoryPath: [DAIRY, MILK_CAT], dietaryTags: ['VEGAN', 'LACTOSE_FREE'], sustainabilityScore: 85, carbonFootprintKg: '0.900', effectivePrice: '1.99' });
const butter = product('Butter', { effectivePrice: '2.79' });
const bread = product('Sourdough bread', { categoryId: BAKERY, categoryPath: [BAKERY], effectivePrice: '3.20', dietaryTags: ['VEGAN'] });
const rolls = product('Bread rolls', { categoryId: BAKERY, categoryPath: [BAKERY], effectivePrice: '1.49', dietaryTags: ['VEGAN'] });
const jam = product('Strawberry jam', { categoryId: SNACKS, categoryPath: [SNACKS], effectivePrice: '2.50', dietaryTags: ['VEGAN'], sustainabilityScore: 70 });
const caviar = product('Caviar', { categoryId: SNACKS, categoryPath: [SNACKS], effectivePrice: '49.00', dietaryTags: ['VEGAN'] });
const soldOut = product('Cream', { stockQuantity: 0 });
const archived = product('Old cheese', { archived: true });
const all = [milk, oatMilk, butter, bread, rolls, jam, caviar, soldOut, archived];

/** Fits of a real catalog (a new engine fits its empty model once, which costs nothing); every fit is prepared first. */
function fitsOfItems(fit: jest.SpyInstance<ReturnType<typeof BasketModel.prepare>, Parameters<typeof BasketModel.prepare>>): number {
  return fit.mock.calls.filter(([, itemCount]) => itemCount > 0).length;
}

function engineWith(baskets: ProductSnapshot[][], now = 1_000_000_000): { engine: RecommendationEngine; clock: { now: number } } {
  const clock = { now };
  const engine = new RecommendationEngine({ ...defaultEngineOptions, now: () => clock.now });
  for (const p of all) engine.applyProduct(p);
  for (const basket of baskets) purchase(engine, basket, clock.now);
  engine.refit();
  return { engine, clock };
}

function purchase(engine: RecommendationEngine, basket: ProductSnapshot[], at: number, shopperId: string = crypto.randomUUID()): void {
  const basketId = crypto.randomUUID();
  for (const p of basket) engine.ingest(event(shopperId, 'PURCHASE', p, at, basketId));
}

function event(shopperId: string, type: InteractionType, p: ProductSnapshot, at: number, basketId: string | null = null): Interaction {
  return { eventId: crypto.randomUUID(), shopperId, type, productId: p.productId, basketId, occurredAt: at };
}

/** The snapshot the bytes hold (failing the test when they hold none). */
async function decoded(data: Buffer) {
  const result = await decodeSnapshot(data);
  if (!result.snapshot) throw new Error(`snapshot not readable: ${result.problem}`);
  return result.snapshot;
}

const ids = (list: { items: { productId: string }[] }) => list.items.map((r) => r.productId);

// Milk and butter, and bread and jam, go together; milk is a staple.
const history: ProductSnapshot[][] = [
  ...Array.from({ length: 30 }, () => [milk, butter]),
  ...Array.from({ length: 20 }, () => [bread, jam]),
  ...Array.from({ length: 40 }, () => [milk]),
  ...Array.from({ length: 10 }, () => [milk, bread]),
  ...Array.from({ length: 5 }, () => [rolls, jam, caviar]),
  ...Array.from({ length: 8 }, () => [oatMilk, bread]),
];

describe('cart suggestions', () => {
  const { engine } = engineWith(history);

  it('suggests what goes with the cart, explains it, and never repeats a cart item', () => {
    const list = engine.cartSuggestions([milk.productId], { first: 3 });
    expect(list.items[0]).toMatchObject({ productId: butter.productId, type: 'BOUGHT_TOGETHER', reason: 'Bought with Whole milk in 38% of its baskets' });
    expect(list.items[0]!.confidence).toBeGreaterThan(0.2);
    expect(list.items[0]!.confidence).toBeLessThanOrEqual(1);
    expect(ids(list)).not.toContain(milk.productId);
    expect(list.servedBy[0]).toBe('CART_COMPLETION');
  });

  it('never suggests items out of stock or archived', () => {
    const list = engine.cartSuggestions([milk.productId], { first: 9 });
    expect(ids(list)).not.toContain(soldOut.productId);
    expect(ids(list)).not.toContain(archived.productId);
  });

  it('stays within the remaining budget and says so', () => {
    const list = engine.cartSuggestions([jam.productId], {
      first: 5,
      shopper: { dietaryRestrictions: [], sustainability: 'NONE', remainingBudgetCents: 300, location: null },
    });
    expect(ids(list)).not.toContain(caviar.productId);
    expect(list.items.length).toBeGreaterThan(0);
    for (const r of list.items) expect(Number(all.find((p) => p.productId === r.productId)!.effectivePrice)).toBeLessThanOrEqual(3);
    // The evidence, then what the item leaves of the budget: €3.00 minus its price.
    for (const r of list.items) {
      const price = Number(all.find((p) => p.productId === r.productId)!.effectivePrice);
      expect(r.reason.toLowerCase()).toContain(`leaves €${(3 - price).toFixed(2)} of your budget`);
    }
  });

  it('obeys dietary restrictions strictly, fallbacks included', () => {
    const list = engine.cartSuggestions([bread.productId], {
      first: 8,
      shopper: { dietaryRestrictions: ['VEGAN'], sustainability: 'NONE', remainingBudgetCents: null, location: null },
    });
    expect(list.items.length).toBeGreaterThan(0);
    for (const r of list.items) expect(all.find((p) => p.productId === r.productId)!.dietaryTags).toContain('VEGAN');
  });

  it('with sustainability ONLY, suggests only sustainable items, and offers a lower-carbon alternative', () => {
    const list = engine.cartSuggestions([milk.productId], {
      first: 4,
      shopper: { dietaryRestrictions: [], sustainability: 'ONLY', remainingBudgetCents: null, location: null },
    });
    for (const r of list.items) expect(all.find((p) => p.productId === r.productId)!.sustainabilityScore).toBeGreaterThanOrEqual(60);
    const alternative = list.items.find((r) => r.productId === oatMilk.productId);
    expect(alternative).toMatchObject({ type: 'SUSTAINABILITY' });
    expect(alternative!.reason).toMatch(/Lower-carbon alternative to Whole milk \(70% less CO2e\)/);
  });

  it('prefers items stocked near the shopper', () => {
    const near = engineWith(history).engine;
    near.applyStore('11111111-1111-4111-8111-111111111111', { latitude: 52.52, longitude: 13.405 }, [rolls.productId]);
    // Six places: the aisle cap (3 of 6) leaves room for both breads.
    const without = near.cartSuggestions([jam.productId], { first: 6 });
    const withLocation = near.cartSuggestions([jam.productId], {
      first: 6,
      shopper: { dietaryRestrictions: [], sustainability: 'NONE', remainingBudgetCents: null, location: { latitude: 52.521, longitude: 13.41 } },
    });
    const scoreOf = (list: typeof without) => list.items.find((r) => r.productId === rolls.productId)!.score;
    expect(scoreOf(withLocation)).toBeCloseTo(scoreOf(without) * 1.15, 5);
  });

  it('falls back to popular items when filters leave too few, unless strict', () => {
    const filter = { categoryId: DAIRY };
    const relaxed = engine.cartSuggestions([bread.productId], { first: 3, filter });
    expect(relaxed.items).toHaveLength(3);
    expect(relaxed.servedBy).toContain('POPULAR');
    const strict = engine.cartSuggestions([bread.productId], { first: 3, filter, strict: true });
    expect(strict.servedBy).toEqual(['CART_COMPLETION']);
    expect(strict.items.length).toBeLessThan(3);
  });
});

describe('frequently bought together', () => {
  it('ranks a specific complement above a staple that is everywhere', () => {
    // Jam is bought with bread 20 times; milk with bread only 10 times but milk is in 80 baskets.
    const { engine } = engineWith(history);
    const list = engine.frequentlyBoughtTogether(bread.productId, { first: 6, strict: true });
    expect(ids(list).indexOf(jam.productId)).toBeLessThan(ids(list).indexOf(milk.productId));
    expect(ids(list)).toContain(milk.productId);
    // 20 of the 38 baskets with bread held jam.
    expect(list.items[0]!.reason).toBe('Bought with Sourdough bread in 53% of its baskets');
  });

  it('changes as soon as new co-purchases arrive', () => {
    const { engine, clock } = engineWith(history);
    expect(ids(engine.frequentlyBoughtTogether(butter.productId, { first: 1, strict: true }))).toEqual([milk.productId]);
    for (let i = 0; i < 60; i++) purchase(engine, [butter, rolls], clock.now);
    expect(ids(engine.frequentlyBoughtTogether(butter.productId, { first: 1, strict: true }))).toEqual([rolls.productId]);
  });
});

describe('trending and popular', () => {
  it('puts a sudden burst on top of trending, not steady sellers', () => {
    const { engine, clock } = engineWith(history);
    clock.now += 6 * 3_600_000;
    for (let i = 0; i < 30; i++) engine.ingest(event(crypto.randomUUID(), 'VIEW', caviar, clock.now));
    const trending = engine.trending({ first: 3, strict: true });
    expect(ids(trending)[0]).toBe(caviar.productId);
    expect(trending.items[0]!.type).toBe('TRENDING');
    expect(ids(engine.popular({ first: 1 }))).toEqual([milk.productId]);
  });

  it('filters popular lists by category, descendants included', () => {
    const { engine } = engineWith(history);
    const dairy = engine.popular({ first: 10, filter: { categoryId: DAIRY } });
    expect(new Set(ids(dairy))).toEqual(new Set([milk.productId, butter.productId, oatMilk.productId]));
  });
});

describe('per shopper', () => {
  it('personalises from recent views, buys again, and lists recently viewed', () => {
    const { engine, clock } = engineWith(history);
    // Other shoppers who viewed milk also viewed butter.
    for (let i = 0; i < 5; i++) {
      const other = crypto.randomUUID();
      engine.ingest(event(other, 'VIEW', milk, clock.now));
      engine.ingest(event(other, 'VIEW', butter, clock.now));
    }
    const me = crypto.randomUUID();
    engine.ingest(event(me, 'VIEW', milk, clock.now));
    const personal = engine.personalized(me, { first: 1, strict: true });
    expect(personal.items[0]).toMatchObject({ productId: butter.productId, type: 'PERSONALIZED', reason: 'Because you looked at Whole milk: shoppers who did also chose this' });

    purchase(engine, [jam, bread], clock.now, me);
    purchase(engine, [jam], clock.now, me);
    const again = engine.buyItAgain(me, { first: 5 });
    expect(again.items[0]).toMatchObject({ productId: jam.productId, reason: 'You bought this 2 times' });

    engine.ingest(event(me, 'VIEW', rolls, clock.now + 1));
    expect(ids(engine.recentlyViewed(me, { first: 5 }))).toEqual([rolls.productId, milk.productId]);
  });

  it('AUTO serves a newcomer from trending and popular', () => {
    const { engine } = engineWith(history);
    const list = engine.auto(crypto.randomUUID(), { first: 4 });
    expect(list.items).toHaveLength(4);
    expect(list.servedBy).toContain('POPULAR');
    expect(new Set(ids(list)).size).toBe(4);
  });
});

describe('confidence: the chance that the item is the next add to cart', () => {
  /** The primary strategy's items of a list: confidences in [0, 1], never rising down the list. */
  function expectHonest(list: RecommendationList): void {
    const own = list.items.filter((r) => r.recommendationId.split('.')[0] !== 'POP' || list.servedBy[0]?.startsWith('POPULAR'));
    expect(own.length).toBeGreaterThan(0);
    for (const [k, item] of own.entries()) {
      expect(item.confidence).toBeGreaterThanOrEqual(0);
      expect(item.confidence).toBeLessThanOrEqual(1);
      if (k > 0) expect(item.confidence).toBeLessThanOrEqual(own[k - 1]!.confidence);
    }
  }

  it('is, for bought together, the share of the anchor\'s pairs that go to the item, smoothed', () => {
    const { engine } = engineWith(history);
    // Milk's baskets paired it with butter 30 times and with bread 10 times; butter is 30 of the 191 purchases.
    const list = engine.frequentlyBoughtTogether(milk.productId, { first: 5, strict: true });
    expect(list.items[0]!.productId).toBe(butter.productId);
    expect(list.items[0]!.confidence).toBeCloseTo((30 + PRIOR_STRENGTH * (30 / 191)) / (40 + PRIOR_STRENGTH), 2);
    expectHonest(list);
    // With bread in the cart too, bread cannot be next: butter takes its share.
    const withBread = engine.frequentlyBoughtTogether(milk.productId, { first: 5, strict: true, filter: { excludeIds: [bread.productId] } });
    expect(withBread.items[0]!.confidence).toBeGreaterThan(list.items[0]!.confidence + 0.1);
    expect(withBread.items[0]!.confidence).toBeCloseTo((30 + PRIOR_STRENGTH * (30 / 153)) / (30 + PRIOR_STRENGTH), 2);
  });

  it('never states certainty from one basket', () => {
    const { engine } = engineWith([[rolls, jam]]);
    const list = engine.frequentlyBoughtTogether(rolls.productId, { first: 1, strict: true });
    expect(list.items[0]!.productId).toBe(jam.productId);
    expect(list.items[0]!.confidence).toBeLessThan(0.75);
  });

  it('is, for popular items, their share of the shop\'s interest: a whole list adds up to at most 1', () => {
    const { engine } = engineWith(history);
    const list = engine.popular({ first: 20 });
    expectHonest(list);
    // Each confidence is rounded to 3 decimals.
    expect(list.items.reduce((sum, r) => sum + r.confidence, 0)).toBeLessThanOrEqual(1 + list.items.length * 0.0005);
    // Milk is 80 of the 191 purchases.
    expect(list.items[0]!.confidence).toBeCloseTo(80 / 191, 2);
  });

  it('is an even share of the catalog while a shop has no activity', () => {
    const { engine } = engineWith([]);
    const list = engine.popular({ first: 3 });
    // Eight of the nine products can be recommended (not the archived one; the sold-out one counts).
    for (const item of list.items) expect(item.confidence).toBeCloseTo(1 / 8, 3);
  });

  it('is in [0, 1] and never rises down the list, for every strategy', () => {
    const { engine, clock } = engineWith(history);
    const me = crypto.randomUUID();
    for (let i = 0; i < 5; i++) {
      const other = crypto.randomUUID();
      for (const p of [milk, butter, jam]) engine.ingest(event(other, 'VIEW', p, clock.now));
    }
    engine.ingest(event(me, 'VIEW', milk, clock.now));
    purchase(engine, [jam, bread], clock.now, me);
    purchase(engine, [jam], clock.now, me);
    clock.now += 3_600_000;
    for (let i = 0; i < 10; i++) engine.ingest(event(crypto.randomUUID(), 'VIEW', caviar, clock.now));
    for (let i = 0; i < 3; i++) engine.ingest(event(crypto.randomUUID(), 'VIEW', rolls, clock.now));
    expectHonest(engine.cartSuggestions([milk.productId], { first: 5 }));
    expectHonest(engine.frequentlyBoughtTogether(bread.productId, { first: 5, strict: true }));
    expectHonest(engine.similar(milk.productId, { first: 5, strict: true }));
    expectHonest(engine.trending({ first: 5, strict: true }));
    expectHonest(engine.personalized(me, { first: 5, strict: true }));
    expectHonest(engine.buyItAgain(me, { first: 5 }));
    expectHonest(engine.recentlyViewed(me, { first: 5 }));
    // Jam is 2 of the shopper's 3 purchases.
    expect(engine.buyItAgain(me, { first: 1 }).items[0]!.confidence).toBeLessThan(2 / 3);
  });
});

describe('learning and persistence', () => {
  it('ignores a re-delivered event', () => {
    const { engine, clock } = engineWith([]);
    const e = event(crypto.randomUUID(), 'PURCHASE', jam, clock.now, crypto.randomUUID());
    engine.ingest(e);
    engine.ingest({ ...e });
    expect(engine.baskets.count(engine.items.indexOf(jam.productId)!)).toBe(1);
  });

  it('serves the same answers after a snapshot round trip', async () => {
    const { engine, clock } = engineWith(history);
    const restored = RecommendationEngine.fromSnapshot(await decoded(await encodeSnapshot(engine.toSnapshot())), { ...defaultEngineOptions, now: () => clock.now });
    for (const p of all) restored.applyProduct(p);
    const strip = (list: { items: { productId: string; score: number }[] }) => list.items.map((r) => [r.productId, r.score]);
    expect(strip(restored.cartSuggestions([milk.productId, bread.productId], { first: 5 }))).toEqual(strip(engine.cartSuggestions([milk.productId, bread.productId], { first: 5 })));
    expect(strip(restored.frequentlyBoughtTogether(bread.productId, { first: 5 }))).toEqual(strip(engine.frequentlyBoughtTogether(bread.productId, { first: 5 })));
  });

  it('restores the fitted basket model from a binary snapshot without fitting again, with the same scores', async () => {
    const { engine, clock } = engineWith(history);
    engine.refit();
    const data = await encodeSnapshot(engine.toSnapshot());
    const fit = jest.spyOn(BasketModel, 'prepare');
    try {
      const restored = RecommendationEngine.fromSnapshot(await decoded(data), { ...defaultEngineOptions, now: () => clock.now });
      expect(fitsOfItems(fit)).toBe(0);
      for (const p of all) restored.applyProduct(p);
      const strip = (list: { items: { productId: string; score: number }[] }) => list.items.map((r) => [r.productId, r.score]);
      expect(strip(restored.cartSuggestions([milk.productId, bread.productId], { first: 5 }))).toEqual(strip(engine.cartSuggestions([milk.productId, bread.productId], { first: 5 })));
      expect(strip(restored.frequentlyBoughtTogether(jam.productId, { first: 5 }))).toEqual(strip(engine.frequentlyBoughtTogether(jam.productId, { first: 5 })));
    } finally {
      fit.mockRestore();
    }
  });

  it('keeps no fit in a snapshot taken after purchases the fit has not seen, so the restore fits again', async () => {
    const { engine, clock } = engineWith(history);
    engine.refit();
    purchase(engine, [jam, caviar], clock.now);
    const snapshot = engine.toSnapshot();
    expect(snapshot.basketModel).toBeUndefined();
    const fit = jest.spyOn(BasketModel, 'prepare');
    try {
      RecommendationEngine.fromSnapshot(await decoded(await encodeSnapshot(snapshot)));
      expect(fitsOfItems(fit)).toBe(1);
    } finally {
      fit.mockRestore();
    }
  });

  it('fits again when the snapshot was fitted with other basket-model options', async () => {
    const { engine } = engineWith(history);
    engine.refit();
    const snapshot = await decoded(await encodeSnapshot(engine.toSnapshot()));
    const fit = jest.spyOn(BasketModel, 'prepare');
    try {
      RecommendationEngine.fromSnapshot(snapshot, { ...defaultEngineOptions, basketModel: { ...defaultEngineOptions.basketModel, coreSize: 2 } });
      expect(fitsOfItems(fit)).toBe(1);
    } finally {
      fit.mockRestore();
    }
  });


  it('keeps one category from taking over a list', () => {
    const { engine } = engineWith(history);
    const list = engine.popular({ first: 4 });
    const categories = list.items.map((r) => all.find((p) => p.productId === r.productId)!.categoryId);
    const most = Math.max(...[...new Set(categories)].map((c) => categories.filter((x) => x === c).length));
    expect(most).toBeLessThanOrEqual(2);
  });
});

describe('per-shopper memory', () => {
  it('keeps at most maxShoppers histories, forgetting the least recently active, in memory and in snapshots', () => {
    const engine = new RecommendationEngine({ ...defaultEngineOptions, maxShoppers: 3 });
    for (const p of all) engine.applyProduct(p);
    const shoppers = ['a', 'b', 'c', 'd'].map(() => crypto.randomUUID());
    const [a, b, c, d] = shoppers as [string, string, string, string];
    engine.ingest(event(a, 'VIEW', milk, 1));
    engine.ingest(event(b, 'VIEW', bread, 2));
    engine.ingest(event(c, 'VIEW', jam, 3));
    // a is active again, so b is now the least recently active.
    engine.ingest(event(a, 'VIEW', butter, 4));
    engine.ingest(event(d, 'VIEW', rolls, 5));

    expect(engine.shopperCount).toBe(3);
    expect(ids(engine.recentlyViewed(b, { first: 5 }))).toEqual([]);
    expect(ids(engine.recentlyViewed(a, { first: 5 }))).toEqual([butter.productId, milk.productId]);
    expect(ids(engine.recentlyViewed(d, { first: 5 }))).toEqual([rolls.productId]);

    const snapshot = engine.toSnapshot();
    expect(snapshot.shoppers.ids).toEqual([c, a, d]);
    // A restore with a smaller bound keeps the most recently active.
    const restored = RecommendationEngine.fromSnapshot(snapshot, { ...defaultEngineOptions, maxShoppers: 2 });
    for (const p of all) restored.applyProduct(p);
    expect(restored.shopperCount).toBe(2);
    expect(ids(restored.recentlyViewed(c, { first: 5 }))).toEqual([]);
    expect(ids(restored.recentlyViewed(a, { first: 5 }))).toEqual([butter.productId, milk.productId]);
  });
});

describe('change scopes', () => {
  it('names what an event changed: co-purchases of both products, the shopper, a product and its aisles', () => {
    const { engine } = engineWith([]);
    engine.trackChanges();
    const shopper = crypto.randomUUID();
    purchase(engine, [milk, butter], 10, shopper);
    expect(new Set(engine.takeChangedScopes())).toEqual(new Set([`fbt:${milk.productId}`, `fbt:${butter.productId}`, `s:${shopper}`, `sim:${milk.productId}`, `sim:${butter.productId}`]));
    expect(engine.takeChangedScopes()).toEqual([]);
    engine.applyProduct({ ...bread, effectivePrice: '2.99' });
    expect(engine.takeChangedScopes()).toEqual(expect.arrayContaining([`p:${bread.productId}`, `cat:${BAKERY}`]));
    expect(engine.frequentlyBoughtTogetherScopes(milk.productId)).toEqual([`p:${milk.productId}`, `fbt:${milk.productId}`]);
    expect(engine.similarScopes(milk.productId)).toEqual([`p:${milk.productId}`, `sim:${milk.productId}`, `like:${milk.productId}`, `cat:${DAIRY}`, `cat:${MILK_CAT}`]);
  });
});
