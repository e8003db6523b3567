import crypto from 'node:crypto';
import { createDatabaseDriver } from '../../platform/database/database';
import { migrate } from '../../platform/database/migrate';
import { eventually } from '../support/eventually';
import { startStack, type Stack } from '../support/stack';
import { testConfig } from '../support/testEnvironment';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../support/throwawayPostgres';

// PostgreSQL stopped under the stack (its own server, never the shared one)
// and started again: requests fail fast with a clear error instead of
// hanging, the subgraphs' /readyz go red naming the database while the
// gateway's stays green (it routes to live processes), and everything answers
// again when the database is back, with no service restarted.

let pg: ThrowawayPostgres;
let stack: Stack;
const sku = `outage-${crypto.randomBytes(4).toString('hex')}`;
let productId: string;

beforeAll(async () => {
  pg = await startThrowawayPostgres();
  // Without the products entity cache, which would answer the product read before the outage
  // from memory: this test is about what a read that needs the database gets while it is down.
  const overrides = { DATABASE_URL: pg.url, DATABASE_CONNECT_TIMEOUT_MS: '1000', PRODUCTS_ENTITY_CACHE_SIZE: '0' };
  const driver = await createDatabaseDriver(testConfig(overrides).database);
  try {
    await migrate(driver);
  } finally {
    await driver.close();
  }
  stack = await startStack(overrides);
  const created = await stack.services.products!.db!.prisma.product.create({ data: { sku, name: 'Outage test oats', price: '2.00', stockQuantity: 10 } });
  productId = created.id;
}, 120_000);

afterAll(async () => {
  await stack?.stop().catch(() => undefined);
  await pg?.remove();
});

const PAGE = `query ($id: ID!) { product(id: $id) { name price } }`;
const readyz = async (graphqlUrl: string) => {
  const response = await fetch(new URL('/readyz', graphqlUrl));
  return { status: response.status, body: (await response.json()) as { checks?: Record<string, string>; reason?: string } };
};

it('fails fast while PostgreSQL is down, shows it in readiness, and recovers without a restart', async () => {
  expect((await stack.query(PAGE, { id: productId })).data.product).toEqual({ name: 'Outage test oats', price: '2.00' });
  expect((await readyz(stack.subgraphUrls.products!)).status).toBe(200);

  await pg.stop();
  const failed = await stack.query(PAGE, { id: productId });
  expect(failed.data?.product ?? null).toBeNull();
  // Retryable and named, through the gateway: not a masked INTERNAL_SERVER_ERROR.
  expect(failed.errors?.[0]?.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', service: 'products', reason: 'DATABASE_UNAVAILABLE', retryable: true });
  const red = await eventually(async () => {
    const answer = await readyz(stack.subgraphUrls.products!);
    return answer.status === 503 ? answer.body : undefined;
  }, 30_000, 'products /readyz red');
  expect(red.checks?.database).not.toBe('ok');
  expect(red.reason).toMatch(/database/);
  // The gateway routes to processes that are alive: it stays in the load balancer.
  expect((await fetch(new URL('/readyz', stack.gatewayUrl))).status).toBe(200);
  expect((await fetch(new URL('/healthz', stack.subgraphUrls.products!))).status).toBe(200);

  await pg.start();
  await eventually(async () => ((await stack.query(PAGE, { id: productId })).data?.product?.name === 'Outage test oats' ? true : undefined), 60_000, 'product page answers again');
  await eventually(async () => ((await readyz(stack.subgraphUrls.products!)).status === 200 ? true : undefined), 30_000, 'products /readyz green again');
}, 180_000);
