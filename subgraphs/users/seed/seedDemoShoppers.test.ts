import crypto from 'node:crypto';
import fs from 'node:fs';
import { openDatabase, type Database } from '../../../platform/database/database';
import { createInfrastructure, type Infrastructure } from '../../../platform/infrastructure';
import { createLogger } from '../../../platform/logger';
import { testConfig } from '../../../test/support/testEnvironment';
import { importOrderHistory } from '../import/orderHistory';
import { readOrderLines } from '../import/orderLines';
import { DEMO_CUSTOMER_PREFIX } from './demoPopulation';
import { seedDemoShoppers } from './seedDemoShoppers';

// The seed that succeeds is in test/e2e/demoRecommendations.test.ts (a fresh
// database of its own); here, the shop it must leave alone.

let infra: Infrastructure;
let db: Database;

beforeAll(async () => {
  infra = await createInfrastructure(testConfig(), createLogger('silent'));
  db = openDatabase(infra.database);
});

afterAll(async () => {
  await db?.close();
  await infra?.close();
  if (infra?.config.database.kind === 'pglite') fs.rmSync(infra.config.database.dataDir, { recursive: true, force: true });
});

it('seeds no demo shoppers into a shop that has real orders', async () => {
  const tag = crypto.randomBytes(4).toString('hex');
  const milk = { productId: crypto.randomUUID(), sku: `milk-${tag}`, category: 'milk', price: 1.19, dietaryTags: ['VEGETARIAN'], sustainable: false };
  const csv = `orderId,customerId,sku,quantity,orderedAt\nR-${tag},real-${tag},${milk.sku},1,2024-03-01T09:30:00Z\n`;
  const imported = await importOrderHistory(db.prisma, readOrderLines({ text: csv }, 'csv'), new Map([[milk.sku, { productId: milk.productId, price: '1.19' }]]));
  expect(imported.errors).toEqual([]);

  expect(await seedDemoShoppers(db.prisma, { products: [milk], locations: [], now: Date.now() })).toEqual({ shoppers: 0, orders: 0, events: 0 });
  expect(await db.prisma.shopper.count({ where: { externalId: { startsWith: DEMO_CUSTOMER_PREFIX } } })).toBe(0);
});
