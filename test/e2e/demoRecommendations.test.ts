import { seedDemoDataIfEmpty, settleDemoRecommender, type SeededDemo } from '../../scripts/demoData';
import { demoId } from '../../subgraphs/products/seed/demoId';
import { freshDatabase, type FreshDatabase } from '../support/freshDatabase';
import { startStack, type Stack } from '../support/stack';

// The demo as `npm start` leaves it on an empty database: the catalog, the
// synthetic shoppers and their order history, learned by the recommender and
// fitted before the first request. Asserted on categories and tags, not on
// product lists.

let stack: Stack;
let seeded: SeededDemo;
/** The demo needs an empty shop: against PostgreSQL, a database of this file's own. */
let database: FreshDatabase | undefined;

interface Item {
  product: { name: string; dietaryTags: string[]; category: { slug: string } | null };
  type: string;
  reason: string;
  confidence: number;
}

const ITEM = `items { product { name dietaryTags category { slug } } type reason confidence }`;
const slugs = (items: Item[]) => items.map((i) => i.product.category?.slug);

async function shopperWithCart(names: string[], preferences?: string): Promise<Record<string, string>> {
  const started = await stack.query(`mutation { startSession { token } }`);
  const shopper = { 'x-session-token': started.data.startSession.token as string };
  if (preferences) {
    const updated = await stack.query(`mutation { updatePreferences(input: ${preferences}) { budgetLimit } }`, undefined, shopper);
    expect(updated.errors).toBeUndefined();
  }
  for (const name of names) {
    const added = await stack.query(`mutation ($id: ID!) { addToCart(productId: $id, quantity: 1) { version } }`, { id: demoId(name) }, shopper);
    expect(added.errors).toBeUndefined();
  }
  return shopper;
}

async function cartSuggestions(shopper: Record<string, string>): Promise<{ servedBy: string[]; items: Item[] }> {
  const response = await stack.query(`{ me { cart { suggestions(first: 6) { servedBy ${ITEM} } } } }`, undefined, shopper);
  expect(response.errors).toBeUndefined();
  return response.data.me.cart.suggestions;
}

beforeAll(async () => {
  database = await freshDatabase('smartcart_demo');
  stack = await startStack(database.env);
  // What `npm start` does on an empty database, in its order: seed, then let the recommender learn and refit.
  seeded = await seedDemoDataIfEmpty(stack.infra);
  await settleDemoRecommender(stack.services);
}, 420_000);

afterAll(async () => {
  await stack?.stop();
  await database?.drop();
});

