import crypto from 'node:crypto';
import { createApiKey } from '../../platform/auth/apiKeys';
import { createCatalogProducts, type CatalogRow } from '../support/catalogProducts';
import { eventually } from '../support/eventually';
import { startStack, type Stack } from '../support/stack';

// Content neighbours through the gateway: products created by the admin import
// after start get neighbours from the recommender's one formula as their
// catalog events arrive, and `Product.similar` is the plain list of
// `similarItems`.

let stack: Stack;
// Letters only: the formula reads words, and other files' products may share the database.
const tag = Array.from(crypto.randomBytes(6), (b) => String.fromCharCode(97 + (b % 26))).join('');
const ids: Record<string, string> = {};

const SIMILAR = `query ($id: ID!, $first: Int!) {
  product(id: $id) {
    similar(first: $first) { id name }
    similarItems(first: $first) { servedBy items { product { id } type } }
    strictItems: similarItems(first: $first, strict: true) { items { product { id } } }
  }
}`;

async function category(admin: Record<string, string>, name: string, parentId?: string): Promise<string> {
  const response = await stack.query(`mutation ($input: CreateCategoryInput!) { createCategory(input: $input) { id } }`, { input: { name, parentId } }, admin);
  expect(response.errors).toBeUndefined();
  return response.data.createCategory.id as string;
}

const row = (key: string, name: string, price: string, categoryId: string, extra: Partial<CatalogRow> = {}): CatalogRow => ({
  sku: `cn-${tag}-${key}`,
  name: `${name} ${tag}`,
  price,
  categoryId,
  stockQuantity: 50,
  ...extra,
});

beforeAll(async () => {
  stack = await startStack();
  const admin = { 'x-api-key': (await createApiKey(stack.services.products!.db!.prisma, `content neighbours ${tag}`, ['admin'])).key };
  const drinks = await category(admin, `Drinks ${tag}`);
  const tea = await category(admin, `Tea ${tag}`, drinks);
  const plant = await category(admin, `Plant drinks ${tag}`, drinks);
  const pantry = await category(admin, `Pantry ${tag}`);
  const pasta = await category(admin, `Pasta ${tag}`, pantry);
  const vegan = ['VEGAN', 'VEGETARIAN'];
  const rows: [string, CatalogRow][] = [
    ['black', row('black', 'Black tea 80 bags', '2.99', tea, { dietaryTags: vegan, description: 'Strong black tea from Assam' })],
    ['peppermint', row('peppermint', 'Peppermint tea 20 bags', '1.99', tea, { dietaryTags: vegan, description: 'Caffeine-free herbal tea' })],
    ['earl', row('earl', 'Earl grey tea 50 bags', '2.49', tea, { dietaryTags: vegan, description: 'Black tea with bergamot' })],
    ['oat', row('oat', 'Oat drink 1 L', '1.79', plant, { dietaryTags: vegan })],
    ['spaghetti', row('spaghetti', 'Spaghetti 500 g', '1.09', pasta, { dietaryTags: vegan })],
    ['sauce', row('sauce', 'Tomato sauce 400 g', '1.49', pasta, { dietaryTags: vegan })],
    ['postage', row('postage', 'Tea delivery charge', '2.59', tea, { kind: 'FEE' })],
  ];
  const created = await createCatalogProducts(stack, rows.map(([, r]) => r));
  rows.forEach(([key], i) => (ids[key] = created[i]!));
  // The recommender has applied them once the black tea lists its two sister teas.
  await eventually(async () => {
    const response = await stack.query(SIMILAR, { id: ids.black, first: 2 });
    return response.data?.product?.similar?.length === 2 ? true : undefined;
  }, 60_000, 'the teas in the recommender');
  const [green] = await createCatalogProducts(stack, [
    row('green', 'Green tea 40 bags', '2.59', tea, { dietaryTags: vegan, description: 'Japanese sencha, a mild green tea' }),
  ]);
  ids.green = green!;
});

afterAll(async () => {
  await stack?.stop();
});

describe('content neighbours through the gateway', () => {
  it('gives a product imported after start the other teas as neighbours, never the fee', async () => {
    const teas = new Set([ids.black, ids.peppermint, ids.earl]);
    const similar = await eventually(async () => {
      const response = await stack.query(SIMILAR, { id: ids.green, first: 3 });
      const list = response.data?.product?.similar as { id: string; name: string }[] | undefined;
      return list && list.length === 3 ? list : undefined;
    }, 60_000, 'three neighbours of the imported green tea');
    expect(new Set(similar.map((p) => p.id))).toEqual(teas);
    expect(similar.map((p) => p.name)).toEqual(expect.arrayContaining([`Black tea 80 bags ${tag}`]));
    expect(similar.map((p) => p.id)).not.toContain(ids.postage);
  });

  it('puts the new product in the lists of the products it ranks in', async () => {
    await eventually(async () => {
      const response = await stack.query(SIMILAR, { id: ids.black, first: 3 });
      const list = (response.data?.product?.similar ?? []) as { id: string }[];
      return list.some((p) => p.id === ids.green) ? true : undefined;
    }, 60_000, 'the green tea among the black tea’s neighbours');
  });

  it('answers similar with the ids of similarItems, in the same order', async () => {
    for (const key of ['green', 'black', 'spaghetti', 'oat']) {
      for (const first of [1, 3, 5]) {
        const response = await stack.query(SIMILAR, { id: ids[key], first });
        expect(response.errors).toBeUndefined();
        const { similar, similarItems, strictItems } = response.data.product;
        const plain = similar.map((p: { id: string }) => p.id);
        // The same engine list: strict, it is exactly similarItems'; otherwise similarItems may only add popular items after it.
        expect(plain).toEqual(strictItems.items.map((i: { product: { id: string } }) => i.product.id));
        expect(similarItems.items.slice(0, plain.length).map((i: { product: { id: string } }) => i.product.id)).toEqual(plain);
        if (plain.length === first) expect(similarItems.servedBy).toEqual(['SIMILAR']);
        expect(plain).not.toContain(ids.postage);
      }
    }
  });

  it('follows a change: a tea renamed and moved to the pasta aisle leads the spaghetti’s list and leaves the teas’', async () => {
    const prisma = stack.services.products!.db!.prisma;
    const admin = { 'x-api-key': (await createApiKey(prisma, `content neighbours edit ${tag}`, ['admin'])).key };
    const pastaId = (await prisma.product.findUniqueOrThrow({ where: { id: ids.spaghetti }, select: { categoryId: true } })).categoryId;
    const update = await stack.query(
      `mutation ($id: ID!, $input: UpdateProductInput!) { updateProduct(id: $id, input: $input) { id } }`,
      { id: ids.earl, input: { name: `Wholewheat spaghetti 500 g ${tag}`, description: 'Durum wheat pasta', price: '1.29', categoryId: pastaId } },
      admin,
    );
    expect(update.errors).toBeUndefined();
    await eventually(async () => {
      const response = await stack.query(SIMILAR, { id: ids.spaghetti, first: 1 });
      return response.data?.product?.similar?.[0]?.id === ids.earl ? true : undefined;
    }, 60_000, 'the renamed tea first among the spaghetti’s neighbours');
    const green = await stack.query(SIMILAR, { id: ids.green, first: 2 });
    expect(new Set(green.data.product.similar.map((p: { id: string }) => p.id))).toEqual(new Set([ids.black, ids.peppermint]));
  });
});
