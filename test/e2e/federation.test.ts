import crypto from 'node:crypto';
import type { Database } from '../../platform/database/database';
import { createCatalogProducts, untilSimilarAre } from '../support/catalogProducts';
import { startStack, type Stack } from '../support/stack';

// Through the gateway, as a client would: one endpoint, three subgraphs.

let stack: Stack;
let productsDb: Database;
const products: { id: string; sku: string; name: string; price: string }[] = [];

beforeAll(async () => {
  // Without the products entity cache: these count the statements the loaders batch into (productEntityCache.test.ts covers the cache).
  stack = await startStack({ PRODUCTS_ENTITY_CACHE_SIZE: '0' });
  productsDb = stack.services.products!.db!;
  // Letters only: the tag is a word the recommender's content similarity reads, shared by these products alone.
  const tag = Array.from(crypto.randomBytes(6), (b) => String.fromCharCode(97 + (b % 26))).join('');
  const rows = Array.from({ length: 60 }, (_, i) => ({ sku: `test-${tag}-${i}`, name: `Test item ${tag} ${i}`, price: (1 + i * 0.25).toFixed(2), stockQuantity: 10 }));
  const ids = await createCatalogProducts(stack, rows);
  rows.forEach((row, i) => products.push({ id: ids[i]!, ...row }));
  // Alike but for the price: product 0's content neighbours are products 1, 2, 3, 4 … in price order.
  await untilSimilarAre(stack, products[0]!.id, [1, 2, 3, 4].map((n) => products[n]!.id));
});

afterAll(async () => {
  await stack?.stop();
});

function countStatements<T>(db: Database, run: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  const statements: string[] = [];
  const stop = db.statements.watch((sql) => statements.push(sql));
  return run().then(
    (result) => {
      stop();
      return { result, statements };
    },
    (error) => {
      stop();
      throw error;
    },
  );
}

describe('federated product query', () => {
  it('answers with fields from products and recommendations in one request', async () => {
    const response = await stack.query(
      `query ($id: ID!) { product(id: $id) { name price similar(first: 3) { name price } } }`,
      { id: products[0]!.id },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data.product).toEqual({
      name: products[0]!.name,
      price: products[0]!.price,
      similar: [1, 2, 3].map((n) => ({ name: products[n]!.name, price: products[n]!.price })),
    });
  });

  it('returns null for an unknown product and BAD_USER_INPUT for a malformed id', async () => {
    const unknown = await stack.query(`{ product(id: "${crypto.randomUUID()}") { name } }`);
    expect(unknown).toEqual({ data: { product: null } });

    const malformed = await stack.query(`{ product(id: "not-a-uuid") { name } }`);
    expect(malformed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id', reason: 'must be a UUID' });
  });

  it('rejects an out-of-range list size with the field and the reason', async () => {
    const response = await stack.query(`query ($id: ID!) { product(id: $id) { similar(first: 0) { name } } }`, {
      id: products[0]!.id,
    });
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('costs the products subgraph one SQL statement for 50 products', async () => {
    const fifty = products.slice(0, 50);
    const selection = fifty.map((p, i) => `p${i}: product(id: "${p.id}") { id name price }`).join('\n');
    const { result, statements } = await countStatements(productsDb, () => stack.query(`{ ${selection} }`));
    expect(result.errors).toBeUndefined();
    expect(fifty.map((p, i) => result.data[`p${i}`].name)).toEqual(fifty.map((p) => p.name));
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatch(/FROM "catalog"\."product"/);
  });

  it('answers a list of recommended products without asking the products subgraph again', async () => {
    const { result, statements } = await countStatements(productsDb, () =>
      stack.query(`query ($id: ID!) { product(id: $id) { similar(first: 4) { id name } } }`, { id: products[0]!.id }),
    );
    expect(result.data.product.similar.map((p: { id: string }) => p.id)).toEqual([1, 2, 3, 4].map((n) => products[n]!.id));
    // One for the root product; the recommendations subgraph provides the listed products' names
    // itself (@provides), so the gateway does not come back to products for them.
    expect(statements).toHaveLength(1);
  });
});

describe('fields the recommendations subgraph does not provide', () => {
  it('fetches them from products for the whole list in one batched statement', async () => {
    const { result, statements } = await countStatements(productsDb, () =>
      stack.query(`query ($id: ID!) { product(id: $id) { similar(first: 4) { id sku } } }`, { id: products[0]!.id }),
    );
    expect(result.data.product.similar).toEqual([1, 2, 3, 4].map((n) => ({ id: products[n]!.id, sku: products[n]!.sku })));
    // One for the root product, one for all four references together.
    expect(statements).toHaveLength(2);
  });
});

describe('anonymous shopper session', () => {
  it('starts a session and recognises the shopper by its token header', async () => {
    const started = await stack.query(`mutation { startSession { token shopper { id } } }`);
    const { token, shopper } = started.data.startSession;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const me = await stack.query(`{ me { id createdAt } }`, undefined, { 'x-session-token': token });
    expect(me.data.me.id).toBe(shopper.id);

    const stranger = await stack.query(`{ me { id } }`, undefined, { 'x-session-token': 'forged-token' });
    expect(stranger.data).toEqual({ me: null });
    expect(stranger.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SESSION_UNKNOWN' });
  });

  it('stores only a hash of the token', async () => {
    const started = await stack.query(`mutation { startSession { token shopper { id } } }`);
    const [row] = await stack.services.users!.db!.prisma.session.findMany({ where: { shopperId: started.data.startSession.shopper.id } });
    expect(row!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row!.tokenHash).not.toContain(started.data.startSession.token);
  });
});
