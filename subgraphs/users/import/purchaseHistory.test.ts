import crypto from 'node:crypto';
import fs from 'node:fs';
import { openDatabase, type Database } from '../../../platform/database/database';
import type { BusEvent } from '../../../platform/events/eventBus';
import { OutboxRelay } from '../../../platform/events/outbox/outboxRelay';
import { Streams, type InteractionEventPayload } from '../../../platform/events/topics';
import { createInfrastructure, type Infrastructure } from '../../../platform/infrastructure';
import { createLogger } from '../../../platform/logger';
import { testConfig } from '../../../test/support/testEnvironment';
import { deterministicUuid } from '../domain/deterministicId';
import { importPurchaseHistory } from './purchaseHistory';

let infra: Infrastructure;
let db: Database;
// The import writes its events to the outbox; this relay stands for a running API's.
let relay: OutboxRelay;
const received: BusEvent<InteractionEventPayload>[] = [];

beforeAll(async () => {
  infra = await createInfrastructure(testConfig(), createLogger('silent'));
  db = openDatabase(infra.database);
  relay = new OutboxRelay(db.prisma, 'shoppers', infra.events, infra.config.outbox, infra.logger);
  relay.start();
  await infra.events.consume(Streams.interactions, `import-test-${crypto.randomUUID()}`, async (event) => {
    received.push(event as BusEvent<InteractionEventPayload>);
  }, { consumer: 'test' });
});

afterAll(async () => {
  await relay?.stop();
  await db?.close();
  await infra?.close();
  if (infra?.config.database.kind === 'pglite') fs.rmSync(infra.config.database.dataDir, { recursive: true, force: true });
});

async function eventually(check: () => void, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}

it('imports baskets as synthetic shoppers, orders and purchases, once', async () => {
  const tag = crypto.randomUUID();
  const [a, b, c] = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
  const baskets = [
    { key: `${tag}-1`, productIds: [a, b] },
    // The same product twice in one basket: one line of 2.
    { key: `${tag}-2`, productIds: [c, c, a] },
    { key: `${tag}-3`, productIds: [b] },
  ];

  expect(await importPurchaseHistory(db.prisma, baskets)).toEqual({ shoppers: 3, orders: 3, events: 5 });

  const orderId = deterministicUuid(`basket-order:${tag}-2`);
  const order = await db.prisma.order.findUniqueOrThrow({ where: { id: orderId }, include: { items: true, shopper: true } });
  expect(order.status).toBe('PLACED');
  expect(order.shopper.synthetic).toBe(true);
  expect(order.shopper.tokenHash).toMatch(/^[0-9a-f]{64}$/);
  expect(order.items.map((i) => [i.productId, i.quantity]).sort()).toEqual([[a, 1], [c, 2]].sort());
  const purchases = await db.prisma.interactionEvent.findMany({ where: { basketId: orderId } });
  expect(purchases.map((p) => [p.type, p.productId, p.shopperId]).sort()).toEqual(
    [['PURCHASE', a, order.shopperId], ['PURCHASE', c, order.shopperId]].sort(),
  );

  const shopperIds = new Set(baskets.map((basket) => deterministicUuid(`basket-shopper:${basket.key}`)));
  const ours = () => received.filter((event) => shopperIds.has(event.payload.shopperId));
  await eventually(() => expect(ours()).toHaveLength(5));
  expect(ours().find((e) => e.payload.productId === c)?.payload).toMatchObject({ type: 'PURCHASE', basketId: orderId, quantity: 2 });

  // Again, plus one new basket: only the new one is written and announced.
  const more = [...baskets, { key: `${tag}-4`, productIds: [c] }];
  shopperIds.add(deterministicUuid(`basket-shopper:${tag}-4`));
  expect(await importPurchaseHistory(db.prisma, more)).toEqual({ shoppers: 1, orders: 1, events: 1 });
  expect(await importPurchaseHistory(db.prisma, more)).toEqual({ shoppers: 0, orders: 0, events: 0 });
  await eventually(() => expect(ours()).toHaveLength(6));
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(ours()).toHaveLength(6);
  expect(await db.prisma.order.count({ where: { shopperId: { in: [...shopperIds] } } })).toBe(4);
});

it('checks every basket before writing any', async () => {
  const good = crypto.randomUUID();
  const bad = crypto.randomUUID();
  await expect(
    importPurchaseHistory(db.prisma, [
      { key: good, productIds: [crypto.randomUUID()] },
      { key: bad, productIds: ['not-a-uuid'] },
    ]),
  ).rejects.toThrow(/not a UUID/);
  const ids = [good, bad].map((key) => deterministicUuid(`basket-shopper:${key}`));
  expect(await db.prisma.shopper.count({ where: { id: { in: ids } } })).toBe(0);
});
