import crypto from 'node:crypto';
import { createApiKey } from '../../platform/auth/apiKeys';
import { createDatabaseDriver, openDatabase, type Database } from '../../platform/database/database';
import { migrate } from '../../platform/database/migrate';
import type { Subscription } from '../../platform/events/eventBus';
import { STREAM_START } from '../../platform/events/streamIds';
import { Streams, type CatalogEvents } from '../../platform/events/topics';
import { createInfrastructure, type Infrastructure } from '../../platform/infrastructure';
import { createLogger } from '../../platform/logger';
import { startChaosProxy, type ChaosProxy } from '../support/chaosProxy';
import { eventually } from '../support/eventually';
import { scrape } from '../support/scrape';
import { startServiceProcess, type ServiceProcess } from '../support/serviceProcess';
import { postGraphQL } from '../support/stack';
import { currentTestRun, testConfig } from '../support/testEnvironment';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../support/throwawayPostgres';
import { startThrowawayRedis, type ThrowawayRedis } from '../support/throwawayRedis';

// The products subgraph as its own process, reaching a Redis of this test's
// own through a proxy that can hang it. Catalog writes keep committing while
// the bus hangs; the outbox backlog on /metrics counts them; a kill -9 of the
// service with events committed and not yet published loses none of them:
// started again, its relay publishes every one, exactly as committed.

let pg: ThrowawayPostgres | undefined;
let redis: ThrowawayRedis;
let proxy: ChaosProxy;
let infra: Infrastructure;
let db: Database;
let reader: Subscription | undefined;
let service: ServiceProcess;
let serviceEnv: Record<string, string>;
let admin: Record<string, string>;
const tag = crypto.randomBytes(4).toString('hex');
/** How many times each event id (the outbox row id) was read from the catalog stream. */
const readCounts = new Map<string, number>();
/** The product.created events read, by product id. */
const created = new Map<string, CatalogEvents['product.created']>();
/** The event ids of the product.created events read, by product id. */
const createdIds = new Map<string, Set<string>>();

beforeAll(async () => {
  // The service runs in a process of its own: in embedded mode (PGlite has one
  // process) it gets a PostgreSQL of this test's own instead.
  let databaseUrl = currentTestRun().databaseUrl;
  if (currentTestRun().mode === 'embedded') {
    pg = await startThrowawayPostgres();
    databaseUrl = pg.url;
    const driver = await createDatabaseDriver(testConfig({ DATABASE_URL: pg.url }).database);
    await migrate(driver).finally(() => driver.close());
  }
  redis = await startThrowawayRedis();
  proxy = await startChaosProxy({ port: redis.port }, '');
  const config = testConfig({ DATABASE_URL: databaseUrl!, REDIS_URL: redis.url, REDIS_KEY_PREFIX: `crash-${tag}:` });
  // The reader's side connects to Redis directly: only the service loses the bus.
  infra = await createInfrastructure(config, createLogger(config.logLevel));
  db = openDatabase(infra.database, { service: 'products' });
  admin = { 'x-api-key': (await createApiKey(db.prisma, `outbox crash ${tag}`, ['admin'])).key };
  reader = await infra.events.follow(
    Streams.catalog,
    async (event) => {
      readCounts.set(event.eventId, (readCounts.get(event.eventId) ?? 0) + 1);
      if (event.type === 'product.created') {
        const payload = event.payload as CatalogEvents['product.created'];
        created.set(payload.productId, payload);
        createdIds.set(payload.productId, (createdIds.get(payload.productId) ?? new Set()).add(event.eventId));
      }
    },
    { after: STREAM_START },
  );
  serviceEnv = {
    DATABASE_URL: databaseUrl!,
    REDIS_URL: `redis://127.0.0.1:${new URL(proxy.url).port}`,
    // The same namespace as the reader's: its stream keys and its outbox rows.
    REDIS_KEY_PREFIX: config.redis!.keyPrefix,
    REDIS_COMMAND_TIMEOUT_MS: '300',
    OUTBOX_POLL_INTERVAL_MS: '200',
    OUTBOX_RETRY_MAX_MS: '500',
    SEED_DEMO_DATA: 'false',
  };
  service = await startServiceProcess('products', serviceEnv);
}, 180_000);

afterAll(async () => {
  await service?.kill();
  await reader?.stop();
  await db?.close();
  await infra?.close();
  await proxy?.close();
  await redis?.stop();
  await pg?.remove();
});

