import crypto from 'node:crypto';
import { createApiKey } from '../../platform/auth/apiKeys';
import type { RecommendationsService } from '../../subgraphs/recommendations/server';
import { waitFor } from '../support/freePort';
import { eventually } from '../support/eventually';
import { startStack, type Stack } from '../support/stack';

// The recommendation engine through the gateway, learning from real shopper
// flows (sessions, carts, checkouts, tracked events) within seconds.

let stack: Stack;
let admin: Record<string, string>;
/** This file's own aisle: in the services run every test file shares one database. */
let aisle: string;
const tag = crypto.randomBytes(3).toString('hex');
const p: Record<string, { id: string; name: string }> = {};

const CREATE = `mutation ($input: CreateProductInput!) { createProduct(input: $input) { id name } }`;

async function product(key: string, input: Record<string, unknown>): Promise<void> {
  const response = await stack.query(CREATE, { input: { sku: `rec-${tag}-${key}`, name: `${key} ${tag}`, stockQuantity: 50, categoryId: aisle, ...input } }, admin);
  expect(response.errors).toBeUndefined();
  p[key] = response.data.createProduct;
}

async function session(): Promise<Record<string, string>> {
  const response = await stack.query(`mutation { startSession { token } }`);
  return { 'x-session-token': response.data.startSession.token };
}

async function buy(...keys: string[]): Promise<void> {
  const shopper = await session();
  for (const key of keys) {
    const added = await stack.query(`mutation ($id: ID!) { addToCart(productId: $id, quantity: 1) { version } }`, { id: p[key]!.id }, shopper);
    expect(added.errors).toBeUndefined();
  }
  const order = await stack.query(`mutation { checkout { id } }`, undefined, shopper);
  expect(order.errors).toBeUndefined();
}

// This file's products share one aisle: asking for that aisle keeps other files' products out and,
// one aisle being asked for, lifts the aisle cap (docs/recommendations.md, "The aisle cap").
const FBT = `query ($id: ID!, $aisle: ID!) { product(id: $id) { frequentlyBoughtTogether(first: 3, strict: true, filter: { categoryId: $aisle }) { servedBy items { product { id name } reason confidence type recommendationId } } } }`;

async function fbt(key: string): Promise<{ product: { id: string; name: string }; reason: string; confidence: number }[]> {
  const response = await stack.query(FBT, { id: p[key]!.id, aisle });
  expect(response.errors).toBeUndefined();
  return response.data.product.frequentlyBoughtTogether.items;
}

beforeAll(async () => {
  stack = await startStack();
  const { key } = await createApiKey(stack.services.products!.db!.prisma, `recs test ${tag}`, ['admin']);
  admin = { 'x-api-key': key };
  const category = await stack.query(`mutation ($name: String!) { createCategory(input: { name: $name }) { id } }`, { name: `Recs aisle ${tag}` }, admin);
  expect(category.errors).toBeUndefined();
  aisle = category.data.createCategory.id;
  await product('pasta', { price: '1.20', dietaryTags: ['VEGAN'], sustainability: { score: 40, carbonFootprintKg: 1.2 } });
  await product('sauce', { price: '2.10', dietaryTags: ['VEGAN'], sustainability: { score: 70, carbonFootprintKg: 0.8 } });
  await product('parmesan', { price: '4.50', sustainability: { score: 30, carbonFootprintKg: 8 } });
  await product('basil', { price: '1.00', dietaryTags: ['VEGAN'], sustainability: { score: 90, carbonFootprintKg: 0.2 } });
  await product('truffle', { price: '39.00', dietaryTags: ['VEGAN'], sustainability: { score: 80, carbonFootprintKg: 0.5 } });
  await product('wine', { price: '6.00', dietaryTags: ['VEGAN'], stockQuantity: 0 });
  // The catalog reaches the recommendations subgraph as events.
  await waitFor(async () => stack.query(`query ($aisle: ID!) { popular(category: $aisle, first: 50, filter: { inStock: false }) { items { product { id } } } }`, { aisle }).then((r) =>
    r.data.popular.items.filter((i: { product: { id: string } }) => Object.values(p).some((x) => x.id === i.product.id)).length === 6,
  ), 10_000, 'catalog projection');
  for (let i = 0; i < 4; i++) await buy('pasta', 'sauce');
  await buy('pasta', 'parmesan');
});

afterAll(async () => {
  await stack?.stop();
});

