import crypto from 'node:crypto';
import fs from 'node:fs';
import { openDatabase, type Database } from '../../../platform/database/database';
import { createInfrastructure, type Infrastructure } from '../../../platform/infrastructure';
import { createLogger } from '../../../platform/logger';
import { testConfig } from '../../../test/support/testEnvironment';
import { deterministicUuid } from '../domain/deterministicId';
import { importOrderHistory, type CatalogEntry } from './orderHistory';
import { readOrderLines, type OrderLineSyntax } from './orderLines';

let infra: Infrastructure;
let db: Database;
const tag = crypto.randomBytes(4).toString('hex');
const milk = { productId: crypto.randomUUID(), price: '1.19' };
const bread = { productId: crypto.randomUUID(), price: '2.50' };
const catalog = new Map<string, CatalogEntry>([
  [`milk-${tag}`, milk],
  [`bread-${tag}`, bread],
]);

beforeAll(async () => {
  infra = await createInfrastructure(testConfig(), createLogger('silent'));
  db = openDatabase(infra.database);
});

afterAll(async () => {
  await db?.close();
  await infra?.close();
  if (infra?.config.database.kind === 'pglite') fs.rmSync(infra.config.database.dataDir, { recursive: true, force: true });
});

const run = (text: string, syntax: OrderLineSyntax = 'csv') => importOrderHistory(db.prisma, readOrderLines({ text }, syntax), catalog);

it('keeps the real customers, order ids and times, once', async () => {
  const csv = [
    'orderId,customerId,sku,quantity,orderedAt,unitPrice',
    `A-${tag},cust-${tag},milk-${tag},2,2024-03-01T09:30:00Z,0.99`,
    `A-${tag},cust-${tag},bread-${tag},1,2024-03-01T09:30:00Z,`,
    `B-${tag},cust-${tag},milk-${tag},1,2024-03-08T10:00:00+01:00,`,
  ].join('\n');
  expect(await run(csv)).toEqual({ lines: 3, orders: { created: 2, unchanged: 0 }, customers: 1, events: 3, errors: [] });

  const shopper = await db.prisma.shopper.findUniqueOrThrow({ where: { externalId: `cust-${tag}` }, include: { orders: { include: { items: true }, orderBy: { createdAt: 'asc' } } } });
  expect(shopper.synthetic).toBe(false);
  expect(shopper.createdAt.toISOString()).toBe('2024-03-01T09:30:00.000Z');
  const [a, b] = shopper.orders;
  expect(a).toMatchObject({ externalId: `A-${tag}`, status: 'PLACED' });
  expect(a!.createdAt.toISOString()).toBe('2024-03-01T09:30:00.000Z');
  // A given unit price is kept; a missing one is the catalog's.
  expect(a!.total.toString()).toBe('4.48');
  expect(a!.items.map((i) => [i.productId, i.quantity, i.unitPrice.toString()]).sort()).toEqual(
    [[milk.productId, 2, '0.99'], [bread.productId, 1, '2.5']].sort(),
  );
  expect(b!.createdAt.toISOString()).toBe('2024-03-08T09:00:00.000Z');
  const purchases = await db.prisma.interactionEvent.findMany({ where: { shopperId: shopper.id }, orderBy: { occurredAt: 'asc' } });
  expect(purchases.map((p) => [p.type, p.occurredAt.toISOString(), p.basketId])).toEqual([
    ['PURCHASE', '2024-03-01T09:30:00.000Z', a!.id],
    ['PURCHASE', '2024-03-01T09:30:00.000Z', a!.id],
    ['PURCHASE', '2024-03-08T09:00:00.000Z', b!.id],
  ]);
  // One outbox event per line, in file order (the relay publishes by seq), with the interaction contract's payload.
  const outbox = await db.prisma.$queryRaw<{ id: string; stream: string; type: string; aggregate_id: string; payload: unknown; occurred_at: Date }[]>`
    SELECT id::text AS id, stream, type, aggregate_id, payload, occurred_at FROM "shoppers"."outbox_event" WHERE aggregate_id = ${shopper.id} ORDER BY seq`;
  const purchase = (order: { id: string }, productId: string, quantity: number, at: string) => {
    const eventId = deterministicUuid(`order-purchase:${order.id}:${productId}`);
    return {
      id: eventId,
      stream: 'interactions',
      type: 'interaction',
      aggregate_id: shopper.id,
      payload: { eventId, shopperId: shopper.id, type: 'PURCHASE', productId, query: null, recommendationId: null, basketId: order.id, quantity, occurredAt: at },
      occurred_at: new Date(at),
    };
  };
  expect(outbox).toEqual([
    purchase(a!, milk.productId, 2, '2024-03-01T09:30:00.000Z'),
    purchase(a!, bread.productId, 1, '2024-03-01T09:30:00.000Z'),
    purchase(b!, milk.productId, 1, '2024-03-08T09:00:00.000Z'),
  ]);
  expect(purchases.map((p) => p.id).sort()).toEqual(outbox.map((e) => e.id).sort());

  // Again, as JSON Lines, plus one new order of the same customer: only that one is written.
  const jsonl = [
    { orderId: `A-${tag}`, customerId: `cust-${tag}`, sku: `milk-${tag}`, quantity: 2, orderedAt: '2024-03-01T09:30:00Z' },
    { orderId: `C-${tag}`, customerId: `cust-${tag}`, sku: `bread-${tag}`, quantity: 1, orderedAt: '2024-04-01' },
  ].map((o) => JSON.stringify(o)).join('\n');
  expect(await run(jsonl, 'jsonl')).toEqual({ lines: 2, orders: { created: 1, unchanged: 1 }, customers: 0, events: 1, errors: [] });
  expect(await db.prisma.order.count({ where: { shopperId: shopper.id } })).toBe(3);
});

