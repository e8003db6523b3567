import crypto from 'node:crypto';
import { createApiKey, type Role } from '../../platform/auth/apiKeys';
import type { PrismaClient } from '../../platform/database/database';
import type { BusEvent } from '../../platform/events/eventBus';
import { Streams } from '../../platform/events/topics';
import { startStack, type Stack } from '../support/stack';

// Catalog writes through the gateway: the admin key, validation, partial
// updates, archiving, categories and stores, and the events every change publishes.

let stack: Stack;
let prisma: PrismaClient;
let admin: Record<string, string>;
let notAdmin: Record<string, string>;
const events: BusEvent<Record<string, unknown>>[] = [];
const tag = crypto.randomBytes(4).toString('hex');

/** A key for the tests, made the way `npm run apikey:create` makes one. */
async function apiKeyHeader(roles: Role[]): Promise<Record<string, string>> {
  const { key } = await createApiKey(prisma, `catalog test ${tag}`, roles);
  return { 'x-api-key': key };
}

beforeAll(async () => {
  stack = await startStack();
  prisma = stack.services.products!.db!.prisma;
  admin = await apiKeyHeader(['admin']);
  notAdmin = await apiKeyHeader([]);
  await stack.infra.events.consume(Streams.catalog, `catalog-admin-test-${tag}`, async (event) => {
    events.push(event as BusEvent<Record<string, unknown>>);
  }, { consumer: 'test' });
});

afterAll(async () => {
  await stack?.stop();
});