describe('the warm demo', () => {
  it('seeds a population with an order history once', async () => {
    expect(seeded).toMatchObject({ shoppers: 300, orders: 1500 });
    expect(seeded.events).toBeGreaterThan(seeded.orders * 3);
    expect(await seedDemoDataIfEmpty(stack.infra)).toEqual({ products: 0, shoppers: 0, orders: 0, events: 0 });
  });

  it('completes a spaghetti and tomato sauce cart with sauce, cheese or herbs, not with more pasta', async () => {
    const { servedBy, items } = await cartSuggestions(await shopperWithCart(['Spaghetti 500 g', 'Tomato pasta sauce 500 g']));
    expect(servedBy[0]).toBe('CART_COMPLETION');
    expect(items.length).toBeGreaterThanOrEqual(4);
    expect(slugs(items).some((slug) => ['sauces', 'cheese', 'herbs'].includes(slug ?? ''))).toBe(true);
    expect(slugs(items).filter((slug) => slug === 'pasta-rice').length).toBeLessThanOrEqual(items.length / 2);
    // Learned from baskets, not popularity standing in for them.
    for (const item of items) expect(item.type).not.toBe('POPULAR');
  });

  it('buys whole milk with cereal, bread or butter, not mostly with other milks', async () => {
    const response = await stack.query(`query ($id: ID!) { product(id: $id) { frequentlyBoughtTogether(first: 5) { servedBy ${ITEM} } } }`, {
      id: demoId('Whole milk 1 L'),
    });
    expect(response.errors).toBeUndefined();
    const { servedBy, items } = response.data.product.frequentlyBoughtTogether as { servedBy: string[]; items: Item[] };
    expect(servedBy).toEqual(['FREQUENTLY_BOUGHT_TOGETHER']);
    expect(items).toHaveLength(5);
    expect(slugs(items).some((slug) => ['breakfast', 'bread', 'butter-cream'].includes(slug ?? ''))).toBe(true);
    expect(slugs(items).filter((slug) => slug === 'milk').length).toBeLessThan(items.length / 2);
  });

  it('knows what is popular with its shoppers', async () => {
    const response = await stack.query(`{ popular(first: 5) { servedBy ${ITEM} } }`);
    expect(response.errors).toBeUndefined();
    const items = response.data.popular.items as Item[];
    expect(items).toHaveLength(5);
    // Confidence is the chance of being the next add: a shop without activity gives every product
    // an even share (1 of seeded.products at most); the demo's most popular item is well above it,
    // and popularity alone is never near certain.
    expect(items[0]!.confidence).toBeGreaterThan(2 / seeded.products);
    expect(items[0]!.confidence).toBeLessThan(0.5);
    for (let k = 1; k < items.length; k++) expect(items[k]!.confidence).toBeLessThanOrEqual(items[k - 1]!.confidence);
  });

  it('keeps every served list within the aisle cap: no aisle takes more than half the places asked for', async () => {
    const shopper = await shopperWithCart(['Spaghetti 500 g', 'Tomato pasta sauce 500 g']);
    await stack.query(`mutation ($id: ID!) { trackEvent(input: { type: VIEW, productId: $id }) { id } }`, { id: demoId('Penne 500 g') }, shopper);
    const lists: [string, string, Record<string, unknown>, (data: any) => { items: Item[] }][] = [
      ['cart', `{ me { cart { suggestions(first: 6) { ${ITEM} } } } }`, {}, (d) => d.me.cart.suggestions],
      ['home', `{ me { recommendations(first: 10) { ${ITEM} } } }`, {}, (d) => d.me.recommendations],
      ['bought together', `query ($id: ID!) { product(id: $id) { frequentlyBoughtTogether(first: 6) { ${ITEM} } } }`, { id: demoId('Spaghetti 500 g') }, (d) => d.product.frequentlyBoughtTogether],
      ['popular', `{ popular(first: 10) { ${ITEM} } }`, {}, (d) => d.popular],
      ['trending', `{ trending(first: 10) { ${ITEM} } }`, {}, (d) => d.trending],
      ['products shown', `query ($id: ID!) { recommend(context: { productIds: [$id] }, first: 6) { ${ITEM} } }`, { id: demoId('Spaghetti 500 g') }, (d) => d.recommend],
    ];
    for (const [name, query, variables, pick] of lists) {
      const response = await stack.query(query, variables, shopper);
      expect(response.errors).toBeUndefined();
      const { items } = pick(response.data);
      const first = Number(/first: (\d+)/.exec(query)![1]);
      const perAisle = new Map<string, number>();
      for (const slug of slugs(items)) perAisle.set(slug ?? '', (perAisle.get(slug ?? '') ?? 0) + 1);
      const largest = Math.max(0, ...perAisle.values());
      // The list's name travels with the verdict, so a failure says which list broke the cap.
      expect({ name, withinCap: largest <= Math.floor(first / 2), listed: items.length > 0 }).toEqual({ name, withinCap: true, listed: true });
    }
  });

  it('explains items with their evidence', async () => {
    const response = await stack.query(`query ($id: ID!) { product(id: $id) { frequentlyBoughtTogether(first: 5) { ${ITEM} } } }`, { id: demoId('Whole milk 1 L') });
    for (const item of response.data.product.frequentlyBoughtTogether.items as Item[]) expect(item.reason).toMatch(/^Bought with Whole milk 1 L in (\d+|<1)% of its baskets$/);
    const popular = await stack.query(`{ popular(first: 3) { ${ITEM} } }`);
    for (const item of popular.data.popular.items as Item[]) expect(item.reason).toBe('Popular with shoppers over the last two weeks');
  });

  it("keeps a vegan shopper's suggestions vegan", async () => {
    const shopper = await shopperWithCart(['Spaghetti 500 g', 'Chopped tomatoes 400 g'], '{ dietaryRestrictions: [VEGAN] }');
    const { items } = await cartSuggestions(shopper);
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expect(item.product.dietaryTags).toContain('VEGAN');
  });
});
