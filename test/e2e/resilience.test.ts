import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildGateway, type GatewayService } from '../../gateway/server';
import { createLogger } from '../../platform/logger';
import { createInfrastructure } from '../../platform/infrastructure';
import { subgraphs } from '../../subgraphs';
import { startChaosProxy, type ChaosProxy } from '../support/chaosProxy';
import { createCatalogProducts, untilSimilarAre } from '../support/catalogProducts';
import { startThrowawayRedis } from '../support/throwawayRedis';
import { eventually } from '../support/eventually';
import { parseExposition } from '../support/scrape';
import { postGraphQL, startStack, type GraphQLResponse, type Stack } from '../support/stack';
import { testConfig } from '../support/testEnvironment';

// Degrade, don't die: the recommendations subgraph hung or killed behind a
// proxy the test breaks, while products and users keep answering. The
// product page must keep its own fields, say which service failed, and stop
// waiting at the configured timeout.

// One neighbour: in a shared database other files' milks may follow it.
const PRODUCT_PAGE = `query ProductPage($id: ID!) { product(id: $id) { name price similar(first: 1) { name } } }`;

let stack: Stack;
let proxy: ChaosProxy;
const gateways: GatewayService[] = [];
// A word of their own (letters only), so that the recommender's content similarity pairs these two.
const word = Array.from(crypto.randomBytes(6), (b) => String.fromCharCode(97 + (b % 26))).join('');
const product = { id: crypto.randomUUID() as string, sku: `res-${word}`, name: `Resilient oat milk ${word} 1 L`, price: '2.49' };
const neighbour = { id: crypto.randomUUID() as string, sku: `${product.sku}-n`, name: `Resilient soy milk ${word} 1 L`, price: '2.29' };

interface Captured {
  lines: Record<string, any>[];
  gateway: GatewayService;
  url: string;
  origin: string;
}

/** A gateway of its own (settings, log lines) in front of the stack's products and users and the proxied recommendations. */
async function gatewayBehindProxy(env: Record<string, string>): Promise<Captured> {
  const lines: Record<string, any>[] = [];
  const logger = createLogger('info', 'gateway', { write: (line: string) => void lines.push(JSON.parse(line)) });
  const config = testConfig(env);
  const gateway = buildGateway({
    config: {
      ...config,
      gateway: { ...config.gateway, supergraphSource: 'file', subgraphUrls: { ...stack.subgraphUrls, recommendations: proxy.url } },
    },
    logger,
    supergraphSdl: fs.readFileSync(config.gateway.supergraphPath, 'utf8'),
  });
  gateways.push(gateway);
  const url = await gateway.service.listen(0);
  return { lines, gateway, url, origin: new URL(url).origin };
}

async function gauge(gateway: GatewayService, name: string, labels: Record<string, string>): Promise<number | undefined> {
  const text = await (await fetch(gateway.service.metricsUrl)).text();
  const samples = parseExposition(text).find(name, labels);
  return samples[0]?.value;
}

/** Rejects when `promise` has not settled by `ms`: the request did not hang. */
function beforeDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

