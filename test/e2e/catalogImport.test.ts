import crypto from 'node:crypto';
import path from 'node:path';
import { createApiKey } from '../../platform/auth/apiKeys';
import type { PrismaClient } from '../../platform/database/database';
import type { BusEvent } from '../../platform/events/eventBus';
import { Streams } from '../../platform/events/topics';
import { projectRoot } from '../../platform/paths';
import { runImport } from '../../scripts/import';
import { startStack, type Stack } from '../support/stack';

// Bulk import: CSV and JSON through the admin mutation (all or nothing, every
// bad row reported), and the real groceries basket file through the CLI's import.

let stack: Stack;
let prisma: PrismaClient;
let admin: Record<string, string>;
const events: BusEvent<Record<string, unknown>>[] = [];
const tag = crypto.randomBytes(4).toString('hex');
const categorySlug = `import-${tag}`;

beforeAll(async () => {
  stack = await startStack();
  prisma = stack.services.products!.db!.prisma;
  admin = { 'x-api-key': (await createApiKey(prisma, `import test ${tag}`, ['admin'])).key };
  await prisma.category.create({ data: { id: crypto.randomUUID(), slug: categorySlug, name: `Import ${tag}` } });
  await stack.infra.events.consume(Streams.catalog, `catalog-import-test-${tag}`, async (event) => {
    events.push(event as BusEvent<Record<string, unknown>>);
  }, { consumer: 'test' });
});

// A deadline, not a speed: after the 9,835-basket import the gateway's Apollo stop takes over a
// minute on the embedded stack (not yet explained; see the closing note), longer on a busy machine.
afterAll(async () => {
  await stack?.stop();
}, 420_000);

const IMPORT = `mutation ($format: ImportFormat!, $data: String!) {
  importProducts(format: $format, data: $data) { created updated unchanged errors { line field reason } }
}`;

async function importData(format: 'CSV' | 'JSON', data: string) {
  const response = await stack.query(IMPORT, { format, data }, admin);
  expect(response.errors).toBeUndefined();
  return response.data.importProducts;
}

const sku = (n: number) => `${tag}-csv-${n}`;

