import crypto from 'node:crypto';
import type { Database } from '../../platform/database/database';
import { Decimal } from '../../subgraphs/products/domain/pricing';
import { postGraphQL, startStack, type GraphQLResponse, type Stack } from '../support/stack';

// Catalog reads through the gateway: search, filters, sorts, cursor paging,
// the category tree, stores near a point, and the statement cost of each.

let stack: Stack;
let db: Database;
const tag = `zq${crypto.randomBytes(4).toString('hex').replace(/\d/g, (d) => 'abcdefghij'[Number(d)]!)}`;
const ids = { root: '', dairy: '', milk: '', sweets: '' };
const products: Record<string, { id: string; sku: string; name: string }> = {};
// A remote spot (South Pacific) where no other test puts a store.
const origin = { latitude: -47 + Math.random(), longitude: -130 + Math.random() };
const KM_PER_DEGREE_LATITUDE = 111.195;
const stores = { here: '', oneKmNorth: '', thirtyKmEast: '' };

interface Seed {
  key: string;
  name: string;
  price: string;
  discountPercent?: string;
  category: keyof typeof ids;
  dietaryTags?: string[];
  sustainabilityScore?: number | null;
  stockQuantity: number;
  archived?: boolean;
}

const SEEDS: Seed[] = [
  { key: 'fresh', name: `Fresh milk ${tag}`, price: '1.00', category: 'milk', dietaryTags: ['VEGETARIAN', 'GLUTEN_FREE'], sustainabilityScore: 80, stockQuantity: 10 },
  { key: 'oat', name: `Oat milk drink ${tag}`, price: '2.00', discountPercent: '50', category: 'dairy', dietaryTags: ['VEGAN', 'VEGETARIAN', 'GLUTEN_FREE', 'LACTOSE_FREE'], sustainabilityScore: 90, stockQuantity: 3 },
  { key: 'dark', name: `Dark chocolate ${tag}`, price: '3.50', category: 'sweets', dietaryTags: ['VEGAN', 'VEGETARIAN'], sustainabilityScore: null, stockQuantity: 0 },
  { key: 'milkChoc', name: `Milk chocolate bar ${tag}`, price: '2.50', category: 'sweets', dietaryTags: ['VEGETARIAN'], sustainabilityScore: 40, stockQuantity: 50 },
  { key: 'archived', name: `Archived milk ${tag}`, price: '1.50', category: 'dairy', dietaryTags: ['VEGETARIAN'], sustainabilityScore: 70, stockQuantity: 5, archived: true },
  // Fillers: repeated prices and scores, so ties must be broken by id for paging to hold.
  ...Array.from({ length: 25 }, (_, i): Seed => ({
    key: `filler${i}`,
    name: `Filler item ${tag} ${i}`,
    price: (5 + (i % 6)).toFixed(2),
    discountPercent: i % 5 === 0 ? '10' : undefined,
    category: 'root',
    sustainabilityScore: i % 4 === 0 ? null : (i * 7) % 60,
    stockQuantity: 20,
  })),
];

