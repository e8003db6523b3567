import { seedDemoDataIfEmpty } from '../../scripts/demoData';
import { demoId } from '../../subgraphs/products/seed/demoId';
import { eventually } from '../support/eventually';
import { freshDatabase, type FreshDatabase } from '../support/freshDatabase';
import { barcodePng } from '../support/barcodeImages';
import { listPng } from '../support/listImages';
import { startStack, type Stack } from '../support/stack';

// A shopper pastes a shopping list: through the gateway, the recommendations
// subgraph understands and matches every item within the shopper's diet and
// budget, and the users subgraph adds the picks to the cart in one go. The
// answer says what happened to every item; a retry with the same key adds
// nothing twice; a request without a session is refused and changes nothing.

let stack: Stack;
/** The demo catalog needs an empty shop: against PostgreSQL, a database of this file's own. */
let database: FreshDatabase | undefined;

const FILL = `mutation ($text: String, $image: PhotoInput, $key: String) {
  fillCartFromList(list: { text: $text, image: $image }, idempotencyKey: $key) {
    added
    cart { version itemCount items { product { name } quantity } budget { remaining } }
    items { text status quantity confidence reason product { name } item { productTerms quantity { amount unit } } }
    unmatched { text status }
  }
}`;

async function shopper(preferences: string): Promise<Record<string, string>> {
  const started = await stack.query(`mutation { startSession { token } }`);
  const session = { 'x-session-token': started.data.startSession.token as string };
  const updated = await stack.query(`mutation { updatePreferences(input: ${preferences}) { budgetLimit } }`, undefined, session);
  expect(updated.errors).toBeUndefined();
  return session;
}

beforeAll(async () => {
  database = await freshDatabase('smartcart_list');
  stack = await startStack(database.env);
  await seedDemoDataIfEmpty(stack.infra, { population: false });
  // The recommender matches against its projection of the catalog, fed by catalog events.
  await eventually(async () => {
    const response = await stack.query(`{ recommend(context: { text: "ground coffee" }, first: 1, strict: true) { items { product { id } } } }`);
    return response.data?.recommend?.items?.[0]?.product?.id === demoId('Ground coffee 500 g') ? true : undefined;
  }, 120_000, 'the demo catalog learned by the recommender');
}, 300_000);

afterAll(async () => {
  await stack?.stop();
  await database?.drop();
}, 60_000);

describe('fillCartFromList', () => {
  it('adds the best match per item within diet and budget, and reports the rest', async () => {
    const session = await shopper('{ dietaryRestrictions: [VEGAN], budgetLimit: "6.00" }');
    const text = '2 x oat drink\nmature cheddar\nground coffee\nzzqx wibble';
    const response = await stack.query(FILL, { text, key: 'list-1' }, session);
    expect(response.errors).toBeUndefined();
    const result = response.data.fillCartFromList;
    expect(result.items.map((line: { text: string; status: string; product: { name: string } | null; quantity: number }) => [line.text, line.status, line.product?.name ?? null, line.quantity])).toEqual([
      ['2 x oat drink', 'ADDED', 'Oat drink 1 L', 2],
      ['mature cheddar', 'NOT_IN_DIET', 'Mature cheddar 400 g', 1],
      // 6.00 - 2 × 1.99 = 2.02 left: 5.99 does not fit.
      ['ground coffee', 'OVER_BUDGET', 'Ground coffee 500 g', 1],
      ['zzqx wibble', 'NO_MATCH', null, 1],
    ]);
    expect(result.items[0]).toMatchObject({ reason: 'Added Oat drink 1 L', item: { quantity: { amount: 2, unit: null } } });
    expect(result.items[0].confidence).toBeGreaterThan(0.5);
    expect(result.items[1].reason).toBe('No vegan product matches “mature cheddar”');
    expect(result.items[2].reason).toBe('Ground coffee 500 g matches “ground coffee” but does not fit in the 2.02 left of the budget');
    expect(result.added).toBe(1);
    expect(result.unmatched.map((line: { text: string }) => line.text)).toEqual(['mature cheddar', 'ground coffee', 'zzqx wibble']);
    // The cart the users subgraph holds, through the gateway.
    expect(result.cart).toMatchObject({ itemCount: 2, items: [{ product: { name: 'Oat drink 1 L' }, quantity: 2 }], budget: { remaining: '2.02' } });

    // A retry with the same key is the first answer again, nothing added twice.
    const retried = await stack.query(FILL, { text, key: 'list-1' }, session);
    expect(retried.errors).toBeUndefined();
    const cart = await stack.query(`{ cart { version itemCount } }`, undefined, session);
    expect(cart.data.cart).toEqual({ version: result.cart.version, itemCount: 2 });
  });

  it('leaves the cart as it was when nothing could be added', async () => {
    const session = await shopper('{ budgetLimit: "1.00" }');
    const response = await stack.query(FILL, { text: 'ground coffee\nmature cheddar' }, session);
    expect(response.errors).toBeUndefined();
    const result = response.data.fillCartFromList;
    expect(result.added).toBe(0);
    expect(result.items.map((line: { status: string }) => line.status)).toEqual(['OVER_BUDGET', 'OVER_BUDGET']);
    expect(result.cart).toMatchObject({ version: 0, itemCount: 0, items: [] });
  });

  it('refuses a request without a session, and a list that is too long, with their codes', async () => {
    const anonymous = await stack.query(FILL, { text: 'oat drink' });
    expect(anonymous.data).toBeNull();
    expect(anonymous.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');

    const session = await shopper('{ budgetLimit: null }');
    const long = await stack.query(FILL, { text: 'oat drink\n'.repeat(300) }, session);
    expect(long.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'list.text', reason: 'must be at most 2000 characters' });
    const many = await stack.query(FILL, { text: Array.from({ length: 60 }, () => 'milk').join(',') }, session);
    expect(many.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'list.text', reason: 'has 60 items; at most 50' });
    const cart = await stack.query(`{ cart { itemCount } }`, undefined, session);
    expect(cart.data.cart.itemCount).toBe(0);
  });
});

