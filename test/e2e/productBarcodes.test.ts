import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { createApiKey } from '../../platform/auth/apiKeys';
import type { PrismaClient } from '../../platform/database/database';
import { projectRoot } from '../../platform/paths';
import { runImport } from '../../scripts/import';
import { freshDatabase, type FreshDatabase } from '../support/freshDatabase';
import { startStack, type Stack } from '../support/stack';

// Barcodes through the gateway: products carry a GTIN (check digit validated,
// unique, UPC-A and EAN-13 the same number), `productByGtin` finds them, and
// the real Open Food Facts sample (../shared/data, 3,357 products) imports
// with its barcodes, Nutri-Scores, labels and allergens — and changes nothing
// the second time. The import wants a shop's prices: the test adds a price
// column to a temporary copy, as a shop would.

const SAMPLE = path.join(projectRoot, '..', 'shared', 'data', 'openfoodfacts-sample.csv');

let database: FreshDatabase;
let stack: Stack;
let prisma: PrismaClient;
let admin: Record<string, string>;
let scratch: string;
const tag = crypto.randomBytes(4).toString('hex');

beforeAll(async () => {
  // An empty shop of the file's own: the sample's barcodes are its SKUs, and the categories below are the standard slugs.
  database = await freshDatabase('smartcart_barcodes');
  stack = await startStack(database.env);
  prisma = stack.services.products!.db!.prisma;
  admin = { 'x-api-key': (await createApiKey(prisma, `barcode test ${tag}`, ['admin'])).key };
  for (const slug of ['dairy', 'cheese', 'bread', 'pasta-rice']) {
    await prisma.category.create({ data: { id: crypto.randomUUID(), slug, name: slug } });
  }
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'smartcart-off-'));
}, 180_000);

afterAll(async () => {
  await stack?.stop();
  await database?.drop();
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
}, 180_000);

const CREATE = `mutation ($input: CreateProductInput!) { createProduct(input: $input) { id gtin } }`;
const BY_GTIN = `query ($gtin: String!) { productByGtin(gtin: $gtin) { id sku gtin } }`;

describe('GTIN on products', () => {
  it('stores a UPC-A code and finds it again by the EAN-13 a scanner reads from the same bars', async () => {
    const created = await stack.query(CREATE, { input: { sku: `${tag}-upc`, name: 'Test crackers', price: '2.10', gtin: '036000291452' } }, admin);
    expect(created.errors).toBeUndefined();
    expect(created.data.createProduct.gtin).toBe('0036000291452');
    const found = await stack.query(BY_GTIN, { gtin: '0036000291452' });
    expect(found.data.productByGtin).toEqual({ id: created.data.createProduct.id, sku: `${tag}-upc`, gtin: '0036000291452' });
    expect((await stack.query(BY_GTIN, { gtin: '036000291452' })).data.productByGtin.id).toBe(created.data.createProduct.id);
    expect((await stack.query(BY_GTIN, { gtin: '4006381333931' })).data.productByGtin).toBeNull();
  });

  it('rejects a wrong check digit with the field and the reason, and writes nothing', async () => {
    const response = await stack.query(CREATE, { input: { sku: `${tag}-bad`, name: 'Bad code', price: '1.00', gtin: '4006381333932' } }, admin);
    expect(response.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.gtin',
      reason: 'has a wrong check digit (the last digit should be 1)',
    });
    expect(await prisma.product.count({ where: { sku: `${tag}-bad` } })).toBe(0);
    const lookup = await stack.query(BY_GTIN, { gtin: '12345' });
    expect(lookup.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'gtin', reason: 'must have 8, 12, 13 or 14 digits, not 5' });
  });

  it('keeps a GTIN to one product: a second one is a CONFLICT on the field', async () => {
    await stack.query(CREATE, { input: { sku: `${tag}-first`, name: 'First', price: '1.00', gtin: '96385074' } }, admin);
    const second = await stack.query(CREATE, { input: { sku: `${tag}-second`, name: 'Second', price: '1.00', gtin: '96385074' } }, admin);
    expect(second.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.gtin', reason: 'another product already has this gtin' });
    const update = await stack.query(
      `mutation ($id: ID!) { updateProduct(id: $id, input: { gtin: "96385074" }) { id } }`,
      { id: (await stack.query(CREATE, { input: { sku: `${tag}-third`, name: 'Third', price: '1.00' } }, admin)).data.createProduct.id },
      admin,
    );
    expect(update.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.gtin' });
  });
});