beforeAll(async () => {
  // Without the products entity cache: these count the statements the loaders batch into (productEntityCache.test.ts covers the cache).
  stack = await startStack({ PRODUCTS_ENTITY_CACHE_SIZE: '0' });
  db = stack.services.products!.db!;
  const prisma = db.prisma;
  const category = (slug: string, name: string, parentId: string | null) =>
    prisma.category.create({ data: { id: crypto.randomUUID(), slug: `${tag}-${slug}`, name, parentId } });
  ids.root = (await category('root', `Root ${tag}`, null)).id;
  ids.dairy = (await category('dairy', 'Dairy', ids.root)).id;
  ids.sweets = (await category('sweets', 'Sweets', ids.root)).id;
  ids.milk = (await category('milk', 'Milk', ids.dairy)).id;
  const base = Date.now() - 3_600_000;
  for (const [index, seed] of SEEDS.entries()) {
    const row = await prisma.product.create({
      data: {
        id: crypto.randomUUID(),
        sku: `${tag}-${seed.key}`,
        name: seed.name,
        price: seed.price,
        discountPercent: seed.discountPercent ?? null,
        categoryId: ids[seed.category],
        dietaryTags: seed.dietaryTags ?? [],
        sustainabilityScore: seed.sustainabilityScore ?? null,
        stockQuantity: seed.stockQuantity,
        archivedAt: seed.archived ? new Date() : null,
        // Some share a creation time, so NEWEST needs the id tie-break too.
        createdAt: new Date(base + Math.floor(index / 2) * 1000),
      },
    });
    products[seed.key] = row;
  }
  const store = (name: string, latitude: number, longitude: number) =>
    prisma.store.create({ data: { id: crypto.randomUUID(), name: `${name} ${tag}`, city: 'Nowhere', latitude, longitude } });
  stores.here = (await store('Here', origin.latitude, origin.longitude)).id;
  stores.oneKmNorth = (await store('North', origin.latitude + 1 / KM_PER_DEGREE_LATITUDE, origin.longitude)).id;
  // 30 km east along the parallel: 30 / (111.195 × cos(latitude)) degrees of longitude.
  const east = 30 / (KM_PER_DEGREE_LATITUDE * Math.cos((origin.latitude * Math.PI) / 180));
  stores.thirtyKmEast = (await store('East', origin.latitude, origin.longitude + east)).id;
  await prisma.storeProduct.createMany({
    data: [
      { storeId: stores.here, productId: products.fresh!.id },
      { storeId: stores.thirtyKmEast, productId: products.fresh!.id },
      { storeId: stores.oneKmNorth, productId: products.oat!.id },
      { storeId: stores.thirtyKmEast, productId: products.dark!.id },
      ...Array.from({ length: 6 }, (_, i) => ({ storeId: stores.thirtyKmEast, productId: products[`filler${i}`]!.id })),
    ],
  });
});

afterAll(async () => {
  await stack?.stop();
});

async function countStatements<T>(run: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  const statements: string[] = [];
  const stop = db.statements.watch((sql) => statements.push(sql));
  try {
    return { result: await run(), statements };
  } finally {
    stop();
  }
}

const PAGE = `query ($filter: ProductFilter, $sort: ProductSort, $first: Int, $after: String) {
  products(filter: $filter, sort: $sort, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id name effectivePrice } }
  }
}`;

async function names(filter: Record<string, unknown>, sort?: string): Promise<string[]> {
  const response = await stack.query(PAGE, { filter, sort, first: 100 });
  expect(response.errors).toBeUndefined();
  return response.data.products.edges.map((e: { node: { name: string } }) => e.node.name);
}

const nameOf = (...keys: string[]) => keys.map((key) => products[key]!.name);

/** Follows the cursors to the end, checking hasNextPage and totalCount on every page. */
async function allPages(filter: Record<string, unknown>, sort: string, first: number): Promise<string[]> {
  const seen: string[] = [];
  let after: string | null = null;
  let expectedTotal: number | null = null;
  for (let page = 0; page < 50; page++) {
    const response: GraphQLResponse = await stack.query(PAGE, { filter, sort, first, after });
    expect(response.errors).toBeUndefined();
    const { totalCount, pageInfo, edges } = response.data.products as {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      edges: { cursor: string; node: { id: string } }[];
    };
    expectedTotal ??= totalCount;
    expect(totalCount).toBe(expectedTotal);
    seen.push(...edges.map((e) => e.node.id));
    if (!pageInfo.hasNextPage) {
      expect(edges.length).toBeLessThanOrEqual(first);
      expect(seen).toHaveLength(expectedTotal!);
      return seen;
    }
    expect(edges).toHaveLength(first);
    expect(pageInfo.endCursor).toBe(edges.at(-1)!.cursor);
    after = pageInfo.endCursor;
  }
  throw new Error('paging did not end');
}