it('reports every bad row with its line, field and reason, and writes nothing', async () => {
  const csv = [
    'orderId,customerId,sku,quantity,orderedAt',
    `D-${tag},bad-${tag},milk-${tag},1,2024-05-01T08:00:00Z`,
    `D-${tag},bad-${tag},cheese-${tag},1,2024-05-01T08:00:00Z`,
    `E-${tag},bad-${tag},milk-${tag},0,yesterday`,
    `F-${tag},,bread-${tag},1,2024-05-01T08:00:00Z`,
    `D-${tag},other-${tag},bread-${tag},1,2024-05-01T08:00:00Z`,
    `D-${tag},bad-${tag},milk-${tag},3,2024-05-01T08:00:00Z`,
    `G-${tag},bad-${tag},bread-${tag},1,2999-01-01T00:00:00Z`,
  ].join('\n');
  const report = await run(csv);
  expect(report.errors).toEqual([
    { line: 3, field: 'sku', reason: `cheese-${tag} is not a product of the catalog` },
    { line: 4, field: 'quantity', reason: 'must be a whole number from 1 to 100000' },
    { line: 4, field: 'orderedAt', reason: 'must be an ISO 8601 date and time, e.g. 2024-05-01T17:30:00Z' },
    { line: 5, field: 'customerId', reason: 'is required' },
    { line: 6, field: 'customerId', reason: `order D-${tag} is customer bad-${tag}'s (line 2)` },
    { line: 7, field: 'sku', reason: `repeats milk-${tag} of line 2 in order D-${tag}` },
    { line: 8, field: 'orderedAt', reason: 'is in the future' },
  ]);
  expect(report.orders.created).toBe(0);
  expect(await db.prisma.shopper.count({ where: { externalId: `bad-${tag}` } })).toBe(0);
  expect(await db.prisma.order.count({ where: { externalId: { in: [`D-${tag}`, `G-${tag}`] } } })).toBe(0);
  expect(await db.prisma.order.count({ where: { id: deterministicUuid(`order:D-${tag}`) } })).toBe(0);
});

it('names unknown and missing columns of the header', async () => {
  const report = await run('orderId,sku,qty,orderedAt\nX,milk,1,2024-01-01');
  expect(report.errors).toEqual([
    { line: 1, field: 'qty', reason: 'is not a known column' },
    { line: 1, field: 'customerId', reason: 'is a required column' },
    { line: 1, field: 'quantity', reason: 'is a required column' },
  ]);
});