/** The sample as a shop would import it: its own price per barcode in a new column. */
function sampleWithPrices(rows: Record<string, string>[], name: string): string {
  const quote = (cell: string) => (/[",\n\r]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  const header = [...Object.keys(rows[0]!), 'price'];
  const lines = rows.map((row) => [...Object.values(row), (0.5 + (Number(row.code!.slice(-3)) % 700) / 100).toFixed(2)].map(quote).join(','));
  const file = path.join(scratch, name);
  fs.writeFileSync(file, [header.join(','), ...lines].join('\n'));
  return file;
}

describe('Open Food Facts import', () => {
  it('reports every row of an export without prices and writes nothing', async () => {
    const report = await runImport(stack.infra, SAMPLE);
    expect(report.format).toBe('openfoodfacts');
    expect(report.created).toBe(0);
    expect(report.errors).toHaveLength(3357);
    expect(report.errors[0]).toMatchObject({ line: 2, field: 'price' });
    expect(report.errors[0]!.reason).toMatch(/add a price column/);
    expect(await prisma.product.count({ where: { sku: '0000001071894' } })).toBe(0);
  });

  it('imports the real sample with barcodes, Nutri-Scores, labels and allergens, and changes nothing the second time', async () => {
    const all = parse(fs.readFileSync(SAMPLE, 'utf8'), { columns: true, bom: true }) as Record<string, string>[];
    // The sample's 3,357 barcodes are distinct as text, but four pairs are one GTIN written two ways
    // (a UPC-A and its EAN-13, an EAN-8 padded to 13 digits): the import says so, and writes nothing.
    const refused = await runImport(stack.infra, sampleWithPrices(all, 'as-exported.csv'));
    expect(refused.created).toBe(0);
    expect(refused.errors).toHaveLength(4);
    for (const error of refused.errors) expect(error).toMatchObject({ field: 'code', reason: expect.stringMatching(/^repeats the gtin of line \d+$/) });

    // The shop keeps the first of each pair, as it would after looking.
    const dropped = new Set(refused.errors.map((error) => error.line - 2));
    const rows = all.filter((_row, index) => !dropped.has(index));
    const file = sampleWithPrices(rows, 'deduplicated.csv');
    const first = await runImport(stack.infra, file);
    expect(first.errors).toEqual([]);
    expect(first.created).toBe(3353);

    // Every Nutri-Score grade and Eco-Score of the file arrives (the README's figures, less the four dropped rows).
    const expectedGrades = new Map<string, number>();
    for (const row of rows) if (row.nutriscore_grade) expectedGrades.set(row.nutriscore_grade.toUpperCase(), (expectedGrades.get(row.nutriscore_grade.toUpperCase()) ?? 0) + 1);
    const grades = await prisma.$queryRawUnsafe<{ grade: string; n: number }[]>(
      `SELECT nutrition->>'nutriScore' AS grade, count(*)::int AS n FROM catalog.product WHERE gtin IS NOT NULL AND nutrition ? 'nutriScore' GROUP BY 1 ORDER BY 1`,
    );
    expect(Object.fromEntries(grades.map((g) => [g.grade, g.n]))).toEqual(Object.fromEntries([...expectedGrades].sort()));
    expect(grades.reduce((sum, g) => sum + g.n, 0)).toBeGreaterThan(1300);
    expect(await prisma.product.count({ where: { sku: { in: rows.map((r) => r.code!) }, sustainabilityScore: { not: null } } })).toBe(
      rows.filter((r) => r.ecoscore_score).length,
    );

    // One real product read end to end through the gateway.
    const flute = await stack.query(
      `{ productByGtin(gtin: "0000001071894") { sku name brand gtin category { slug } nutrition { nutriScore } } }`,
    );
    expect(flute.data.productByGtin).toEqual({ sku: '0000001071894', name: 'Flute', brand: 'Waitrose', gtin: '0000001071894', category: { slug: 'bread' }, nutrition: null });

    // Labels and allergens: an organic label is ORGANIC; an allergen rules out the diet it contradicts.
    const organic = rows.filter((r) => /en:(eu-)?organic/.test(r.labels_tags ?? '')).length;
    expect(await prisma.product.count({ where: { sustainabilityLabels: { has: 'ORGANIC' }, gtin: { not: null } } })).toBeGreaterThanOrEqual(organic);
    const milkAndVegan = await prisma.product.count({ where: { tags: { has: 'allergen:milk' }, dietaryTags: { has: 'VEGAN' } } });
    expect(milkAndVegan).toBe(0);
    expect(await prisma.product.count({ where: { tags: { has: 'allergen:milk' } } })).toBe(rows.filter((r) => /(^|,)en:milk(,|$)/.test(r.allergens_tags ?? '')).length);

    const again = await runImport(stack.infra, file);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: rows.length, errors: [] });
    // A deadline, not a speed: three imports of 3,357 rows with their catalog events on a busy machine.
  }, 420_000);

  it('takes the same format through the admin mutation', async () => {
    const data = [
      'code,product_name,brands,categories_tags,labels_tags,allergens_tags,nutriscore_grade,price',
      `4006381333931,PASTA DI SEMOLA,Test,"en:plant-based-foods,en:pastas",en:vegan,en:gluten,a,1.29`,
      `40063813339,Broken code,Test,,,,,1.00`,
    ].join('\n');
    const response = await stack.query(
      `mutation ($data: String!) { importProducts(format: OPEN_FOOD_FACTS, data: $data) { created errors { line field reason } } }`,
      { data },
      admin,
    );
    expect(response.data.importProducts).toEqual({ created: 0, errors: [{ line: 3, field: 'code', reason: 'must have 8, 12, 13 or 14 digits, not 11' }] });
    const fixed = data.split('\n').slice(0, 2).join('\n');
    const ok = await stack.query(`mutation ($data: String!) { importProducts(format: OPEN_FOOD_FACTS, data: $data) { created } }`, { data: fixed }, admin);
    expect(ok.data.importProducts.created).toBe(1);
    const pasta = await stack.query(`{ productByGtin(gtin: "4006381333931") { name category { slug } dietaryTags nutrition { nutriScore } price } }`);
    expect(pasta.data.productByGtin).toEqual({ name: 'Pasta Di Semola', category: { slug: 'pasta-rice' }, dietaryTags: ['VEGAN'], nutrition: { nutriScore: 'A' }, price: '1.29' });
  });
});