describe('searching and filtering', () => {
  it('finds products by full-text search and leaves archived ones out', async () => {
    expect((await names({ text: `milk ${tag}` })).sort()).toEqual(nameOf('fresh', 'oat', 'milkChoc').sort());
    expect((await names({ text: `milk ${tag}`, includeArchived: true })).sort()).toEqual(nameOf('fresh', 'oat', 'milkChoc', 'archived').sort());
    // Web-search syntax: a quoted phrase and an excluded word.
    expect(await names({ text: `"dark chocolate" ${tag}` })).toEqual(nameOf('dark'));
    expect((await names({ text: `chocolate -dark ${tag}` }))).toEqual(nameOf('milkChoc'));
  });

  it('ranks by relevance with text and falls back to newest without', async () => {
    const ranked = await stack.query(PAGE, { filter: { text: `milk ${tag}` }, sort: 'RELEVANCE', first: 10 });
    expect(ranked.data.products.totalCount).toBe(3);
    const relevanceIds = await allPages({ text: `milk ${tag}` }, 'RELEVANCE', 1);
    expect(new Set(relevanceIds).size).toBe(3);
    const withoutText = await names({ categoryId: ids.root }, 'RELEVANCE');
    expect(withoutText).toEqual(await names({ categoryId: ids.root }, 'NEWEST'));
  });

  it('narrows to a category and all its descendants', async () => {
    expect((await names({ categoryId: ids.dairy })).sort()).toEqual(nameOf('fresh', 'oat').sort());
    expect((await names({ categoryId: ids.dairy, includeArchived: true })).sort()).toEqual(nameOf('fresh', 'oat', 'archived').sort());
    expect(await names({ categoryId: ids.milk })).toEqual(nameOf('fresh'));
    const all = await stack.query(PAGE, { filter: { categoryId: ids.root }, first: 1 });
    expect(all.data.products.totalCount).toBe(29);
  });

  it('filters on the effective price, dietary tags (all of them), sustainability and stock', async () => {
    // Oat drink costs 2.00 with 50 % off: 1.00, like the fresh milk.
    expect((await names({ categoryId: ids.root, minPrice: '1.00', maxPrice: '1.00' })).sort()).toEqual(nameOf('fresh', 'oat').sort());
    expect(await names({ categoryId: ids.root, minPrice: '2.51', maxPrice: '3.50' })).toEqual(nameOf('dark'));
    expect(await names({ categoryId: ids.root, dietaryTags: ['VEGAN', 'GLUTEN_FREE'] })).toEqual(nameOf('oat'));
    expect((await names({ categoryId: ids.root, dietaryTags: ['VEGETARIAN'] })).sort()).toEqual(nameOf('fresh', 'oat', 'dark', 'milkChoc').sort());
    expect(await names({ categoryId: ids.root, minSustainabilityScore: 85 })).toEqual(nameOf('oat'));
    expect(await names({ categoryId: ids.root, inStock: false })).toEqual(nameOf('dark'));
    expect(await names({ categoryId: ids.root, inStock: true, dietaryTags: ['VEGAN'] })).toEqual(nameOf('oat'));
  });

  it('keeps to products stocked by a store within the radius', async () => {
    const near = { latitude: origin.latitude, longitude: origin.longitude, radiusKm: 5 };
    expect((await names({ categoryId: ids.root, near })).sort()).toEqual(nameOf('fresh', 'oat').sort());
    const wider = await names({ categoryId: ids.root, near: { ...near, radiusKm: 40 } });
    expect(wider).toHaveLength(2 + 1 + 6);
  });

  it('rejects bad filters, page sizes and cursors with the field and the reason', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ filter: { categoryId: 'nope' } }, 'filter.categoryId'],
      [{ filter: { minPrice: '-1' } }, 'filter.minPrice'],
      [{ filter: { minPrice: '5.00', maxPrice: '1.00' } }, 'filter.maxPrice'],
      [{ filter: { minSustainabilityScore: 101 } }, 'filter.minSustainabilityScore'],
      [{ filter: { near: { latitude: 91, longitude: 0 } } }, 'filter.near.latitude'],
      [{ filter: { near: { latitude: 0, longitude: 0, radiusKm: 0 } } }, 'filter.near.radiusKm'],
      [{ first: 0 }, 'first'],
      [{ first: 101 }, 'first'],
      [{ after: 'garbage' }, 'after'],
    ];
    for (const [variables, field] of cases) {
      const response = await stack.query(PAGE, variables);
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(response.errors?.[0]?.extensions?.reason).toEqual(expect.any(String));
    }
    const priceCursor = (await stack.query(PAGE, { filter: { categoryId: ids.root }, sort: 'PRICE_ASC', first: 1 })).data.products.pageInfo.endCursor;
    const wrongSort = await stack.query(PAGE, { filter: { categoryId: ids.root }, sort: 'NEWEST', first: 1, after: priceCursor });
    expect(wrongSort.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});