describe('CSV and JSON import', () => {
  const header = 'sku,name,price,discountPercent,category,stockQuantity,tags,dietaryTags,images,sustainabilityScore,energyKcal,protein';
  const csv = [
    header,
    `${sku(1)},Oat drink 1 L,1.99,,${categorySlug},40,oat|drink,vegan|Lactose free,https://images.example/oat.jpg,80,46,0.3`,
    `${sku(2)},"Cheddar, mature 400 g",4.29,10,${categorySlug},12,cheese,VEGETARIAN,,55,410,25`,
    `${sku(3)},Sourdough loaf,3.20,,,0,,,,,,`,
  ].join('\n');

  it('creates the rows, then leaves an identical import alone, then updates only what changed', async () => {
    expect(await importData('CSV', csv)).toEqual({ created: 3, updated: 0, unchanged: 0, errors: [] });
    const cheddar = await stack.query(
      `query ($sku: String!) { productBySku(sku: $sku) { name price effectivePrice stockQuantity dietaryTags category { slug } nutrition { energyKcal protein } sustainability { score } updatedAt } }`,
      { sku: sku(2) },
    );
    expect(cheddar.data.productBySku).toMatchObject({
      name: 'Cheddar, mature 400 g',
      price: '4.29',
      effectivePrice: '3.86',
      stockQuantity: 12,
      dietaryTags: ['VEGETARIAN'],
      category: { slug: categorySlug },
      nutrition: { energyKcal: 410, protein: 25 },
      sustainability: { score: 55 },
    });
    const oat = await prisma.product.findUniqueOrThrow({ where: { sku: sku(1) } });
    expect(oat.dietaryTags).toEqual(['VEGAN', 'LACTOSE_FREE']);
    expect(oat.images).toEqual([{ url: 'https://images.example/oat.jpg', alt: 'Oat drink 1 L' }]);

    const before = await prisma.product.findMany({ where: { sku: { in: [sku(1), sku(2), sku(3)] } }, orderBy: { sku: 'asc' } });
    expect(await importData('CSV', csv)).toEqual({ created: 0, updated: 0, unchanged: 3, errors: [] });
    const after = await prisma.product.findMany({ where: { sku: { in: [sku(1), sku(2), sku(3)] } }, orderBy: { sku: 'asc' } });
    expect(after.map((p) => p.updatedAt)).toEqual(before.map((p) => p.updatedAt));

    const changed = csv.replace(`${sku(3)},Sourdough loaf,3.20`, `${sku(3)},Sourdough loaf,3.40`);
    expect(await importData('CSV', changed)).toEqual({ created: 0, updated: 1, unchanged: 2, errors: [] });

    const mine = () => events.filter((e) => String(e.payload.sku).startsWith(`${tag}-csv-`));
    const deadline = Date.now() + 5000;
    while (mine().length < 5 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(mine().map((e) => e.type).sort()).toEqual(['product.created', 'product.created', 'product.created', 'product.price_changed', 'product.updated']);
    expect(mine().find((e) => e.type === 'product.updated')!.payload).toMatchObject({ sku: sku(3), changed: ['price'], price: '3.40' });
  });

  it('writes nothing when any row is bad, and reports every problem with its line and field', async () => {
    const bad = [
      header,
      `${tag}-bad-1,Good row,1.00,,,,,,,,,`,
      `${tag} bad 2,,-3,150,no-such-category-${tag},many,,martian,ftp://x/y.jpg,101,,`,
      `${tag}-bad-1,Repeated sku,1.00,,,,,,,,,`,
      `${tag}-bad-4,Short row`,
    ].join('\n');
    const result = await importData('CSV', bad);
    expect(result).toMatchObject({ created: 0, updated: 0, unchanged: 0 });
    expect(result.errors).toHaveLength(10);
    expect(result.errors).toEqual(
      expect.arrayContaining([
        { line: 3, field: 'sku', reason: expect.stringContaining('letters, digits') },
        { line: 3, field: 'name', reason: 'is required' },
        { line: 3, field: 'price', reason: 'must be an amount ≥ 0 with at most 2 decimals' },
        { line: 3, field: 'discountPercent', reason: expect.stringContaining('between 0 and 100') },
        { line: 3, field: 'stockQuantity', reason: 'must be a whole number' },
        { line: 3, field: 'dietaryTags', reason: 'must be a known dietary tag' },
        { line: 3, field: 'images', reason: 'must be an http(s) URL or a path starting with /' },
        { line: 3, field: 'sustainabilityScore', reason: 'must be between 0 and 100' },
        { line: 4, field: 'sku', reason: 'repeats the sku of line 2' },
        { line: 5, field: 'row', reason: 'has 2 cells, the header 12' },
      ]),
    );
    expect(await prisma.product.count({ where: { sku: { startsWith: `${tag}-bad` } } })).toBe(0);

    const unknownColumn = await importData('CSV', `sku,name,price,colour\n${tag}-c,Thing,1.00,red`);
    expect(unknownColumn.errors).toEqual([{ line: 1, field: 'colour', reason: 'is not a known column' }]);
    const noPrice = await importData('CSV', `sku,name\n${tag}-d,Thing`);
    expect(noPrice.errors).toEqual([{ line: 1, field: 'price', reason: 'is a required column' }]);
    const category = await importData('CSV', `sku,name,price,category\n${tag}-e,Thing,1.00,missing-${tag}`);
    expect(category.errors).toEqual([{ line: 2, field: 'category', reason: 'no category has this slug' }]);
  });

  it('imports a JSON array of product inputs the same way', async () => {
    const items = [
      { sku: `${tag}-json-1`, name: 'Green tea 40 bags', price: '2.59', categorySlug, dietaryTags: ['VEGAN'], sustainability: { labels: ['FAIR_TRADE'] } },
      { sku: `${tag}-json-2`, name: 'Black tea 80 bags', price: '2.99', stockQuantity: 5 },
    ];
    expect(await importData('JSON', JSON.stringify(items))).toEqual({ created: 2, updated: 0, unchanged: 0, errors: [] });
    expect(await importData('JSON', JSON.stringify(items))).toEqual({ created: 0, updated: 0, unchanged: 2, errors: [] });

    const bad = [{ ...items[0], price: 'free', colour: 'green' }, { name: 'No sku', price: '1.00' }, 'not an object'];
    const result = await importData('JSON', JSON.stringify(bad));
    expect(result.errors).toHaveLength(4);
    expect(result.errors).toEqual(
      expect.arrayContaining([
        { line: 1, field: 'colour', reason: 'is not a known field' },
        { line: 1, field: 'price', reason: 'must be an amount ≥ 0 with at most 2 decimals' },
        { line: 2, field: 'sku', reason: 'is required' },
        { line: 3, field: 'row', reason: 'must be an object' },
      ]),
    );
    expect((await importData('JSON', '{"sku":')).errors).toEqual([{ line: 0, field: 'file', reason: expect.stringContaining('not valid JSON') }]);
  });

  it('needs the admin key', async () => {
    const response = await stack.query(IMPORT, { format: 'CSV', data: csv });
    expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('the groceries basket file', () => {
  it('imports 169 products and hands over 9,835 baskets; a second import changes nothing', async () => {
    const file = path.resolve(projectRoot, '..', 'shared', 'data', 'groceries.csv');
    const first = await runImport(stack.infra, file);
    expect(first).toMatchObject({ format: 'baskets', updated: 0, errors: [] });
    expect(first.created + first.unchanged).toBe(169);
    if (stack.config.database.kind === 'pglite') expect(first.created).toBe(169); // this file's own database
    expect(first.baskets?.handedOver).toBe(9835);

    // Checked in the database: the import kept the event loop busy long enough to outlive idle HTTP connections.
    const milk = await prisma.product.findUniqueOrThrow({ where: { sku: 'groceries-whole-milk' }, include: { category: { include: { parent: true } } } });
    expect(milk).toMatchObject({ name: 'whole milk', stockQuantity: 100, category: { slug: 'milk', parent: { slug: 'dairy' } } });
    expect(milk.price.toFixed(2)).toMatch(/^\d\.\d\d$/);
    // Names keep their inner punctuation and lose their trailing spaces.
    expect(await prisma.product.count({ where: { sku: { in: ['groceries-cream-cheese', 'groceries-rolls-buns', 'groceries-liquor-appetizer'] } } })).toBe(3);

    const second = await runImport(stack.infra, file);
    expect(second).toMatchObject({ created: 0, updated: 0, unchanged: 169, errors: [] });
    expect(second.baskets).toEqual({ handedOver: 9835, shoppers: 0, orders: 0, events: 0 });
  }, 120_000);
});
