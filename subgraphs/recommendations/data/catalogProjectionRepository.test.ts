import crypto from 'node:crypto';
import { openDatabase } from '../../../platform/database/database';
import { createInfrastructure, type Infrastructure } from '../../../platform/infrastructure';
import { createLogger } from '../../../platform/logger';
import { productSnapshots } from '../../../test/support/productSnapshots';
import { testConfig } from '../../../test/support/testEnvironment';
import { CatalogProjection } from '../engine/catalogProjection';
import { ItemIndex } from '../engine/itemIndex';
import { CatalogProjectionRepository } from './catalogProjectionRepository';

// The projection keeps each product's GTIN, in memory and in recs.catalog_item,
// so that a photographed barcode finds its product after a restart too.

let infra: Infrastructure;
let db: ReturnType<typeof openDatabase>;

beforeAll(async () => {
  infra = await createInfrastructure(testConfig(), createLogger('silent'));
  db = openDatabase(infra.database);
});

afterAll(async () => {
  await db?.close();
  await infra?.close();
});

it('finds a product by its GTIN-14, follows a changed or removed GTIN, and persists it', async () => {
  const tag = crypto.randomBytes(3).toString('hex');
  const product = productSnapshots({}, 9_000 + crypto.randomInt(100_000));
  const milk = product(`Milk ${tag}`, { gtin: '04006381333931' });
  const bread = product(`Bread ${tag}`);
  const projection = new CatalogProjection(new ItemIndex());
  projection.upsert(milk);
  projection.upsert(bread);
  expect(projection.byGtin('04006381333931')?.productId).toBe(milk.productId);
  expect(projection.get(projection.byId(bread.productId)!.index)?.gtin).toBeNull();

  projection.upsert({ ...milk, gtin: '05901234123457' });
  expect(projection.byGtin('04006381333931')).toBeUndefined();
  expect(projection.byGtin('05901234123457')?.productId).toBe(milk.productId);
  projection.upsert({ ...milk, gtin: null });
  expect(projection.byGtin('05901234123457')).toBeUndefined();

  const repository = new CatalogProjectionRepository(db.prisma);
  await repository.upsertProducts([milk, bread]);
  const loaded = (await repository.loadProducts()).filter((p) => p.productId === milk.productId || p.productId === bread.productId);
  expect(Object.fromEntries(loaded.map((p) => [p.name, p.gtin]))).toEqual({ [`Milk ${tag}`]: '04006381333931', [`Bread ${tag}`]: null });
  // The run's database is shared with other test files: leave no products in their projection.
  await db.prisma.catalogItem.deleteMany({ where: { productId: { in: [milk.productId, bread.productId] } } });
});
