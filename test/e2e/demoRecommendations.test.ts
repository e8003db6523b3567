import crypto from 'node:crypto';
import { Client } from 'pg';
import { createDatabaseDriver } from '../../platform/database/database';
import { ensureDatabase } from '../../platform/database/ensureDatabase';
import { migrate } from '../../platform/database/migrate';
import { seedDemoDataIfEmpty, settleDemoRecommender, type SeededDemo } from '../../scripts/demoData';
import { demoId } from '../../subgraphs/products/seed/demoId';
import { startStack, type Stack } from '../support/stack';
import { testConfig } from '../support/testEnvironment';

// The demo as `npm start` leaves it on an empty database: the catalog, the
// synthetic shoppers and their order history, learned by the recommender and
// fitted before the first request. Asserted on categories and tags, not on
// product lists.

let stack: Stack;
let seeded: SeededDemo;
/** Against PostgreSQL the run's database is shared by every test file: the demo gets a fresh one of its own. */
let ownDatabase: { url: string; name: string; serverUrl: string } | undefined;

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
  const shared = testConfig().database;
  if (shared.kind === 'postgres') {
    const name = `smartcart_demo_${crypto.randomBytes(4).toString('hex')}`;
    const url = new URL(shared.url);
    const serverUrl = url.toString();
    url.pathname = `/${name}`;
    ownDatabase = { url: url.toString(), name, serverUrl };
    const config = testConfig({ DATABASE_URL: ownDatabase.url }).database;
    await ensureDatabase(config);
    const driver = await createDatabaseDriver(config);
    try {
      await migrate(driver);
    } finally {
      await driver.close();
    }
  }
  stack = await startStack(ownDatabase ? { DATABASE_URL: ownDatabase.url } : {});
  // What `npm start` does on an empty database, in its order: seed, then let the recommender learn and refit.
  seeded = await seedDemoDataIfEmpty(stack.infra);
  await settleDemoRecommender(stack.services);
}, 180_000);

afterAll(async () => {
  await stack?.stop();
  if (ownDatabase) {
    const client = new Client({ connectionString: ownDatabase.serverUrl });
    await client.connect();
    try {
      await client.query(`DROP DATABASE IF EXISTS "${ownDatabase.name}" WITH (FORCE)`);
    } finally {
      await client.end();
    }
  }
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
    // Near zero confidence is what a shop without activity answers.
    expect(items[0]!.confidence).toBeGreaterThan(0.1);
  });

  it("keeps a vegan shopper's suggestions vegan", async () => {
    const shopper = await shopperWithCart(['Spaghetti 500 g', 'Chopped tomatoes 400 g'], '{ dietaryRestrictions: [VEGAN] }');
    const { items } = await cartSuggestions(shopper);
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expect(item.product.dietaryTags).toContain('VEGAN');
  });
});
