import crypto from 'node:crypto';
import { createApiKey } from '../../platform/auth/apiKeys';
import { createCatalogProducts } from '../support/catalogProducts';
import { eventually } from '../support/eventually';
import { startStack, type Stack } from '../support/stack';

// Postage is on nearly every order of a real shop. Imported with the catalog, it
// is recognised as a fee by the import's rule (docs/catalog.md, "Product kinds"),
// and no list of any recommendation field ever names it, however often it is bought.

let stack: Stack;
const tag = crypto.randomBytes(3).toString('hex');
const goods = ['milk', 'butter', 'bread', 'jam', 'cheese', 'tea'];
const ids: Record<string, string> = {};
let session: Record<string, string>;

const LIST = 'items { product { id name } }';

beforeAll(async () => {
  stack = await startStack();
  const rows = [
    ...goods.map((name, i) => ({ sku: `nm-${tag}-${name}`, name: `${name} ${tag}`, price: (1 + i).toFixed(2), stockQuantity: 100 })),
    // No kind given: the name makes it a fee.
    { sku: `nm-${tag}-post`, name: 'Postage', price: '4.95', stockQuantity: 100 },
    // Declared: a deposit whose name alone says nothing.
    { sku: `nm-${tag}-crate`, name: `Returnable crate ${tag}`, price: '3.30', stockQuantity: 100, kind: 'DEPOSIT' },
  ];
  const created = await createCatalogProducts(stack, rows);
  [...goods, 'post', 'crate'].forEach((key, i) => (ids[key] = created[i]!));

  // 40 orders, the postage and the crate on every one; milk goes with butter, bread with jam.
  const at = new Date(Date.now() - 3_600_000).toISOString();
  const pairs = [['milk', 'butter'], ['bread', 'jam'], ['milk', 'cheese'], ['tea', 'milk']];
  const lines = Array.from({ length: 40 }, (_, n) =>
    [...pairs[n % pairs.length]!, 'post', 'crate'].map((key) => `${tag}-o${n},${tag}-c${n % 7},nm-${tag}-${key},1,${at},`),
  ).flat();
  const service = { 'x-api-key': (await createApiKey(stack.services.users!.db!.prisma, `non-merchandise ${tag}`, ['service'])).key };
  const imported = await stack.query(
    `mutation ($data: String!) { importOrderHistory(format: CSV, data: $data) { purchaseEvents errors { line field reason } } }`,
    { data: ['orderId,customerId,sku,quantity,orderedAt,unitPrice', ...lines].join('\n') },
    service,
  );
  expect(imported.errors).toBeUndefined();
  expect(imported.data.importOrderHistory).toEqual({ purchaseEvents: 160, errors: [] });

  // The recommender has learned the orders once butter is milk's partner.
  await eventually(async () => {
    const response = await stack.query(`query ($id: ID!) { product(id: $id) { frequentlyBoughtTogether(first: 3, strict: true) { ${LIST} } } }`, { id: ids.milk });
    const partners = (response.data?.product?.frequentlyBoughtTogether?.items ?? []).map((item: { product: { id: string } }) => item.product.id);
    return partners.includes(ids.butter) ? true : undefined;
  }, 60_000, 'the order history learned by the recommender');

  // A shopper with the postage and milk in the cart, who looked at both.
  session = { 'x-session-token': (await stack.query(`mutation { startSession { token } }`)).data.startSession.token };
  for (const key of ['post', 'milk']) {
    const added = await stack.query(`mutation ($id: ID!) { addToCart(productId: $id, quantity: 1) { version } }`, { id: ids[key] }, session);
    expect(added.errors).toBeUndefined();
    await stack.query(`mutation ($id: ID!) { trackEvent(input: { type: VIEW, productId: $id }) { id } }`, { id: ids[key] }, session);
  }
});

afterAll(async () => {
  await stack?.stop();
});

/** Every product id any list names, and how many lists answered with something. */
function listed(data: unknown): { ids: Set<string>; lists: number } {
  const found = new Set<string>();
  let lists = 0;
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (!value || typeof value !== 'object') return;
    const record = value as Record<string, unknown>;
    if (Array.isArray(record.items) && record.items.length > 0) lists++;
    if (typeof record.id === 'string') found.add(record.id);
    Object.values(record).forEach(walk);
  };
  walk(data);
  return { ids: found, lists };
}

describe('non-merchandise through the gateway', () => {
  it('carries the kind: detected for the postage, declared for the crate, merchandise for the rest', async () => {
    const response = await stack.query(`query ($ids: [String!]!) { productsBySku(skus: $ids) { sku kind } }`, {
      ids: [`nm-${tag}-post`, `nm-${tag}-crate`, `nm-${tag}-milk`],
    });
    expect(response.errors).toBeUndefined();
    expect(response.data.productsBySku).toEqual([
      { sku: `nm-${tag}-post`, kind: 'FEE' },
      { sku: `nm-${tag}-crate`, kind: 'DEPOSIT' },
      { sku: `nm-${tag}-milk`, kind: 'MERCHANDISE' },
    ]);
  });

  it('never lists the fee or the deposit in any recommendation field, bought in every basket as they are', async () => {
    const anchors = [...goods, 'post', 'crate'];
    const productLists = anchors
      .map((key, i) => `p${i}: product(id: "${ids[key]}") {
        similar(first: 10) { id }
        similarItems(first: 10) { ${LIST} }
        frequentlyBoughtTogether(first: 10) { ${LIST} }
        strict: frequentlyBoughtTogether(first: 10, strict: true) { ${LIST} }
      }`)
      .join('\n');
    const strategies = ['AUTO', 'PERSONALIZED', 'POPULAR', 'TRENDING', 'BUY_IT_AGAIN', 'RECENTLY_VIEWED'];
    const query = `{
      ${productLists}
      popular(first: 50) { ${LIST} }
      trending(first: 50) { ${LIST} }
      byProducts: recommend(context: { productIds: ["${ids.milk}", "${ids.post}"] }, first: 20) { ${LIST} }
      byText: recommend(context: { text: "postage" }, first: 20) { ${LIST} }
      me { ${strategies.map((s) => `${s.toLowerCase()}: recommendations(first: 20, strategy: ${s}) { ${LIST} }`).join('\n')} }
      cart { suggestions(first: 10) { ${LIST} } strict: suggestions(first: 10, strict: true) { ${LIST} } }
    }`;
    const response = await stack.query(query, {}, session);
    expect(response.errors).toBeUndefined();
    // The anchors select no id of their own: every id here is an entry of some list.
    const { ids: named, lists } = listed(response.data);
    // The lists answer (milk's partners, popular items …): only the fee and the deposit are missing.
    expect(lists).toBeGreaterThan(20);
    expect(named.has(ids.butter!)).toBe(true);
    expect(named.has(ids.post!)).toBe(false);
    expect(named.has(ids.crate!)).toBe(false);
  });
});