interface Product {
  id: string;
  sku: string;
  name: string;
  price: string;
}

/** One catalog write through the service's API; only a product it returned is committed (and owed an event). */
async function createProduct(): Promise<Product> {
  const sku = `crash-${tag}-${crypto.randomBytes(3).toString('hex')}`;
  const response = await postGraphQL<{ createProduct: Product }>(
    `${service.url}/graphql`,
    `mutation ($input: CreateProductInput!) { createProduct(input: $input) { id sku name price } }`,
    { input: { sku, name: `Crash test oats ${sku}`, price: '3.10', stockQuantity: 5 } },
    admin,
  );
  expect(response.errors).toBeUndefined();
  return response.data!.createProduct;
}

async function backlog(): Promise<number> {
  return (await scrape(`${service.url}/metrics`)).sum('smartcart_outbox_backlog', { outbox: 'catalog' });
}

const allRead = (products: Product[]) => (products.every((p) => created.has(p.id)) ? true : undefined);

/** The outbox rows this namespace committed for `products` (their ids are the events' ids). */
async function committedEventIds(products: Product[]): Promise<string[]> {
  const rows = await db.prisma.$queryRawUnsafe<{ id: string }[]>(
    `SELECT id::text FROM "catalog"."outbox_event" WHERE namespace = $1 AND payload->>'productId' = ANY($2::text[])`,
    serviceEnv.REDIS_KEY_PREFIX,
    products.map((p) => p.id),
  );
  return rows.map((r) => r.id);
}

it('counts writes committed while the bus hangs in the outbox backlog, which drains to 0 when it is back', async () => {
  const before = [await createProduct(), await createProduct()];
  await eventually(() => allRead(before), 60_000, 'the events of writes made with the bus up');
  await eventually(async () => ((await backlog()) === 0 ? true : undefined), 60_000, 'an empty backlog with the bus up');

  await proxy.setMode('hang');
  const during: Product[] = [];
  for (let i = 1; i <= 4; i++) {
    during.push(await createProduct());
    // One product.created row per write: the backlog is the number of writes since the bus hung.
    await eventually(async () => ((await backlog()) === i ? true : undefined), 60_000, `a backlog of ${i}`);
  }
  expect(during.some((p) => created.has(p.id))).toBe(false);
  const oldest = (await scrape(`${service.url}/metrics`)).sum('smartcart_outbox_oldest_unsent_age_seconds', { outbox: 'catalog' });
  expect(oldest).toBeGreaterThan(0);

  await proxy.setMode('forward');
  await eventually(async () => ((await backlog()) === 0 ? true : undefined), 60_000, 'the backlog drained');
  await eventually(() => allRead(during), 60_000, 'the events of writes made while the bus hung');
});

it('publishes every event committed before a kill -9 once the service is started again', async () => {
  await proxy.setMode('hang');
  const committed: Product[] = [];
  for (let i = 0; i < 5; i++) committed.push(await createProduct());
  // Committed and not published: the relay is stuck on the hung bus, holding them.
  await eventually(async () => ((await backlog()) === committed.length ? true : undefined), 60_000, 'the writes waiting in the outbox');
  expect(await service.kill()).toBe('SIGKILL');
  expect(committed.some((p) => created.has(p.id))).toBe(false);

  await proxy.setMode('forward');
  // Started again where it listened, as a supervisor restarts it.
  service = await startServiceProcess('products', serviceEnv, service.port);
  await eventually(() => allRead(committed), 60_000, 'the events committed before the kill');
  await eventually(async () => ((await backlog()) === 0 ? true : undefined), 60_000, 'the backlog drained after the restart');

  // Each committed event delivered with its own id (at least once; the reader counts ids) and as committed.
  const ids = await committedEventIds(committed);
  expect(ids).toHaveLength(committed.length);
  for (const id of ids) expect(readCounts.get(id)).toBeGreaterThanOrEqual(1);
  // Distinct event ids read for these writes: one per write, and the one its transaction committed.
  const readIds = committed.flatMap((p) => [...createdIds.get(p.id)!]);
  expect(readIds.sort()).toEqual([...ids].sort());
  for (const product of committed) {
    expect(created.get(product.id)).toMatchObject({ productId: product.id, sku: product.sku, name: product.name, price: product.price });
  }
});