describe('sorting and paging', () => {
  const listed = () => SEEDS.filter((s) => !s.archived).map((s) => ({ ...s, id: products[s.key]!.id }));
  const effective = (s: Seed) => new Decimal(s.price).mul(new Decimal(100).sub(s.discountPercent ?? 0)).div(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

  it('pages through every sort order without duplicates or gaps', async () => {
    const rows = await db.prisma.product.findMany({ where: { id: { in: listed().map((s) => s.id) } } });
    const created = new Map(rows.map((r) => [r.id, r.createdAt.getTime()]));
    const expected: Record<string, string[]> = {
      PRICE_ASC: listed().sort((a, b) => effective(a).comparedTo(effective(b)) || byId(a, b)).map((s) => s.id),
      PRICE_DESC: listed().sort((a, b) => effective(b).comparedTo(effective(a)) || byId(b, a)).map((s) => s.id),
      NEWEST: listed().sort((a, b) => created.get(b.id)! - created.get(a.id)! || byId(b, a)).map((s) => s.id),
      SUSTAINABILITY: listed().sort((a, b) => (b.sustainabilityScore ?? -1) - (a.sustainabilityScore ?? -1) || byId(b, a)).map((s) => s.id),
    };
    for (const [sort, order] of Object.entries(expected)) {
      expect(await allPages({ categoryId: ids.root }, sort, 7)).toEqual(order);
      expect(await allPages({ categoryId: ids.root }, sort, 29)).toEqual(order);
    }
  });

  it('returns an empty last page after the final cursor', async () => {
    const first = await stack.query(PAGE, { filter: { categoryId: ids.milk }, sort: 'PRICE_ASC', first: 5 });
    expect(first.data.products.pageInfo.hasNextPage).toBe(false);
    const after = await stack.query(PAGE, { filter: { categoryId: ids.milk }, sort: 'PRICE_ASC', first: 5, after: first.data.products.pageInfo.endCursor });
    expect(after.data.products).toEqual({ totalCount: 1, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] });
  });
});

describe('products, categories and stores', () => {
  it('shows a product page: prices, availability and stores nearby with distances', async () => {
    const response = await stack.query(
      `query ($sku: String!, $here: LocationInput!) {
        productBySku(sku: $sku) {
          name price effectivePrice compareAtPrice discount { percent amount } availability stockQuantity dietaryTags
          category { slug path { slug } }
          availableNear(location: $here, radiusKm: 5) { distanceKm store { id name } }
        }
      }`,
      { sku: products.oat!.sku, here: origin },
    );
    expect(response.errors).toBeUndefined();
    const product = response.data.productBySku;
    expect(product).toMatchObject({
      name: products.oat!.name,
      price: '2.00',
      effectivePrice: '1.00',
      compareAtPrice: '2.00',
      discount: { percent: '50', amount: '1.00' },
      availability: 'LOW_STOCK',
      stockQuantity: 3,
      dietaryTags: ['VEGAN', 'VEGETARIAN', 'GLUTEN_FREE', 'LACTOSE_FREE'],
      category: { slug: `${tag}-dairy`, path: [{ slug: `${tag}-root` }] },
    });
    expect(product.availableNear).toHaveLength(1);
    expect(product.availableNear[0].store.id).toBe(stores.oneKmNorth);
    expect(product.availableNear[0].distanceKm).toBeCloseTo(1, 2);

    const unknown = await stack.query(`{ productBySku(sku: "${tag}-missing") { id } }`);
    expect(unknown).toEqual({ data: { productBySku: null } });
  });

  it('orders the stores stocking a product by distance', async () => {
    const response = await stack.query(
      `query ($id: ID!, $here: LocationInput!) { product(id: $id) { availability availableNear(location: $here, radiusKm: 50) { distanceKm store { id } } } }`,
      { id: products.fresh!.id, here: origin },
    );
    const near = response.data.product.availableNear;
    expect(near.map((n: { store: { id: string } }) => n.store.id)).toEqual([stores.here, stores.thirtyKmEast]);
    expect(near[0].distanceKm).toBeCloseTo(0, 3);
    expect(near[1].distanceKm).toBeCloseTo(30, 1);
    expect(response.data.product.availability).toBe('IN_STOCK');
  });

  it('lists stores within a radius, nearest first, and what they stock', async () => {
    const response = await stack.query(
      `query ($here: LocationInput!) { stores(near: $here, radiusKm: 2) { distanceKm store { id city products(sort: PRICE_ASC, first: 10) { totalCount edges { node { name } } } } } }`,
      { here: origin },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data.stores.map((s: { store: { id: string } }) => s.store.id)).toEqual([stores.here, stores.oneKmNorth]);
    expect(response.data.stores[1].distanceKm).toBeCloseTo(1, 2);
    expect(response.data.stores[0].store.products).toEqual({ totalCount: 1, edges: [{ node: { name: products.fresh!.name } }] });
    expect(response.data.stores[1].store.products.edges).toEqual([{ node: { name: products.oat!.name } }]);

    const bad = await stack.query(`{ stores(near: { latitude: 0, longitude: 181 }) { distanceKm } }`);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'near.longitude' });
  });

  it('serves the category tree with children, parents, paths and products', async () => {
    const response = await stack.query(`{ categories { id slug children { slug children { slug parent { slug } path { slug } } } } }`);
    expect(response.errors).toBeUndefined();
    const root = response.data.categories.find((c: { id: string }) => c.id === ids.root);
    expect(root.children.map((c: { slug: string }) => c.slug)).toEqual([`${tag}-dairy`, `${tag}-sweets`]);
    expect(root.children[0].children).toEqual([{ slug: `${tag}-milk`, parent: { slug: `${tag}-dairy` }, path: [{ slug: `${tag}-root` }, { slug: `${tag}-dairy` }] }]);

    const one = await stack.query(`query ($id: ID!) { category(id: $id) { name products(first: 2) { totalCount edges { node { name } } } } }`, { id: ids.dairy });
    expect(one.data.category.products.totalCount).toBe(2);
  });
});

