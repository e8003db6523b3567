import crypto from 'node:crypto';
import type { InteractionType, ProductSnapshot } from '../../../platform/events/topics';
import { defaultEngineOptions, RecommendationEngine, type RecommendationList } from './recommendationEngine';
import { productSnapshots } from '../../../test/support/productSnapshots';

// A fee (postage) is in every basket. Left as merchandise it would be the most
// popular item and every product's strongest partner; as a FEE it must be
// neither, in any list.

const DAIRY = '00000000-0000-4000-8000-0000000fd001';
const BAKERY = '00000000-0000-4000-8000-0000000fb001';
const product = productSnapshots({ categoryId: DAIRY, categoryPath: [DAIRY], kind: 'MERCHANDISE' }, 0xfee001);

const milk = product('Milk');
const butter = product('Butter');
const cheese = product('Cheese');
const bread = product('Bread', { categoryId: BAKERY, categoryPath: [BAKERY] });
const jam = product('Jam', { categoryId: BAKERY, categoryPath: [BAKERY] });
// In the dairy aisle, with a name like its neighbours', so only its kind keeps it out.
const postage = product('Milk postage', { sku: 'POST', kind: 'FEE' });
const goods = [milk, butter, cheese, bread, jam];

const NOW = 1_000_000_000_000;
const SHOPPER = '00000000-0000-4000-8000-0000000f5001';

function ingest(engine: RecommendationEngine, shopperId: string, type: InteractionType, p: ProductSnapshot, basketId: string | null, at = NOW): void {
  engine.ingest({ eventId: crypto.randomUUID(), shopperId, type, productId: p.productId, basketId, occurredAt: at });
}

function shop(engine: RecommendationEngine): void {
  const baskets = [
    ...Array.from({ length: 20 }, () => [postage, milk, butter]),
    ...Array.from({ length: 15 }, () => [postage, bread, jam]),
    ...Array.from({ length: 10 }, () => [milk, postage, cheese]),
  ];
  for (const basket of baskets) {
    const basketId = crypto.randomUUID();
    const shopperId = crypto.randomUUID();
    for (const p of basket) ingest(engine, shopperId, 'PURCHASE', p, basketId);
  }
  // One shopper viewed and bought the fee too, for the personal lists.
  const basketId = crypto.randomUUID();
  for (const p of [postage, milk]) {
    ingest(engine, SHOPPER, 'VIEW', p, null);
    ingest(engine, SHOPPER, 'PURCHASE', p, basketId);
  }
}

function newEngine(): RecommendationEngine {
  return new RecommendationEngine({ ...defaultEngineOptions, now: () => NOW });
}

/** Every list the engine serves, anchored on every product (and the fee itself) and with the fee in the cart. */
function everyList(engine: RecommendationEngine): RecommendationList[] {
  const request = { first: 10 };
  return [
    engine.popular(request),
    engine.trending(request),
    engine.auto(SHOPPER, request),
    engine.auto(null, request),
    engine.personalized(SHOPPER, request),
    engine.buyItAgain(SHOPPER, request),
    engine.recentlyViewed(SHOPPER, request),
    engine.matchKeywords(['milk'], request),
    engine.cartSuggestions([milk.productId], request),
    engine.cartSuggestions([postage.productId], request),
    engine.cartSuggestions([postage.productId, bread.productId], request),
    ...[...goods, postage].flatMap((p) => [engine.similar(p.productId, request), engine.frequentlyBoughtTogether(p.productId, request)]),
  ];
}

function expectNoFee(engine: RecommendationEngine): void {
  const lists = everyList(engine);
  // The lists are not empty: the fee is left out, not everything.
  expect(lists.filter((list) => list.items.length > 0).length).toBeGreaterThan(lists.length / 2);
  for (const list of lists) expect(list.items.map((item) => item.productId)).not.toContain(postage.productId);
}

function expectNothingLearned(engine: RecommendationEngine): void {
  const fee = engine.items.indexOf(postage.productId)!;
  expect(engine.baskets.count(fee)).toBe(0);
  let partners = 0;
  engine.baskets.forEachPartner(fee, () => (partners += 1));
  expect(partners).toBe(0);
  for (const p of goods) expect(engine.baskets.together(engine.items.indexOf(p.productId)!, fee)).toBe(0);
  expect(engine.behaviour.count(fee)).toBe(0);
}

describe('non-merchandise in the engine', () => {
  it('a fee bought with everything is never counted, never a neighbour and never popular', () => {
    const engine = newEngine();
    for (const p of [...goods, postage]) engine.applyProduct(p);
    shop(engine);
    engine.refit();
    expectNothingLearned(engine);
    expectNoFee(engine);
    // Its partners still pair with each other as before.
    expect(engine.frequentlyBoughtTogether(milk.productId, { first: 3 }).items[0]?.productId).toBe(butter.productId);
  });

  it('a product marked a fee after it was learned from is unlearned and leaves every list', () => {
    const engine = newEngine();
    const before = { ...postage, kind: 'MERCHANDISE' };
    for (const p of [...goods, before]) engine.applyProduct(p);
    shop(engine);
    engine.refit();
    // As merchandise it is in every basket: the most popular item there is.
    expect(engine.popular({ first: 1 }).items[0]?.productId).toBe(postage.productId);

    engine.applyProduct(postage);
    engine.refit();
    expectNothingLearned(engine);
    expectNoFee(engine);
  });

  it('interactions that arrive before the catalog names the fee are unlearned once it does', () => {
    const engine = newEngine();
    for (const p of goods) engine.applyProduct(p);
    shop(engine);
    engine.applyProduct(postage);
    engine.refit();
    expectNothingLearned(engine);
    expectNoFee(engine);
  });

  it('a fee in the cart changes nothing about its suggestions', () => {
    const engine = newEngine();
    for (const p of [...goods, postage]) engine.applyProduct(p);
    shop(engine);
    engine.refit();
    const ids = (list: RecommendationList) => list.items.map((item) => item.productId);
    expect(ids(engine.cartSuggestions([bread.productId, postage.productId], { first: 3 }))).toEqual(
      ids(engine.cartSuggestions([bread.productId], { first: 3, filter: { excludeIds: [postage.productId] } })),
    );
  });

  it('reads a snapshot without a kind (an event from before kinds) as merchandise', () => {
    const engine = newEngine();
    const { kind: _kind, ...old } = product('Old yogurt');
    engine.applyProduct(old);
    expect(engine.catalog.byId(old.productId)?.merchandise).toBe(true);
  });
});
