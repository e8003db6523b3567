import crypto from 'node:crypto';
import { scrape, type Scrape } from '../support/scrape';
import { startStack, type Stack } from '../support/stack';

// Every service answers GET /metrics. This stack runs the gateway the way a
// public deployment would: its metrics on a port of their own, every scrape
// behind a bearer token, at most a few operation names with their own label.

const TOKEN = crypto.randomBytes(16).toString('hex');
const auth = { authorization: `Bearer ${TOKEN}` };
const OPERATIONS = 4;
let stack: Stack;
const product = { id: crypto.randomUUID(), sku: `metrics-${crypto.randomBytes(3).toString('hex')}`, name: 'Metrics test milk', price: '1.19' };

beforeAll(async () => {
  stack = await startStack({ METRICS_TOKEN: TOKEN, GATEWAY_METRICS_PORT: '0', METRICS_MAX_OPERATION_NAMES: '5' });
  await stack.services.products!.db!.prisma.product.create({ data: product });
  for (let i = 0; i < OPERATIONS; i++) {
    const page = await stack.query(`query ProductPage($id: ID!) { product(id: $id) { name price similar(first: 3) { name } } }`, { id: product.id });
    expect(page.errors).toBeUndefined();
  }
  await stack.query(`{ product(id: "${product.id}") { name } }`);
  await stack.query(`query BadId { product(id: "not-a-uuid") { name } }`);
  await stack.query(`{ product(id: `);
  // More distinct names than the label may hold.
  for (let i = 0; i < 8; i++) await stack.query(`query Name${i} { __typename }`);
});

afterAll(async () => {
  await stack?.stop();
});

async function scrapeService(name: string): Promise<Scrape> {
  const service = name === 'gateway' ? stack.gateway.service : stack.services[name]!.service;
  return scrape(service.metricsUrl, auth);
}

describe('GET /metrics', () => {
  it('serves the public gateway only on its metrics port and only with the bearer token', async () => {
    const gateway = stack.gateway.service;
    expect(new URL(gateway.metricsUrl).port).not.toBe(String(gateway.port));
    expect((await fetch(`http://127.0.0.1:${gateway.port}/metrics`)).status).toBe(404);
    const refused = await fetch(gateway.metricsUrl);
    expect(refused.status).toBe(401);
    expect((await fetch(gateway.metricsUrl, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    // A subgraph without a port of its own answers on its service port.
    const products = stack.services.products!.service;
    expect(new URL(products.metricsUrl).port).toBe(String(products.port));
    expect((await fetch(products.metricsUrl)).status).toBe(401);
  });

  it('counts the gateway operations by name and outcome, with a latency histogram and errors by code', async () => {
    const gateway = await scrapeService('gateway');
    const ops = 'smartcart_graphql_operations_total';
    expect(gateway.sum(ops, { service: 'gateway', operation: 'ProductPage', type: 'query', outcome: 'success' })).toBeGreaterThanOrEqual(OPERATIONS);
    expect(gateway.sum(ops, { operation: 'anonymous', outcome: 'success' })).toBeGreaterThanOrEqual(1);
    expect(gateway.sum(ops, { operation: 'BadId', outcome: 'error' })).toBeGreaterThanOrEqual(1);
    expect(gateway.sum(ops, { operation: 'invalid', outcome: 'error' })).toBeGreaterThanOrEqual(1);
    expect(gateway.sum('smartcart_graphql_errors_total', { code: 'BAD_USER_INPUT' })).toBeGreaterThanOrEqual(1);
    expect(gateway.sum('smartcart_graphql_errors_total', { code: 'GRAPHQL_PARSE_FAILED' })).toBeGreaterThanOrEqual(1);

    const latency = 'smartcart_graphql_operation_duration_seconds';
    expect(gateway.types.get(latency)).toBe('histogram');
    const page = { operation: 'ProductPage', outcome: 'success' };
    expect(gateway.sum(`${latency}_count`, page)).toBeGreaterThanOrEqual(OPERATIONS);
    expect(gateway.sum(`${latency}_sum`, page)).toBeGreaterThan(0);
    const buckets = gateway.find(`${latency}_bucket`, page);
    expect(buckets.length).toBeGreaterThan(5);
    const inf = buckets.find((b) => b.labels.le === '+Inf')!;
    expect(inf.value).toBe(gateway.sum(`${latency}_count`, page));
    // Cumulative buckets never decrease.
    const values = buckets.map((b) => b.value);
    expect([...values].sort((a, b) => a - b)).toEqual(values);
  });

  it('keeps the operation label bounded: the first names seen, then "other"', async () => {
    const gateway = await scrapeService('gateway');
    const names = new Set(gateway.find('smartcart_graphql_operations_total').map((s) => s.labels.operation));
    expect(names.has('other')).toBe(true);
    // 5 names of their own at most, plus the three fixed values.
    for (const name of ['anonymous', 'invalid', 'other']) names.delete(name);
    expect(names.size).toBeLessThanOrEqual(5);
    expect(names.has('ProductPage')).toBe(true);
  });

  it('counts HTTP requests by route and status', async () => {
    const gateway = await scrapeService('gateway');
    const requests = 'smartcart_http_requests_total';
    expect(gateway.sum(requests, { route: '/graphql', method: 'POST', status: '200' })).toBeGreaterThanOrEqual(OPERATIONS + 1);
    expect(gateway.sum(requests, { route: '/graphql', status: '400' })).toBeGreaterThanOrEqual(1);
    const routes = new Set(gateway.find(requests).map((s) => s.labels.route));
    for (const route of routes) expect(['/graphql', '/healthz', '/readyz', '/metrics', 'other']).toContain(route);
  });

  it.each(['products', 'users', 'recommendations'])('%s: its own operations and the Node process', async (name) => {
    const metrics = await scrapeService(name);
    expect(metrics.find('smartcart_graphql_operations_total').every((s) => s.labels.service === name)).toBe(true);
    expect(metrics.sum('process_resident_memory_bytes', { service: name })).toBeGreaterThan(0);
    expect(metrics.types.get('nodejs_heap_size_used_bytes')).toBe('gauge');
    if (name !== 'users') {
      // The product page reached products (the entity) and recommendations (similar).
      expect(metrics.sum('smartcart_graphql_operations_total', { outcome: 'success' })).toBeGreaterThanOrEqual(OPERATIONS);
      expect(metrics.sum('smartcart_http_requests_total', { route: '/graphql', method: 'POST' })).toBeGreaterThanOrEqual(OPERATIONS);
    }
  });
});
