import crypto from 'node:crypto';
import { createApiKey } from '../../platform/auth/apiKeys';
import { publishEvent } from '../../platform/events/publish';
import type { ProductsService } from '../../subgraphs/products/server';
import { createCatalogProducts } from '../support/catalogProducts';
import { eventually } from '../support/eventually';
import { postGraphQL, startStack, type Stack } from '../support/stack';

// The products subgraph's entity cache: hot products cost no SQL, and a
// change is seen at once by the replica that made it and, through the
// catalog stream, by every other.

let stack: Stack;
let products: ProductsService;
let admin: Record<string, string>;
let productId: string;
const tag = crypto.randomBytes(4).toString('hex');
const PAGE = `query ($id: ID!) { product(id: $id) { id name price availability } }`;

/** Statements on the catalog's product table while `run` runs. */
async function productStatements(run: () => Promise<unknown>): Promise<number> {
  const seen: string[] = [];
  const stop = products.db.statements.watch((sql) => seen.push(sql));
  try {
    await run();
  } finally {
    stop();
  }
  return seen.filter((sql) => /FROM "catalog"\."product"/.test(sql)).length;
}

beforeAll(async () => {
  stack = await startStack();
  products = stack.services.products as unknown as ProductsService;
  admin = { 'x-api-key': (await createApiKey(products.db.prisma, `entity cache test ${tag}`, ['admin'])).key };
  [productId = ''] = await createCatalogProducts(stack, [{ sku: `CACHE-${tag}`, name: `Cached oat milk ${tag}`, price: '2.49', stockQuantity: 40 }]);
});

afterAll(async () => {
  await stack?.stop();
});

describe('the products entity cache', () => {
  it('answers a product read again without SQL', async () => {
    // Against the shared bus (services mode) another test file's catalog event may empty the cache
    // between two reads (a category change drops every entry): a read pair untouched by one is what counts.
    const answer = await eventually(
      async () => {
        await stack.query(PAGE, { id: productId });
        let read: any;
        const statements = await productStatements(async () => {
          read = await stack.query(PAGE, { id: productId });
        });
        return statements === 0 ? read : undefined;
      },
      45_000,
      'a second read answered from the cache',
    );
    expect(answer.data.product).toMatchObject({ id: productId, name: `Cached oat milk ${tag}`, price: '2.49' });
    expect(products.entityCache!.hits).toBeGreaterThan(0);
  });

  it('reads the database for a peer that asks for no-cache (the users subgraph deciding a write)', async () => {
    await stack.query(PAGE, { id: productId });
    let answer: any;
    const statements = await productStatements(async () => {
      answer = await postGraphQL(stack.subgraphUrls.products!, PAGE, { id: productId }, { 'cache-control': 'no-cache', 'apollo-require-preflight': 'true' });
    });
    expect(answer.data.product.id).toBe(productId);
    expect(statements).toBe(1);
  });

  it('shows an update through the gateway at once', async () => {
    await stack.query(PAGE, { id: productId });
    const updated = await stack.query(
      `mutation ($id: ID!, $input: UpdateProductInput!) { updateProduct(id: $id, input: $input) { id } }`,
      { id: productId, input: { name: `Renamed oat milk ${tag}`, price: '2.99', stockQuantity: 0 } },
      admin,
    );
    expect(updated.errors).toBeUndefined();
    const read = await stack.query(PAGE, { id: productId });
    expect(read.data.product).toEqual({ id: productId, name: `Renamed oat milk ${tag}`, price: '2.99', availability: 'OUT_OF_STOCK' });
  });

  it('drops a product when another replica announces its change on the catalog stream', async () => {
    await stack.query(PAGE, { id: productId });
    // Another replica's write: this one's cache never saw it, only the event tells.
    await products.db.prisma.product.update({ where: { id: productId }, data: { name: `Elsewhere oat milk ${tag}` } });
    const cached = await stack.query(PAGE, { id: productId });
    expect(cached.data.product.name).toBe(`Renamed oat milk ${tag}`);
    const row = await products.db.prisma.product.findUniqueOrThrow({ where: { id: productId } });
    await publishEvent(stack.infra.events, 'catalog', 'product.updated', {
      productId,
      sku: row.sku,
      name: row.name,
      brand: row.brand,
      tags: row.tags,
      categoryId: row.categoryId,
      categoryPath: [],
      price: row.price.toFixed(2),
      effectivePrice: row.price.toFixed(2),
      currency: row.currency,
      stockQuantity: row.stockQuantity,
      dietaryTags: row.dietaryTags,
      sustainabilityScore: row.sustainabilityScore,
      carbonFootprintKg: null,
      sustainabilityLabels: row.sustainabilityLabels,
      storeIds: [],
      archived: false,
      changed: ['name'],
    });
    await eventually(async () => {
      const read = await stack.query(PAGE, { id: productId });
      return read.data?.product?.name === `Elsewhere oat milk ${tag}` ? true : undefined;
    }, 30_000, 'the announced name');
  });
});