async function eventually<T>(find: () => T | undefined, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error('expected event did not arrive');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const eventsFor = (id: string) => events.filter((e) => e.payload.productId === id || e.payload.storeId === id || e.payload.categoryId === id);

/** Events are published after the response; wait until the bus has settled, then read what arrived. */
async function settledEventsFor(id: string, count: number): Promise<BusEvent<Record<string, unknown>>[]> {
  await eventually(() => (eventsFor(id).length >= count ? true : undefined));
  await new Promise((resolve) => setTimeout(resolve, 100));
  return eventsFor(id);
}

const PRODUCT_FIELDS = `id sku name description brand price currency effectivePrice compareAtPrice discount { percent amount }
  availability stockQuantity rating ratingCount tags dietaryTags archived updatedAt category { id }
  images { url alt } nutrition { energyKcal fat protein extras { name value unit } }
  sustainability { score carbonFootprintKg labels }`;
const CREATE = `mutation ($input: CreateProductInput!) { createProduct(input: $input) { ${PRODUCT_FIELDS} } }`;
const UPDATE = `mutation ($id: ID!, $input: UpdateProductInput!) { updateProduct(id: $id, input: $input) { ${PRODUCT_FIELDS} } }`;

function productInput(overrides: Record<string, unknown> = {}) {
  return {
    sku: `${tag}-${crypto.randomBytes(3).toString('hex')}`,
    name: `Organic oat drink ${tag}`,
    price: '2.40',
    discountPercent: '25',
    brand: 'Green Valley',
    description: 'Creamy and plant-based.',
    stockQuantity: 40,
    tags: ['oat', 'drink'],
    dietaryTags: ['VEGAN', 'LACTOSE_FREE'],
    images: [{ url: 'https://images.example/oat.jpg', alt: 'A carton' }, { url: '/images/oat-side.jpg' }],
    nutrition: { energyKcal: 46, fat: 1.5, protein: 0.3, extras: [{ name: 'Calcium', value: 120, unit: 'mg' }] },
    sustainability: { score: 82, carbonFootprintKg: 0.31, labels: ['ORGANIC', 'RECYCLABLE_PACKAGING'] },
    ...overrides,
  };
}

async function createProduct(overrides: Record<string, unknown> = {}) {
  const response = await stack.query(CREATE, { input: productInput(overrides) }, admin);
  expect(response.errors).toBeUndefined();
  return response.data.createProduct;
}

describe('who may write', () => {
  it('refuses writes without a key (UNAUTHENTICATED) or without the admin role (FORBIDDEN), writing nothing', async () => {
    const input = productInput();
    const forged = { 'x-api-key': `sck_${crypto.randomBytes(32).toString('base64url')}` };
    for (const [headers, code] of [[{}, 'UNAUTHENTICATED'], [forged, 'UNAUTHENTICATED'], [notAdmin, 'FORBIDDEN']] as const) {
      const response = await stack.query(CREATE, { input }, headers);
      expect(response.data).toBeNull();
      expect(response.errors?.[0]?.extensions?.code).toBe(code);
    }
    const guarded = [
      `mutation { setStock(id: "${crypto.randomUUID()}", quantity: 1) { id } }`,
      `mutation { createCategory(input: { name: "Nope ${tag}" }) { id } }`,
      `mutation { createStore(input: { name: "Nope", city: "Nope", latitude: 1, longitude: 1 }) { id } }`,
      `mutation { importProducts(format: JSON, data: "[]") { created } }`,
    ];
    for (const mutation of guarded) {
      expect((await stack.query(mutation, undefined, notAdmin)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect(await prisma.product.findUnique({ where: { sku: input.sku } })).toBeNull();
    expect(await prisma.category.findFirst({ where: { name: `Nope ${tag}` } })).toBeNull();
    expect(await prisma.store.findFirst({ where: { name: 'Nope' } })).toBeNull();
  });
});

describe('products', () => {
  it('creates a product with every field, derived prices included, and announces it', async () => {
    const created = await createProduct();
    expect(created).toMatchObject({
      name: `Organic oat drink ${tag}`,
      price: '2.40',
      currency: 'EUR',
      effectivePrice: '1.80',
      compareAtPrice: '2.40',
      discount: { percent: '25', amount: '0.60' },
      availability: 'IN_STOCK',
      rating: null,
      ratingCount: 0,
      dietaryTags: ['VEGAN', 'LACTOSE_FREE'],
      archived: false,
      category: null,
      images: [{ url: 'https://images.example/oat.jpg', alt: 'A carton' }, { url: '/images/oat-side.jpg', alt: '' }],
      nutrition: { energyKcal: 46, fat: 1.5, protein: 0.3, extras: [{ name: 'Calcium', value: 120, unit: 'mg' }] },
      sustainability: { score: 82, carbonFootprintKg: 0.31, labels: ['ORGANIC', 'RECYCLABLE_PACKAGING'] },
    });
    const [event] = await settledEventsFor(created.id, 1);
    expect(event).toMatchObject({
      type: 'product.created',
      payload: {
        productId: created.id,
        sku: created.sku,
        price: '2.40',
        effectivePrice: '1.80',
        stockQuantity: 40,
        brand: 'Green Valley',
        tags: ['oat', 'drink'],
        categoryId: null,
        categoryPath: [],
        storeIds: [],
        carbonFootprintKg: '0.310',
        sustainabilityLabels: ['ORGANIC', 'RECYCLABLE_PACKAGING'],
        archived: false,
        // What the recommender's content similarity reads besides: the label's main facts (not its extras).
        description: 'Creamy and plant-based.',
        nutrition: { energyKcal: 46, fat: 1.5, protein: 0.3, sugars: null, salt: null },
      },
    });
    expect(event!.payload.nutrition).not.toHaveProperty('extras');
  });

  it('names the field and the reason of invalid input, and writes nothing', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ sku: 'has spaces!' }, 'input.sku'],
      [{ name: '   ' }, 'input.name'],
      [{ name: 'x'.repeat(201) }, 'input.name'],
      [{ price: '-1.00' }, 'input.price'],
      [{ discountPercent: '100.01' }, 'input.discountPercent'],
      [{ currency: 'euro' }, 'input.currency'],
      [{ stockQuantity: 1_000_001 }, 'input.stockQuantity'],
      [{ stockQuantity: -1 }, 'input.stockQuantity'],
      [{ rating: 5.5 }, 'input.rating'],
      [{ images: [{ url: 'ftp://images.example/x.jpg' }] }, 'input.images.0.url'],
      [{ images: [{ url: 'javascript:alert(1)' }] }, 'input.images.0.url'],
      [{ sustainability: { score: 101 } }, 'input.sustainability.score'],
      [{ nutrition: { fat: -2 } }, 'input.nutrition.fat'],
      [{ categoryId: crypto.randomUUID() }, 'input.categoryId'],
    ];
    for (const [overrides, field] of cases) {
      const input = productInput(overrides);
      const response = await stack.query(CREATE, { input }, admin);
      expect({ field, extensions: response.errors?.[0]?.extensions }).toMatchObject({ field, extensions: { code: 'BAD_USER_INPUT', field, reason: expect.any(String) } });
      expect(await prisma.product.findUnique({ where: { sku: input.sku } })).toBeNull();
    }
    const priceProblem = await stack.query(CREATE, { input: productInput({ price: '-1.00' }) }, admin);
    expect(priceProblem.errors?.[0]?.extensions?.reason).toBe('must be an amount ≥ 0 with at most 2 decimals');
  });

  it('refuses a taken sku with CONFLICT on the sku field', async () => {
    const created = await createProduct();
    const response = await stack.query(CREATE, { input: productInput({ sku: created.sku, name: 'Another' }) }, admin);
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.sku' });
    const other = await createProduct();
    const renamed = await stack.query(UPDATE, { id: other.id, input: { sku: created.sku } }, admin);
    expect(renamed.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.sku' });
  });

  it('changes only the fields given, and announces what changed', async () => {
    const created = await createProduct();
    const response = await stack.query(UPDATE, { id: created.id, input: { price: '3.00', brand: null, tags: ['oat'] } }, admin);
    expect(response.errors).toBeUndefined();
    const updated = response.data.updateProduct;
    expect(updated).toEqual({
      ...created,
      price: '3.00',
      effectivePrice: '2.25',
      compareAtPrice: '3.00',
      discount: { percent: '25', amount: '0.75' },
      brand: null,
      tags: ['oat'],
      updatedAt: expect.any(String),
    });
    expect(Date.parse(updated.updatedAt)).toBeGreaterThanOrEqual(Date.parse(created.updatedAt));

    const kinds = await settledEventsFor(created.id, 3);
    expect(kinds.map((e) => e.type)).toEqual(['product.created', 'product.updated', 'product.price_changed']);
    expect((kinds[1]!.payload.changed as string[]).sort()).toEqual(['brand', 'price', 'tags']);
    expect(kinds[2]!.payload).toMatchObject({ previousEffectivePrice: '1.80', effectivePrice: '2.25' });

    // The same values again: nothing written, nothing announced.
    const again = await stack.query(UPDATE, { id: created.id, input: { price: '3.00', tags: ['oat'] } }, admin);
    expect(again.data.updateProduct.updatedAt).toBe(updated.updatedAt);
    expect(await settledEventsFor(created.id, 3)).toHaveLength(3);

    const clearDiscount = await stack.query(UPDATE, { id: created.id, input: { discountPercent: null } }, admin);
    expect(clearDiscount.data.updateProduct).toMatchObject({ effectivePrice: '3.00', compareAtPrice: null, discount: null });

    const missing = await stack.query(UPDATE, { id: crypto.randomUUID(), input: { name: 'Ghost' } }, admin);
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const nullName = await stack.query(UPDATE, { id: created.id, input: { name: null } }, admin);
    expect(nullName.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name', reason: 'must not be null' });
  });

  it('sets and changes the kind (MERCHANDISE by default), validated, and carries it on the events', async () => {
    const KIND = `mutation ($id: ID!, $input: UpdateProductInput!) { updateProduct(id: $id, input: $input) { kind } }`;
    const created = await createProduct();
    const fee = await stack.query(`mutation ($input: CreateProductInput!) { createProduct(input: $input) { id kind } }`, { input: productInput({ name: `Postage ${tag}`, kind: 'FEE' }) }, admin);
    expect(fee.errors).toBeUndefined();
    expect(fee.data.createProduct.kind).toBe('FEE');
    const [createdFee] = await settledEventsFor(fee.data.createProduct.id, 1);
    expect(createdFee!.payload).toMatchObject({ kind: 'FEE' });
    expect((await settledEventsFor(created.id, 1))[0]!.payload).toMatchObject({ kind: 'MERCHANDISE' });

    const deposit = await stack.query(KIND, { id: created.id, input: { kind: 'DEPOSIT' } }, admin);
    expect(deposit.data.updateProduct).toEqual({ kind: 'DEPOSIT' });
    const [, updated] = await settledEventsFor(created.id, 2);
    expect(updated!.payload).toMatchObject({ kind: 'DEPOSIT', changed: ['kind'] });

    const nullKind = await stack.query(KIND, { id: created.id, input: { kind: null } }, admin);
    expect(nullKind.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.kind', reason: 'must not be null' });
    const unknown = await stack.query(KIND, { id: created.id, input: { kind: 'TAX' } }, admin);
    expect(unknown.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('sets the stock, with availability following it and a stock_changed event', async () => {
    const created = await createProduct({ discountPercent: null });
    const setStock = `mutation ($id: ID!, $quantity: Int!) { setStock(id: $id, quantity: $quantity) { stockQuantity availability } }`;
    expect((await stack.query(setStock, { id: created.id, quantity: 4 }, admin)).data.setStock).toEqual({ stockQuantity: 4, availability: 'LOW_STOCK' });
    expect((await stack.query(setStock, { id: created.id, quantity: 0 }, admin)).data.setStock).toEqual({ stockQuantity: 0, availability: 'OUT_OF_STOCK' });
    const tooMany = await stack.query(setStock, { id: created.id, quantity: 1_000_001 }, admin);
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'quantity' });

    const stockEvents = (await settledEventsFor(created.id, 5)).filter((e) => e.type === 'product.stock_changed');
    expect(stockEvents.map((e) => [e.payload.previousStockQuantity, e.payload.stockQuantity])).toEqual([[40, 4], [4, 0]]);
    expect((await settledEventsFor(created.id, 5)).some((e) => e.type === 'product.price_changed')).toBe(false);
  });

  it('archives a product: hidden from listings unless asked for, announced once', async () => {
    const created = await createProduct({ name: `Archivable ${tag}` });
    const search = `query ($filter: ProductFilter) { products(filter: $filter) { totalCount edges { node { id archived availability } } } }`;
    expect((await stack.query(search, { filter: { text: `archivable ${tag}` } })).data.products.totalCount).toBe(1);

    const archive = `mutation ($id: ID!) { archiveProduct(id: $id) { archived availability } }`;
    expect((await stack.query(archive, { id: created.id }, admin)).data.archiveProduct).toEqual({ archived: true, availability: 'ARCHIVED' });
    expect((await stack.query(archive, { id: created.id }, admin)).data.archiveProduct.archived).toBe(true);

    expect((await stack.query(search, { filter: { text: `archivable ${tag}` } })).data.products.totalCount).toBe(0);
    const withArchived = await stack.query(search, { filter: { text: `archivable ${tag}`, includeArchived: true } });
    expect(withArchived.data.products.edges).toEqual([{ node: { id: created.id, archived: true, availability: 'ARCHIVED' } }]);
    // Still reachable by id, for carts and order history.
    expect((await stack.query(`{ product(id: "${created.id}") { archived } }`)).data.product.archived).toBe(true);

    const archived = (await settledEventsFor(created.id, 2)).filter((e) => e.type === 'product.archived');
    expect(archived).toHaveLength(1);
    expect(archived[0]!.payload).toMatchObject({ productId: created.id, archived: true });
  });
});

describe('categories', () => {
  const CREATE_CATEGORY = `mutation ($input: CreateCategoryInput!) { createCategory(input: $input) { id slug name parent { id } } }`;

  it('builds, moves and deletes categories under the tree rules', async () => {
    const root = (await stack.query(CREATE_CATEGORY, { input: { name: `Pantry ${tag}` } }, admin)).data.createCategory;
    expect(root).toMatchObject({ slug: `pantry-${tag}`, parent: null });
    const child = (await stack.query(CREATE_CATEGORY, { input: { name: 'Pasta', slug: `pasta-${tag}`, parentId: root.id } }, admin)).data.createCategory;
    expect(child.parent).toEqual({ id: root.id });

    const duplicate = await stack.query(CREATE_CATEGORY, { input: { name: 'Pasta again', slug: `pasta-${tag}` } }, admin);
    expect(duplicate.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.slug' });
    const badSlug = await stack.query(CREATE_CATEGORY, { input: { name: 'x', slug: 'Not A Slug' } }, admin);
    expect(badSlug.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.slug' });
    const orphan = await stack.query(CREATE_CATEGORY, { input: { name: 'x', parentId: crypto.randomUUID() } }, admin);
    expect(orphan.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.parentId' });

    const update = `mutation ($id: ID!, $input: UpdateCategoryInput!) { updateCategory(id: $id, input: $input) { name slug parent { id } } }`;
    const cycle = await stack.query(update, { id: root.id, input: { parentId: child.id } }, admin);
    expect(cycle.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.parentId' });
    expect((await stack.query(update, { id: child.id, input: { name: 'Pasta & Rice' } }, admin)).data.updateCategory).toEqual({
      name: 'Pasta & Rice',
      slug: `pasta-${tag}`,
      parent: { id: root.id },
    });

    const remove = `mutation ($id: ID!) { deleteCategory(id: $id) }`;
    const product = await createProduct({ categoryId: child.id });
    expect((await stack.query(remove, { id: root.id }, admin)).errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect((await stack.query(remove, { id: child.id }, admin)).errors?.[0]?.extensions?.code).toBe('CONFLICT');
    await stack.query(UPDATE, { id: product.id, input: { categoryId: null } }, admin);
    expect((await stack.query(remove, { id: child.id }, admin)).data.deleteCategory).toBe(child.id);
    expect((await stack.query(remove, { id: child.id }, admin)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    const changes = (await settledEventsFor(child.id, 4)).filter((e) => e.type === 'category.changed');
    expect(changes.map((e) => [e.type, e.payload.parentId, e.payload.deleted])).toEqual([
      ['category.changed', root.id, false],
      ['category.changed', root.id, false],
      ['category.changed', root.id, true],
    ]);
  });

  it('carries the category path in product snapshots', async () => {
    const root = (await stack.query(CREATE_CATEGORY, { input: { name: `Drinks ${tag}` } }, admin)).data.createCategory;
    const leaf = (await stack.query(CREATE_CATEGORY, { input: { name: `Juice ${tag}`, parentId: root.id } }, admin)).data.createCategory;
    const product = await createProduct({ categoryId: leaf.id });
    const [created] = await settledEventsFor(product.id, 1);
    expect(created!.payload).toMatchObject({ categoryId: leaf.id, categoryPath: [root.id, leaf.id] });
  });
});

describe('stores', () => {
  it('creates, updates, stocks and deletes a store, announcing each change', async () => {
    const create = `mutation ($input: CreateStoreInput!) { createStore(input: $input) { id name city latitude longitude } }`;
    const invalid = await stack.query(create, { input: { name: 'Polar', city: 'North', latitude: 91, longitude: 0 } }, admin);
    expect(invalid.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.latitude', reason: 'must be between -90 and 90' });
    const store = (await stack.query(create, { input: { name: `Corner shop ${tag}`, city: 'Berlin', latitude: 52.52, longitude: 13.405 } }, admin)).data.createStore;

    const update = `mutation ($id: ID!, $input: UpdateStoreInput!) { updateStore(id: $id, input: $input) { name city latitude } }`;
    expect((await stack.query(update, { id: store.id, input: { city: 'Potsdam', latitude: 52.39 } }, admin)).data.updateStore).toEqual({
      name: `Corner shop ${tag}`,
      city: 'Potsdam',
      latitude: 52.39,
    });

    const a = await createProduct();
    const b = await createProduct();
    const stock = `mutation ($storeId: ID!, $productIds: [ID!]!) { setStoreProducts(storeId: $storeId, productIds: $productIds) { products(sort: PRICE_ASC) { totalCount } } }`;
    const unknown = crypto.randomUUID();
    const refused = await stack.query(stock, { storeId: store.id, productIds: [a.id, unknown] }, admin);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'productIds.1' });
    expect(await prisma.storeProduct.count({ where: { storeId: store.id } })).toBe(0);
    expect((await stack.query(stock, { storeId: store.id, productIds: [a.id, b.id, a.id] }, admin)).data.setStoreProducts.products.totalCount).toBe(2);

    // Product snapshots now name the store.
    await stack.query(UPDATE, { id: a.id, input: { name: `Stocked ${tag}` } }, admin);
    const updated = await eventually(() => eventsFor(a.id).find((e) => e.type === 'product.updated'));
    expect(updated.payload.storeIds).toEqual([store.id]);

    const remove = `mutation ($id: ID!) { deleteStore(id: $id) }`;
    expect((await stack.query(remove, { id: store.id }, admin)).data.deleteStore).toBe(store.id);
    expect(await prisma.storeProduct.count({ where: { storeId: store.id } })).toBe(0);

    const storeEvents = await settledEventsFor(store.id, 4);
    expect(storeEvents.map((e) => [e.type, (e.payload.productIds as string[]).length, e.payload.deleted])).toEqual([
      ['store.changed', 0, false],
      ['store.changed', 0, false],
      ['store.changed', 2, false],
      ['store.changed', 0, true],
    ]);
    expect(storeEvents[1]!.payload).toMatchObject({ latitude: 52.39, longitude: 13.405 });
  });
});