describe('frequently bought together', () => {
  it('learns from checkouts and explains itself', async () => {
    const items = await waitFor(async () => {
      const list = await fbt('pasta');
      return list[0]?.product.id === p.sauce!.id ? list : undefined;
    }, 10_000, 'sauce to go with pasta');
    // The evidence: the share of the pasta's baskets that held the sauce.
    expect(items[0]!.reason).toMatch(/^Bought with .+ in \d+% of its baskets$/);
    expect(items[0]!.reason).toContain(`Bought with ${p.pasta!.name} in `);
    expect(items[0]!.confidence).toBeGreaterThan(0);
    expect(items[0]!.confidence).toBeLessThanOrEqual(1);
  });

  it('changes within seconds when a burst of co-purchases arrives', async () => {
    await waitFor(async () => (await fbt('pasta'))[0]?.product.id === p.sauce!.id, 10_000, 'baseline');
    for (let i = 0; i < 8; i++) await buy('pasta', 'basil');
    await waitFor(async () => (await fbt('pasta'))[0]?.product.id === p.basil!.id, 30_000, 'basil to overtake sauce');
  });

  it('drops an item the moment it goes out of stock', async () => {
    await waitFor(async () => (await fbt('pasta')).some((i) => i.product.id === p.parmesan!.id), 10_000, 'parmesan listed');
    const set = await stack.query(`mutation ($id: ID!) { setStock(id: $id, quantity: 0) { id } }`, { id: p.parmesan!.id }, admin);
    expect(set.errors).toBeUndefined();
    await waitFor(async () => !(await fbt('pasta')).some((i) => i.product.id === p.parmesan!.id), 5_000, 'parmesan gone');
    await stack.query(`mutation ($id: ID!) { setStock(id: $id, quantity: 20) { id } }`, { id: p.parmesan!.id }, admin);
  });
});

describe('trending', () => {
  it('lists an item within seconds of a burst of views', async () => {
    const TRENDING = `query ($aisle: ID!) { trending(category: $aisle, first: 20, strict: true) { servedBy items { product { id } type reason } } }`;
    const before = await stack.query(TRENDING, { aisle });
    expect(before.data.trending.items.map((i: { product: { id: string } }) => i.product.id)).not.toContain(p.truffle!.id);

    const shopper = await session();
    const inputs = Array.from({ length: 40 }, () => ({ type: 'VIEW', productId: p.truffle!.id }));
    const tracked = await stack.query(`mutation ($inputs: [TrackEventInput!]!) { trackEvents(inputs: $inputs) { id } }`, { inputs }, shopper);
    expect(tracked.errors).toBeUndefined();
    const item = await waitFor(async () => {
      const response = await stack.query(TRENDING, { aisle });
      return response.data.trending.items.find((i: { product: { id: string } }) => i.product.id === p.truffle!.id);
    }, 10_000, 'truffle trending');
    expect(item.type).toBe('TRENDING');
    expect(item.reason).toMatch(/^Trending: /);
  });
});