describe('fillCartFromList with a photo of the list', () => {
  const photo = (bytes: Buffer) => ({ base64: bytes.toString('base64'), contentType: 'image/png' });

  it('reads the printed list and fills the cart the same way', async () => {
    const session = await shopper('{ dietaryRestrictions: [VEGAN], budgetLimit: null }');
    const response = await stack.query(FILL, { image: photo(await listPng(['2 x oat drink', '1 kg spaghetti', 'mature cheddar'])) }, session);
    expect(response.errors).toBeUndefined();
    const result = response.data.fillCartFromList;
    expect(result.items.map((item: { status: string; product: { name: string } | null; quantity: number }) => [item.status, item.product?.name ?? null, item.quantity])).toEqual([
      ['ADDED', 'Oat drink 1 L', 2],
      ['ADDED', 'Spaghetti 500 g', 2],
      ['NOT_IN_DIET', 'Mature cheddar 400 g', 1],
    ]);
    // The text recognition's confidence in each line counts in its items'.
    for (const item of result.items) expect(item.confidence).toBeGreaterThan(0);
    expect(result.cart.itemCount).toBe(4);
  });

  it('refuses a barcode photo, and a list sent both ways, naming the field', async () => {
    const session = await shopper('{ budgetLimit: null }');
    const barcode = await stack.query(FILL, { image: photo(await barcodePng('ean13', '4006381333931')) }, session);
    expect(barcode.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'list.image' });
    expect(barcode.errors![0]!.extensions!.reason).toMatch(/^shows a barcode \(4006381333931\), not a list/);
    const both = await stack.query(FILL, { text: 'oat drink', image: photo(await listPng(['oat drink'])) }, session);
    expect(both.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'list', reason: 'must have either text or image, not both' });
    const cart = await stack.query(`{ cart { itemCount } }`, undefined, session);
    expect(cart.data.cart.itemCount).toBe(0);
  });
});

describe('addItemsToCart (what fillCartFromList writes with)', () => {
  const ADD = `mutation ($items: [CartLineInput!]!) { addItemsToCart(items: $items) { version items { product { name } quantity } } }`;

  it('adds every line in one version, merging a product named twice', async () => {
    const session = await shopper('{ budgetLimit: null }');
    const response = await stack.query(
      ADD,
      { items: [{ productId: demoId('Baguette'), quantity: 2 }, { productId: demoId('Spaghetti 500 g') }, { productId: demoId('Baguette'), quantity: 1 }] },
      session,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data.addItemsToCart.version).toBe(1);
    expect(response.data.addItemsToCart.items).toEqual(
      expect.arrayContaining([
        { product: { name: 'Baguette' }, quantity: 3 },
        { product: { name: 'Spaghetti 500 g' }, quantity: 1 },
      ]),
    );
  });

  it('adds nothing when one line is refused, naming that line', async () => {
    const session = await shopper('{ budgetLimit: null }');
    const unknown = '00000000-0000-4000-8000-00000000dead';
    const response = await stack.query(ADD, { items: [{ productId: demoId('Baguette') }, { productId: unknown }] }, session);
    expect(response.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'items.1.productId', productId: unknown });
    const tooMany = await stack.query(ADD, { items: [{ productId: demoId('Baguette'), quantity: 1 }, { productId: demoId('Baguette'), quantity: 999 }] }, session);
    expect(tooMany.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'items.1.quantity' });
    const empty = await stack.query(ADD, { items: [] }, session);
    expect(empty.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'items', reason: 'must have at least 1 line' });
    const cart = await stack.query(`{ cart { version itemCount } }`, undefined, session);
    expect(cart.data.cart).toEqual({ version: 0, itemCount: 0 });
  });
});
