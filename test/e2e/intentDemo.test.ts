import { seedDemoDataIfEmpty } from '../../scripts/demoData';
import { eventually } from '../support/eventually';
import { freshDatabase, type FreshDatabase } from '../support/freshDatabase';
import { startStack, type Stack } from '../support/stack';

// Free text through the gateway on the demo catalog: the failures shoppers saw.

let stack: Stack;
/** The demo needs an empty shop: against PostgreSQL, a database of this file's own. */
let database: FreshDatabase | undefined;

const RECOMMEND = `query ($text: String!) { recommend(context: { text: $text }, first: 5) {
  intent { excluded organic items { productTerms quantity { amount unit } } }
  items { product { name effectivePrice dietaryTags sustainability { labels } } }
  perItem { item { text } items { product { name } } } } }`;

async function recommend(text: string): Promise<any> {
  const response = await stack.query(RECOMMEND, { text });
  expect(response.errors).toBeUndefined();
  return response.data.recommend;
}

beforeAll(async () => {
  database = await freshDatabase('smartcart_demo');
  stack = await startStack(database.env);
  // The catalog is what free text is matched against; the shopper population is not needed here.
  await seedDemoDataIfEmpty(stack.infra, { population: false });
  // The engine learns the catalog from its events.
  await eventually(async () => ((await recommend('frozen pizza')).items.length > 0 ? true : undefined), 60_000, 'demo catalog in the engine');
}, 120_000);

afterAll(async () => {
  await stack?.stop();
  await database?.drop();
});

describe('free text on the demo', () => {
  it('"only organic milk" lists only organic products, organic milk first', async () => {
    const list = await recommend('only organic milk');
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.items[0].product.name).toBe('Organic whole milk 1 L');
    for (const { product } of list.items) expect(product.sustainability.labels).toContain('ORGANIC');
  });

  it('"gluten-free cookies" lists gluten-free biscuits, no sweets', async () => {
    const list = await recommend('gluten-free cookies');
    expect(list.items.length).toBeGreaterThan(0);
    for (const { product } of list.items) {
      expect(product.dietaryTags).toContain('GLUTEN_FREE');
      expect(product.name).not.toMatch(/liquorice|chewing gum|gummy/i);
    }
  });

  it('"I don\'t want nuts in my cereal" lists cereals without nuts', async () => {
    const list = await recommend("I don't want nuts in my cereal");
    expect(list.intent.excluded).toEqual(['nut']);
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.items[0].product.name).toBe('Chocolate cereal 375 g');
    for (const { product } of list.items) expect(product.name).not.toMatch(/nut|almond|hazelnut|peanut/i);
  });

  it('"frozen pizza 5,99" puts pizzas first, under 5.99', async () => {
    const list = await recommend('frozen pizza 5,99');
    expect(list.items.slice(0, 2).map((i: any) => i.product.name).sort()).toEqual(['Margherita pizza', 'Pepperoni pizza']);
    for (const { product } of list.items) expect(Number(product.effectivePrice)).toBeLessThanOrEqual(5.99);
  });

  it('"milk, eggs and bread" gives one list per item; typos are corrected', async () => {
    const list = await recommend('milk, eggs and bread');
    expect(list.perItem.map((g: any) => g.item.text)).toEqual(['milk', 'eggs', 'bread']);
    expect(list.perItem[1].items[0].product.name).toMatch(/eggs/i);
    // Bread-aisle products carry the "bread" tag, so a sourdough loaf is bread too.
    expect(list.perItem[0].items[0].product.name).toMatch(/milk/i);
    expect(list.perItem[2].items[0].product.name).toMatch(/bread|loaf|rolls|bagel|baguette/i);
    const typo = await recommend('spagetti 500g');
    expect(typo.intent.items).toEqual([{ productTerms: ['spaghetti'], quantity: { amount: 500, unit: 'g' } }]);
    expect(typo.items[0].product.name).toBe('Spaghetti 500 g');
  });
});