function expectUnavailable(response: GraphQLResponse, reason?: string) {
  const error = response.errors?.find((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE');
  expect(error).toBeDefined();
  expect(error!.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', service: 'recommendations', retryable: true, ...(reason ? { reason } : {}) });
  expect(error!.extensions).not.toHaveProperty('stacktrace');
  // Nothing else went wrong: no masked INTERNAL_SERVER_ERROR beside it.
  expect(response.errors!.every((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE')).toBe(true);
}

beforeAll(async () => {
  stack = await startStack();
  const [productId, neighbourId] = await createCatalogProducts(stack, [product, neighbour].map(({ sku, name, price }) => ({ sku, name, price, stockQuantity: 10 })));
  product.id = productId!;
  neighbour.id = neighbourId!;
  await untilSimilarAre(stack, product.id, [neighbour.id]);
  const recommendations = new URL(stack.subgraphUrls.recommendations!);
  proxy = await startChaosProxy({ port: Number(recommendations.port) });
});

afterAll(async () => {
  for (const gateway of gateways) await gateway.close();
  await proxy?.close();
  await stack?.stop();
});

afterEach(async () => {
  await proxy.setMode('forward');
});

describe('a recommendations subgraph that accepts and never answers', () => {
  it('costs a product page at most its timeout: name and price, similar null, SERVICE_UNAVAILABLE (TIMEOUT)', async () => {
    // The per-subgraph override beats the generous default.
    const { url, gateway } = await gatewayBehindProxy({ SUBGRAPH_TIMEOUT_MS: '60000', SUBGRAPH_RECOMMENDATIONS_TIMEOUT_MS: '800' });
    const healthy = await postGraphQL(url, PRODUCT_PAGE, { id: product.id });
    expect(healthy.errors).toBeUndefined();
    expect(healthy.data.product.similar).toEqual([{ name: neighbour.name }]);

    await proxy.setMode('hang');
    const timeoutsBefore = (await gauge(gateway, 'smartcart_gateway_subgraph_timeouts_total', { subgraph: 'recommendations' })) ?? 0;
    const sharedBefore = (await gauge(gateway, 'smartcart_gateway_subgraph_deduplicated_total', { subgraph: 'recommendations' })) ?? 0;
    // Far below the five minutes a hung subgraph used to cost, far above 800 ms on a busy machine.
    const responses = await beforeDeadline(Promise.all([1, 2, 3].map(() => postGraphQL(url, PRODUCT_PAGE, { id: product.id }))), 20_000);
    for (const response of responses) {
      expect(response.data.product).toEqual({ name: product.name, price: product.price, similar: null });
      expectUnavailable(response, 'TIMEOUT');
    }
    const timeoutsAfter = await gauge(gateway, 'smartcart_gateway_subgraph_timeouts_total', { subgraph: 'recommendations' });
    // Identical pages in flight together share one fetch (and its timeout): one timeout per fetch actually sent.
    const shared = ((await gauge(gateway, 'smartcart_gateway_subgraph_deduplicated_total', { subgraph: 'recommendations' })) ?? 0) - sharedBefore;
    expect(timeoutsAfter! - timeoutsBefore).toBe(3 - shared);
    expect(timeoutsAfter! - timeoutsBefore).toBeGreaterThanOrEqual(1);
  });
});

describe('a killed recommendations subgraph', () => {
  it('keeps every product page’s name and price; the breaker opens (one log line per transition), fails fast, and closes after recovery', async () => {
    const { url, gateway, lines } = await gatewayBehindProxy({
      SUBGRAPH_BREAKER_VOLUME: '3',
      SUBGRAPH_BREAKER_ERROR_PERCENT: '50',
      SUBGRAPH_BREAKER_WINDOW_MS: '30000',
      SUBGRAPH_BREAKER_RESET_MS: '2000',
    });
    const state = () => gauge(gateway, 'smartcart_gateway_subgraph_breaker_state', { subgraph: 'recommendations' });
    expect((await postGraphQL(url, PRODUCT_PAGE, { id: product.id })).errors).toBeUndefined();
    expect(await state()).toBe(0);

    await proxy.setMode('down');
    // A steady stream of product pages, ten at a time.
    const responses: GraphQLResponse[] = [];
    for (let batch = 0; batch < 5; batch++) {
      responses.push(...(await Promise.all(Array.from({ length: 10 }, () => postGraphQL(url, PRODUCT_PAGE, { id: product.id })))));
    }
    for (const response of responses) {
      expect(response.data.product).toMatchObject({ name: product.name, price: product.price, similar: null });
      expectUnavailable(response);
    }
    const reasons = new Set(responses.map((r) => r.errors![0]!.extensions!.reason));
    expect(reasons).toContain('UNREACHABLE');
    // Once open, the gateway does not even try.
    expect(reasons).toContain('CIRCUIT_OPEN');
    // Open, or half-open if the reset time passed meanwhile: then the next page's probe fails and re-opens it.
    expectUnavailable(await postGraphQL(url, PRODUCT_PAGE, { id: product.id }));
    expect(await state()).toBe(2);
    const opened = lines.filter((l) => /circuit opened for subgraph recommendations/.test(l.msg));
    const halfOpened = lines.filter((l) => /circuit half-open/.test(l.msg));
    // One line per transition (a failed probe re-opens), not one per request.
    expect(opened.length).toBe(halfOpened.length + 1);
    expect(opened[0]).toMatchObject({ level: 40, subgraph: 'recommendations', volume: 3, errorPercent: 50 });
    const warnings = lines.filter((l) => l.level >= 40);
    expect(warnings.length).toBeLessThan(10);
    expect(lines.some((l) => l.err?.stack || l.stack)).toBe(false);

    await proxy.setMode('forward');
    const recovered = await eventually(async () => {
      const response = await postGraphQL(url, PRODUCT_PAGE, { id: product.id });
      return response.errors ? undefined : response;
    }, 30_000, 'product page with recommendations again');
    expect(recovered.data.product.similar).toEqual([{ name: neighbour.name }]);
    expect(await state()).toBe(0);
    expect(lines.some((l) => /circuit closed for subgraph recommendations/.test(l.msg))).toBe(true);
  });

  it('stays ready while a subgraph answers /healthz with its database down, not once its process is gone', async () => {
    // A subgraph process that is alive but whose own dependencies are not.
    const degraded = http.createServer((req, res) => {
      res.statusCode = req.url === '/healthz' ? 200 : 503;
      res.end('{}');
    });
    await new Promise<void>((resolve) => degraded.listen(0, '127.0.0.1', resolve));
    try {
      const lines: Record<string, any>[] = [];
      const config = testConfig();
      const port = (degraded.address() as AddressInfo).port;
      const gateway = buildGateway({
        config: {
          ...config,
          gateway: { ...config.gateway, supergraphSource: 'file', subgraphUrls: { ...stack.subgraphUrls, recommendations: `http://127.0.0.1:${port}/graphql` } },
        },
        logger: createLogger('info', 'gateway', { write: (line: string) => void lines.push(JSON.parse(line)) }),
      });
      gateways.push(gateway);
      const origin = new URL(await gateway.service.listen(0)).origin;
      const ready = await fetch(`${origin}/readyz`);
      expect(ready.status).toBe(200);
      expect(((await ready.json()) as { checks: Record<string, string> }).checks).toEqual({
        supergraph: 'ok',
        'subgraph:products': 'ok',
        'subgraph:users': 'ok',
        'subgraph:recommendations': 'ok',
      });
    } finally {
      await new Promise<void>((resolve) => degraded.close(() => resolve()));
    }

    const { origin } = await gatewayBehindProxy({});
    await proxy.setMode('down');
    const notReady = await fetch(`${origin}/readyz`);
    expect(notReady.status).toBe(503);
    const body = (await notReady.json()) as { reason: string; checks: Record<string, string> };
    expect(body.checks['subgraph:products']).toBe('ok');
    expect(body.checks['subgraph:recommendations']).toMatch(/unreachable/);
    expect(body.reason).toMatch(/^subgraph:recommendations: /);
  });
});

describe('request ids', () => {
  it('keeps a sane client id, hands it to every subgraph, answers it back and logs the operation under it', async () => {
    const { url, lines } = await gatewayBehindProxy({});
    const requestId = `client-${crypto.randomUUID()}`;
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': requestId },
      body: JSON.stringify({ query: PRODUCT_PAGE, variables: { id: product.id }, operationName: 'ProductPage' }),
    });
    expect(response.headers.get('x-request-id')).toBe(requestId);
    expect(((await response.json()) as GraphQLResponse).errors).toBeUndefined();
    expect(proxy.requestIds).toContain(requestId);
    const access = lines.filter((l) => l.msg === 'operation' && l.requestId === requestId);
    expect(access).toHaveLength(1);
    // products (the product), recommendations (similar, with the similar products' names: @provides).
    expect(access[0]).toMatchObject({ service: 'gateway', operationName: 'ProductPage', status: 200, subgraphCalls: 2, errorCodes: [] });
    expect(typeof access[0]!.durationMs).toBe('number');
  });

  it('generates one when absent or not sane, and logs the failure of a subgraph under the request that met it', async () => {
    const { url, lines } = await gatewayBehindProxy({});
    await proxy.setMode('down');
    for (const sent of [undefined, 'has spaces and is not an id', 'x'.repeat(500)]) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(sent ? { 'x-request-id': sent } : {}) },
        body: JSON.stringify({ query: PRODUCT_PAGE, variables: { id: product.id } }),
      });
      const requestId = response.headers.get('x-request-id')!;
      expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
      expectUnavailable((await response.json()) as GraphQLResponse);
      const access = lines.filter((l) => l.msg === 'operation' && l.requestId === requestId);
      expect(access).toHaveLength(1);
      expect(access[0]).toMatchObject({ operationName: 'ProductPage', status: 200, errorCodes: ['SERVICE_UNAVAILABLE'] });
    }
    const failure = lines.find((l) => l.msg === 'subgraph recommendations unavailable');
    expect(failure).toMatchObject({ level: 40, subgraph: 'recommendations', reason: 'UNREACHABLE' });
    expect(failure!.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('a subgraph adopts the id it is called with and answers it back', async () => {
    const requestId = `gw-${crypto.randomUUID()}`;
    const response = await fetch(stack.subgraphUrls.products!, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': requestId },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(response.headers.get('x-request-id')).toBe(requestId);
  });
});

describe('subgraph readiness', () => {
  it('names its checks: the database and, when configured, Redis', async () => {
    const origin = new URL(stack.subgraphUrls.products!).origin;
    const ready = await fetch(`${origin}/readyz`);
    expect(ready.status).toBe(200);
    const { checks } = (await ready.json()) as { checks: Record<string, string> };
    expect(checks).toEqual({ database: 'ok', ...(stack.config.redis ? { redis: 'ok' } : {}) });
  });

  it('goes red when its Redis dies, while /healthz and the gateway in front of it stay up', async () => {
    const redis = await startThrowawayRedis();
    const config = testConfig({ REDIS_URL: redis.url });
    const infra = await createInfrastructure(config, createLogger('silent'));
    const products = await subgraphs.find((s) => s.name === 'products')!.build(infra, {});
    try {
      const productsUrl = await products.service.listen(0);
      const origin = new URL(productsUrl).origin;
      expect((await fetch(`${origin}/readyz`)).status).toBe(200);

      const gateway = buildGateway({
        config: { ...config, gateway: { ...config.gateway, supergraphSource: 'file', subgraphUrls: { ...stack.subgraphUrls, products: productsUrl } } },
        logger: createLogger('silent'),
        supergraphSdl: fs.readFileSync(config.gateway.supergraphPath, 'utf8'),
      });
      gateways.push(gateway);
      const gatewayOrigin = new URL(await gateway.service.listen(0)).origin;

      await redis.stop();
      const red = await eventually(async () => {
        const response = await fetch(`${origin}/readyz`);
        return response.status === 503 ? ((await response.json()) as { reason: string; checks: Record<string, string> }) : undefined;
      }, 20_000, 'products not ready');
      expect(red.checks.database).toBe('ok');
      expect(red.checks.redis).not.toBe('ok');
      expect(red.reason).toMatch(/^redis: /);
      expect((await fetch(`${origin}/healthz`)).status).toBe(200);
      // The gateway routes to the process, which is alive: it stays in the load balancer.
      expect((await fetch(`${gatewayOrigin}/readyz`)).status).toBe(200);
    } finally {
      await products.close();
      await infra.close().catch(() => undefined);
      await redis.stop();
      if (config.database.kind === 'pglite') fs.rmSync(config.database.dataDir, { recursive: true, force: true });
    }
  });
});
