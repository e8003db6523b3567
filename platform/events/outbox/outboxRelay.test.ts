import crypto from 'node:crypto';
import fs from 'node:fs';
import { openDatabase, type Database } from '../../database/database';
import { createInfrastructure, type Infrastructure } from '../../infrastructure';
import { createLogger } from '../../logger';
import { testConfig } from '../../../test/support/testEnvironment';
import { eventually } from '../../../test/support/eventually';
import type { EventBus } from '../eventBus';
import { Streams } from '../topics';
import { appendToOutbox } from './appendToOutbox';
import { outboxEvent } from './outboxEvent';
import { OutboxRelay } from './outboxRelay';
import type { OutboxSettings } from './outboxSettings';

// The relay against the run's real database (PGlite embedded, PostgreSQL in
// services mode) and bus: what a committed transaction wrote is published,
// once, in order, even when the bus was down or no relay was running.

let infra: Infrastructure;
let db: Database;
const relays: OutboxRelay[] = [];
/** eventId → how many times the bus handed it to our consumer. */
const received = new Map<string, number>();
const receivedOrder: string[] = [];
const logger = createLogger('silent');
const settings: OutboxSettings = { pollIntervalMs: 200, batchSize: 50, retentionMs: 24 * 3_600_000, retryMaxMs: 400 };

beforeAll(async () => {
  infra = await createInfrastructure(testConfig(), logger);
  db = openDatabase(infra.database);
  await infra.events.consume(
    Streams.carts,
    `outbox-test-${crypto.randomUUID()}`,
    async (event) => {
      received.set(event.eventId, (received.get(event.eventId) ?? 0) + 1);
      receivedOrder.push(event.eventId);
    },
    { consumer: 'test' },
  );
});

// Each test's relays only: one left running would publish the next test's rows.
afterEach(async () => {
  for (const relay of relays.splice(0)) await relay.stop();
});

afterAll(async () => {
  await db?.close();
  await infra?.close();
  if (infra?.config.database.kind === 'pglite') fs.rmSync(infra.config.database.dataDir, { recursive: true, force: true });
});

function relay(bus: EventBus = infra.events, database: Database = db): OutboxRelay {
  const made = new OutboxRelay(database.prisma, 'shoppers', bus, settings, logger);
  relays.push(made);
  return made;
}

function cartEvent(cartId: string, version: number) {
  return outboxEvent('carts', 'cart.updated', cartId, {
    cartId,
    shopperId: crypto.randomUUID(),
    version,
    items: [],
    total: '0.00',
    budgetStatus: 'NO_BUDGET',
  });
}

/** Commits `count` events of one cart, one transaction each; returns their ids in commit order. */
async function commitEvents(count: number): Promise<string[]> {
  const cartId = crypto.randomUUID();
  const ids: string[] = [];
  for (let version = 1; version <= count; version++) {
    const event = cartEvent(cartId, version);
    await db.prisma.$transaction((tx) => appendToOutbox(tx, 'shoppers', [event]));
    ids.push(event.id);
  }
  return ids;
}

const allReceived = (ids: string[]) => (ids.every((id) => received.has(id)) ? true : undefined);
const orderOf = (ids: string[]) => receivedOrder.filter((id) => ids.includes(id));

async function sentAtOf(ids: string[]): Promise<(Date | null)[]> {
  const rows = await db.prisma.shopperOutboxEvent.findMany({ where: { id: { in: ids } }, orderBy: { seq: 'asc' } });
  return rows.map((row) => row.sentAt);
}

it('publishes committed events in commit order, with the outbox row id as eventId, and marks them sent', async () => {
  const ids = await commitEvents(5);
  expect(await relay().drain()).toMatchObject({ failed: false, busy: false });
  await eventually(() => allReceived(ids), 20_000, 'all five events');
  expect(orderOf(ids)).toEqual(ids);
  expect((await sentAtOf(ids)).every((at) => at instanceof Date)).toBe(true);
});

it('writes nothing for a transaction that rolls back', async () => {
  const event = cartEvent(crypto.randomUUID(), 1);
  await expect(
    db.prisma.$transaction(async (tx) => {
      await appendToOutbox(tx, 'shoppers', [event]);
      throw new Error('the change failed');
    }),
  ).rejects.toThrow('the change failed');
  expect(await db.prisma.shopperOutboxEvent.count({ where: { id: event.id } })).toBe(0);
});

it('delivers what was committed while no relay ran (a process that died after its commit) once a relay starts', async () => {
  const ids = await commitEvents(3);
  expect(await sentAtOf(ids)).toEqual([null, null, null]);
  relay().start();
  await eventually(() => allReceived(ids), 20_000, 'the events left by the dead process');
  expect(orderOf(ids)).toEqual(ids);
});

it('keeps every row while the bus fails, retrying, and delivers them all in order once it is back', async () => {
  let down = true;
  const flaky: EventBus = Object.create(infra.events, {
    publish: {
      value: (...args: Parameters<EventBus['publish']>) => (down ? Promise.reject(new Error('bus down')) : infra.events.publish(...args)),
    },
  });
  const ids = await commitEvents(10);
  relay(flaky).start();
  // Retried, not dropped: the first row counts failed attempts and nothing is marked sent.
  await eventually(async () => {
    const first = await db.prisma.shopperOutboxEvent.findUniqueOrThrow({ where: { id: ids[0]! } });
    return first.attempts >= 2 ? true : undefined;
  }, 20_000, 'two failed attempts');
  expect((await sentAtOf(ids)).every((at) => at === null)).toBe(true);
  down = false;
  await eventually(() => allReceived(ids), 30_000, 'every event after the bus came back');
  expect(orderOf(ids)).toEqual(ids);
});

it('two relays on one database publish each event once', async () => {
  const published = new Map<string, number>();
  const counting: EventBus = Object.create(infra.events, {
    publish: {
      value: (...args: Parameters<EventBus['publish']>) => {
        const eventId = args[3]?.eventId ?? '';
        published.set(eventId, (published.get(eventId) ?? 0) + 1);
        return infra.events.publish(...args);
      },
    },
  });
  const second = openDatabase(infra.database);
  try {
    const a = relay(counting);
    const b = relay(counting, second);
    a.start();
    b.start();
    const ids = await commitEvents(120);
    await eventually(() => allReceived(ids), 60_000, 'all 120 events');
    await a.stop();
    await b.stop();
    expect(ids.map((id) => published.get(id))).toEqual(ids.map(() => 1));
    expect(orderOf(ids)).toEqual(ids);
  } finally {
    await second.close();
  }
});

it('prunes sent rows older than the retention and never an unsent one', async () => {
  const [oldSent, recentSent, oldUnsent] = await commitEvents(3);
  const now = new Date();
  const longAgo = new Date(now.getTime() - 48 * 3_600_000);
  await db.prisma.shopperOutboxEvent.update({ where: { id: oldSent! }, data: { sentAt: longAgo } });
  await db.prisma.shopperOutboxEvent.update({ where: { id: recentSent! }, data: { sentAt: now } });
  await db.prisma.shopperOutboxEvent.update({ where: { id: oldUnsent! }, data: { occurredAt: longAgo } });
  const pruner = new OutboxRelay(db.prisma, 'shoppers', infra.events, settings, logger);
  expect(await pruner.prune(now)).toBeGreaterThanOrEqual(1);
  const left = await db.prisma.shopperOutboxEvent.findMany({ where: { id: { in: [oldSent!, recentSent!, oldUnsent!] } } });
  expect(left.map((row) => row.id).sort()).toEqual([recentSent!, oldUnsent!].sort());
});