describe('cart suggestions', () => {
  // Within this file's aisle: in the services run other files change products this
  // file's bus never hears about, so only its own products have a known state.
  const SUGGESTIONS = `query ($aisle: ID!) { me { cart { total budget { remaining status } suggestions(first: 5, filter: { categoryId: $aisle }) { servedBy items { product { id name effectivePrice dietaryTags } type reason confidence } } } } }`;

  it('completes the cart within budget, diet and stock, never repeating a cart item', async () => {
    const shopper = await session();
    const prefs = await stack.query(
      `mutation { updatePreferences(input: { budgetLimit: "6.00", dietaryRestrictions: [VEGAN], sustainabilityPreference: PREFER }) { budgetLimit } }`,
      undefined,
      shopper,
    );
    expect(prefs.errors).toBeUndefined();
    await stack.query(`mutation ($id: ID!) { addToCart(productId: $id, quantity: 1) { version } }`, { id: p.pasta!.id }, shopper);

    const response = await stack.query(SUGGESTIONS, { aisle }, shopper);
    expect(response.errors).toBeUndefined();
    const cart = response.data.me.cart;
    expect(cart.budget.remaining).toBe('4.80');
    const items = cart.suggestions.items as { product: { id: string; effectivePrice: string; dietaryTags: string[] }; reason: string; type: string }[];
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      expect(item.product.id).not.toBe(p.pasta!.id);
      expect(item.product.id).not.toBe(p.wine!.id);
      expect(item.product.id).not.toBe(p.truffle!.id);
      expect(Number(item.product.effectivePrice)).toBeLessThanOrEqual(4.8);
      expect(item.product.dietaryTags).toContain('VEGAN');
    }
    expect(items.map((i) => i.product.id)).not.toContain(p.parmesan!.id);
    expect(items.some((i) => i.product.id === p.sauce!.id || i.product.id === p.basil!.id)).toBe(true);
  });

  it('answers the same from the cache as computed fresh', async () => {
    const shopper = await session();
    await stack.query(`mutation ($id: ID!) { addToCart(productId: $id, quantity: 2) { version } }`, { id: p.sauce!.id }, shopper);
    // The add-to-cart event changes the engine (and so the cache key) when it arrives: let it.
    const host = (stack.services.recommendations as RecommendationsService).host;
    let seen = '';
    await waitFor(async () => {
      const settled = host.engine.version === seen;
      seen = host.engine.version;
      return settled;
    }, 10_000, 'learning to settle');
    const { stats } = (stack.services.recommendations as RecommendationsService).cache;
    const first = await stack.query(SUGGESTIONS, { aisle }, shopper);
    const hitsBefore = stats.hits;
    const second = await stack.query(SUGGESTIONS, { aisle }, shopper);
    const hitsAfter = stats.hits;
    expect(second).toEqual(first);
    expect(hitsAfter).toBeGreaterThan(hitsBefore);
  });

  it('with sustainability ONLY suggests only sustainable items', async () => {
    const shopper = await session();
    await stack.query(`mutation { updatePreferences(input: { sustainabilityPreference: ONLY }) { budgetLimit } }`, undefined, shopper);
    await stack.query(`mutation ($id: ID!) { addToCart(productId: $id, quantity: 1) { version } }`, { id: p.pasta!.id }, shopper);
    const response = await stack.query(
      `query ($aisle: ID!) { me { cart { suggestions(first: 5, filter: { categoryId: $aisle }) { items { product { id sustainability { score labels } } type } } } } }`,
      { aisle },
      shopper,
    );
    expect(response.errors).toBeUndefined();
    const items = response.data.me.cart.suggestions.items as { product: { id: string; sustainability: { score: number | null; labels: string[] } } }[];
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      const { score, labels } = item.product.sustainability;
      expect((score ?? 0) >= 60 || labels.includes('ORGANIC') || labels.includes('FAIR_TRADE')).toBe(true);
    }
    expect(items.map((i) => i.product.id)).not.toContain(p.parmesan!.id);
  });

  it('boosts items stocked near the shopper', async () => {
    const store = await stack.query(`mutation { createStore(input: { name: "Recs ${tag}", city: "Lisbon", latitude: 38.7223, longitude: -9.1393 }) { id } }`, undefined, admin);
    expect(store.errors).toBeUndefined();
    const stocked = await stack.query(`mutation ($s: ID!, $p: [ID!]!) { setStoreProducts(storeId: $s, productIds: $p) { id } }`, { s: store.data.createStore.id, p: [p.sauce!.id] }, admin);
    expect(stocked.errors).toBeUndefined();
    const scoreFor = async (location: string) => {
      const shopper = await session();
      if (location) await stack.query(`mutation { updatePreferences(input: { location: ${location} }) { budgetLimit } }`, undefined, shopper);
      await stack.query(`mutation ($id: ID!) { addToCart(productId: $id, quantity: 1) { version } }`, { id: p.pasta!.id }, shopper);
      const response = await stack.query(`{ me { cart { suggestions(first: 10) { items { product { id } score } } } } }`, undefined, shopper);
      return response.data.me.cart.suggestions.items.find((i: { product: { id: string } }) => i.product.id === p.sauce!.id)?.score as number;
    };
    const far = await scoreFor('');
    const near = await waitFor(async () => {
      const score = await scoreFor('{ latitude: 38.7200, longitude: -9.1400 }');
      return score > far ? score : undefined;
    }, 10_000, 'store stock learned');
    expect(near).toBeCloseTo(far * 1.15, 4);
  });

  it('needs the cart owner session', async () => {
    const response = await stack.query(`{ me { cart { suggestions { items { product { id } } } } } }`);
    expect(response.data?.me ?? null).toBeNull();
  });
});

