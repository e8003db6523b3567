import crypto from 'node:crypto';
import fs from 'node:fs';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { createLogger } from '../../platform/logger';
import { buildGateway, type GatewayService } from '../../gateway/server';
import type { RecommendationsService } from '../../subgraphs/recommendations/server';
import { eventually } from '../support/eventually';
import { scrape, type Scrape } from '../support/scrape';
import { startStack, type Stack } from '../support/stack';

// The series beyond requests and operations (metrics.test.ts): SQL latency
// and pool, the recommendation cache, rate limits, WebSockets, model builds
// and engine size. Each is read from the /metrics of the service that owns it
// after a few operations that must have moved it.

let stack: Stack;
let live: GatewayService;
let client: Client | undefined;
const tag = crypto.randomBytes(3).toString('hex');
const products = [0, 1, 2].map((i) => ({ id: crypto.randomUUID(), sku: `series-${tag}-${i}`, name: `Series oats ${tag} ${i}`, price: '2.49' }));
const TOGETHER = `query Together($id: ID!) { product(id: $id) { frequentlyBoughtTogether(first: 3) { items { product { id } } } } }`;

beforeAll(async () => {
  stack = await startStack({ RATE_LIMIT_STRICT_FIELDS: 'startSession:2/60' });
  await stack.services.products!.db!.prisma.product.createMany({ data: products });
  for (const product of products) {
    const page = await stack.query(`query ProductPage($id: ID!) { product(id: $id) { name price similar(first: 3) { name } } }`, { id: product.id });
    expect(page.errors).toBeUndefined();
  }
  // The same list twice: computed once, then served from the cache.
  for (let i = 0; i < 2; i++) expect((await stack.query(TOGETHER, { id: products[0]!.id })).errors).toBeUndefined();
  // A scheduled training run, done now.
  await (stack.services.recommendations as unknown as RecommendationsService).host.train();
  // A gateway serving subscriptions on the same subgraphs.
  live = buildGateway({
    config: { ...stack.config, gateway: { ...stack.config.gateway, supergraphSource: 'file', subgraphUrls: Object.fromEntries(stack.gateway.subgraphs.map((s) => [s.name, s.url])) } },
    logger: createLogger(stack.config.logLevel),
    supergraphSdl: fs.readFileSync(stack.config.gateway.supergraphPath, 'utf8'),
    pubsub: stack.infra.pubsub,
    events: stack.infra.events,
  });
  await live.service.listen(0);
});

afterAll(async () => {
  await client?.dispose();
  await live?.close();
  await stack?.stop();
});

const metricsOf = (name: string): Promise<Scrape> => scrape(name === 'gateway' ? stack.gateway.service.metricsUrl : stack.services[name]!.service.metricsUrl);

describe('GET /metrics series', () => {
  it.each(['products', 'users', 'recommendations'])('%s: SQL statement latency by leading keyword, and the pool on PostgreSQL', async (name) => {
    if (name === 'users') await stack.query(`mutation { startSession { token } }`);
    const metrics = await metricsOf(name);
    const latency = 'smartcart_db_statement_duration_seconds';
    expect(metrics.types.get(latency)).toBe('histogram');
    // Products and recommendations read for the product pages; users wrote a session.
    expect(metrics.sum(`${latency}_count`, { service: name, ...(name === 'users' ? {} : { operation: 'SELECT' }) })).toBeGreaterThanOrEqual(1);
    expect(metrics.sum(`${latency}_sum`, { service: name })).toBeGreaterThan(0);
    for (const sample of metrics.find(`${latency}_count`)) expect(['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'WITH', 'BEGIN', 'COMMIT', 'ROLLBACK', 'SAVEPOINT', 'SET', 'OTHER']).toContain(sample.labels.operation);
    if (stack.config.database.kind === 'postgres') {
      const total = metrics.sum('smartcart_db_pool_connections', { state: 'total' });
      expect(total).toBeGreaterThanOrEqual(1);
      expect(metrics.sum('smartcart_db_pool_connections', { state: 'idle' })).toBeLessThanOrEqual(total);
      expect(metrics.sum('smartcart_db_pool_connections', { state: 'max' })).toBe(stack.config.database.poolSize);
      expect(metrics.sum('smartcart_db_pool_waiting')).toBeGreaterThanOrEqual(0);
    } else {
      // The embedded database has no pool.
      expect(metrics.find('smartcart_db_pool_connections')).toEqual([]);
    }
  });

  it('recommendations: cache hits and misses, model build time and engine size', async () => {
    const metrics = await metricsOf('recommendations');
    const lookups = 'smartcart_cache_requests_total';
    expect(metrics.sum(lookups, { cache: 'recommendations', result: 'miss' })).toBeGreaterThanOrEqual(1);
    expect(metrics.sum(lookups, { cache: 'recommendations', result: 'hit' })).toBeGreaterThanOrEqual(1);
    expect(metrics.sum('smartcart_recs_model_build_duration_seconds_count', { kind: 'refit' })).toBeGreaterThanOrEqual(1);
    expect(metrics.sum('smartcart_recs_engine_load_duration_seconds_count')).toBeGreaterThanOrEqual(1);
    expect(metrics.find('smartcart_recs_engine_size', { part: 'products' })).toHaveLength(1);
    expect(metrics.sum('smartcart_recs_engine_size', { part: 'shoppers' })).toBeGreaterThanOrEqual(0);
  });

  it('gateway: open WebSocket connections and active subscriptions, read from the live server', async () => {
    // The second of this stack's two startSession calls per address (the rate limit test spends the rest).
    const sessionToken = (await stack.query(`mutation { startSession { token } }`)).data.startSession.token as string;
    client = createClient({ url: live.service.metricsUrl.replace('/metrics', '/graphql').replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams: { sessionToken }, retryAttempts: 0 });
    const subscription = client.iterate({ query: 'subscription { cartSuggestions { cart { id } } }' });
    await subscription.next();
    const metrics = await scrape(live.service.metricsUrl);
    expect(metrics.sum('smartcart_gateway_websocket_connections')).toBeGreaterThanOrEqual(1);
    expect(metrics.sum('smartcart_gateway_subscriptions_active')).toBeGreaterThanOrEqual(1);
    await subscription.return?.();
    await client.dispose();
    client = undefined;
    await eventually(async () => ((await scrape(live.service.metricsUrl)).sum('smartcart_gateway_websocket_connections') === 0 ? true : undefined), 10_000, 'the closed socket to leave the gauge');
  });

  it.each([
    ['products', 'catalog'],
    ['users', 'shoppers'],
  ])('%s: the outbox backlog, and the age of its oldest row, once the relay has published', async (name, outbox) => {
    // Rows written by the writes above are published by the relay; the backlog drains to 0.
    const drained = await eventually(async () => {
      const metrics = await metricsOf(name);
      const backlog = metrics.find('smartcart_outbox_backlog', { outbox });
      return backlog.length === 1 && backlog[0]!.value === 0 ? metrics : undefined;
    }, 30_000, `${outbox} outbox backlog 0`);
    expect(drained.types.get('smartcart_outbox_backlog')).toBe('gauge');
    expect(drained.sum('smartcart_outbox_oldest_unsent_age_seconds', { outbox })).toBe(0);
  });

  it('gateway: operations refused by a rate limit, by budget', async () => {
    for (let i = 0; i < 3; i++) await stack.query(`mutation { startSession { token } }`);
    const metrics = await metricsOf('gateway');
    expect(metrics.sum('smartcart_gateway_rate_limited_total', { budget: 'field_startSession' })).toBeGreaterThanOrEqual(1);
  });
});