describe('statement cost', () => {
  it('loads a page of products with their categories in one statement per kind', async () => {
    const { result, statements } = await countStatements(() =>
      stack.query(`query ($id: ID!) { products(filter: { categoryId: $id }, first: 29) { edges { node { name category { name } } } } }`, { id: ids.root }),
    );
    expect(result.data.products.edges).toHaveLength(29);
    // The page of ids, the products, their categories: 29 products, 3 statements.
    expect(statements).toHaveLength(3);
    expect(statements.filter((sql) => /FROM "catalog"\."category"/.test(sql))).toHaveLength(1);
  });

  it('answers the reference lookups of a gateway fetch with one statement per entity type', async () => {
    const url = `http://127.0.0.1:${stack.services.products!.service.port}/graphql`;
    const productRefs = SEEDS.map((s) => ({ __typename: 'Product', id: products[s.key]!.id }));
    const categoryRefs = Object.values(ids).map((id) => ({ __typename: 'Category', id }));
    const storeRefs = Object.values(stores).map((id) => ({ __typename: 'Store', id }));
    const query = `query ($representations: [_Any!]!) { _entities(representations: $representations) {
      ... on Product { name } ... on Category { slug } ... on Store { name } } }`;
    for (const [representations, table] of [[productRefs, 'product'], [categoryRefs, 'category'], [storeRefs, 'store']] as const) {
      const { result, statements } = await countStatements(() => postGraphQL(url, query, { representations }));
      expect(result.errors).toBeUndefined();
      expect(result.data._entities).toHaveLength(representations.length);
      expect(result.data._entities.every(Boolean)).toBe(true);
      expect(statements).toHaveLength(1);
      expect(statements[0]).toContain(`FROM "catalog"."${table}"`);
    }
  });

  it('batches stores near a point with their stock listings and products', async () => {
    const { result, statements } = await countStatements(() =>
      stack.query(
        `query ($here: LocationInput!) { stores(near: $here, radiusKm: 40) { store { products(first: 3) { totalCount edges { node { name availableNear(location: $here) { distanceKm } } } } } } }`,
        { here: origin },
      ),
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.stores).toHaveLength(3);
    // Stores; one listing for the three stores; one count; the products; their nearby stores.
    expect(statements).toHaveLength(5);
  });

  it('walks the category tree with one statement per level', async () => {
    const { result, statements } = await countStatements(() => stack.query(`{ categories { children { children { name } } } }`));
    expect(result.errors).toBeUndefined();
    expect(statements).toHaveLength(3);
  });

});