describe('per shopper and free text', () => {
  it('offers what the shopper bought before', async () => {
    const shopper = await session();
    for (const key of ['sauce', 'basil']) await stack.query(`mutation ($id: ID!) { addToCart(productId: $id, quantity: 1) { version } }`, { id: p[key]!.id }, shopper);
    await stack.query(`mutation { checkout { id } }`, undefined, shopper);
    const list = await waitFor(async () => {
      const response = await stack.query(`{ me { recommendations(strategy: BUY_IT_AGAIN, first: 5) { servedBy items { product { id } reason type } } } }`, undefined, shopper);
      const recs = response.data.me.recommendations;
      return recs.items.length === 2 ? recs : undefined;
    }, 10_000, 'purchases learned');
    expect(new Set(list.items.map((i: { product: { id: string } }) => i.product.id))).toEqual(new Set([p.sauce!.id, p.basil!.id]));
    expect(list.items[0]).toMatchObject({ type: 'BUY_IT_AGAIN', reason: 'You bought this before' });
  });

  it('personalises from views and lists what was viewed', async () => {
    const shopper = await session();
    // Other shoppers who viewed pasta also viewed sauce.
    for (let i = 0; i < 3; i++) {
      const other = await session();
      await stack.query(`mutation ($inputs: [TrackEventInput!]!) { trackEvents(inputs: $inputs) { id } }`, { inputs: [{ type: 'VIEW', productId: p.pasta!.id }, { type: 'VIEW', productId: p.sauce!.id }] }, other);
    }
    await stack.query(`mutation ($id: ID!) { trackEvent(input: { type: VIEW, productId: $id }) { id } }`, { id: p.pasta!.id }, shopper);
    const personal = await waitFor(async () => {
      const response = await stack.query(`{ me { recommendations(strategy: PERSONALIZED, first: 3, strict: true) { items { product { id } type reason } } } }`, undefined, shopper);
      const items = response.data.me.recommendations.items;
      return items.length > 0 ? items : undefined;
    }, 10_000, 'personal recommendations');
    // Earlier tests' shoppers also bought pasta with basil and sauce: either is what pasta viewers engage with.
    expect([p.sauce!.id, p.basil!.id]).toContain(personal[0].product.id);
    expect(personal[0]).toMatchObject({ type: 'PERSONALIZED', reason: `Because you looked at ${p.pasta!.name}: shoppers who did also chose this` });
    const viewed = await stack.query(`{ me { recommendations(strategy: RECENTLY_VIEWED) { items { product { id } } servedBy } } }`, undefined, shopper);
    expect(viewed.data.me.recommendations).toEqual({ items: [{ product: { id: p.pasta!.id } }], servedBy: ['RECENTLY_VIEWED'] });
  });

  it('lists similar items with reasons', async () => {
    const response = await stack.query(`query ($id: ID!) { product(id: $id) { similarItems(first: 3) { servedBy items { product { id } type reason confidence } } } }`, { id: p.pasta!.id });
    expect(response.errors).toBeUndefined();
    const list = response.data.product.similarItems;
    expect(list.servedBy[0]).toBe('SIMILAR');
    expect(list.items[0]).toMatchObject({ type: 'SIMILAR', reason: `Similar to ${p.pasta!.name}` });
  });

  it('keeps a shopper\'s free-text requests in its history', async () => {
    const shopper = await session();
    const asked = await stack.query(`{ recommend(context: { text: "organic ${tag} under 2 euros" }) { intent { maxPrice } } }`, undefined, shopper);
    expect(asked.errors).toBeUndefined();
    // Recorded as a SEARCH interaction on the bus, stored by the recommender's consumer: there shortly, not at once.
    const intents = await eventually(async () => {
      const history = await stack.query(`{ me { intents(first: 5) { text maxPrice sustainability } } }`, undefined, shopper);
      expect(history.errors).toBeUndefined();
      return history.data.me.intents.length > 0 ? history.data.me.intents : undefined;
    }, 20_000, 'the request in the shopper history');
    expect(intents).toEqual([{ text: `organic ${tag} under 2 euros`, maxPrice: '2.00', sustainability: 'PREFER' }]);
    const stranger = await stack.query(`{ me { intents { text } } }`, undefined, await session());
    expect(stranger.data.me.intents).toEqual([]);
  });

  it('explains how it understood free text', async () => {
    const response = await stack.query(`{ detectIntent(text: "cheap gluten free snacks under $4 near me") { maxPrice dietaryTags priceSensitivity nearMe confidence } }`);
    expect(response.data.detectIntent).toMatchObject({ maxPrice: '4.00', dietaryTags: ['GLUTEN_FREE'], priceSensitivity: 'BUDGET', nearMe: true });
  });

  it('understands free text and applies it as filters', async () => {
    const response = await stack.query(`{ recommend(context: { text: "vegan ${tag} under 3 euros" }, first: 10) { servedBy intent { maxPrice dietaryTags keywords } items { product { id effectivePrice dietaryTags } reason } } }`);
    expect(response.errors).toBeUndefined();
    const { intent, items } = response.data.recommend;
    expect(intent).toMatchObject({ maxPrice: '3.00', dietaryTags: ['VEGAN'] });
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      expect(Number(item.product.effectivePrice)).toBeLessThanOrEqual(3);
      expect(item.product.dietaryTags).toContain('VEGAN');
    }
  });

  it('rejects bad arguments with the field and the reason', async () => {
    const tooMany = await stack.query(`{ popular(first: 500) { items { reason } } }`);
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const badCategory = await stack.query(`{ trending(category: "dairy") { items { reason } } }`);
    expect(badCategory.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'category' });
    const emptyText = await stack.query(`{ detectIntent(text: "   ") { confidence } }`);
    expect(emptyText.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'text' });
  });
});
