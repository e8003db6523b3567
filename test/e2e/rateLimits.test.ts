import fs from 'node:fs';
import { createLogger } from '../../platform/logger';
import { createRedis, type Redis } from '../../platform/redis';
import { buildGateway, type GatewayService } from '../../gateway/server';
import { startStack, type Stack } from '../support/stack';
import { startThrowawayRedis, type ThrowawayRedis } from '../support/throwawayRedis';

// The gateway's budgets: per client address (behind trusted proxies), per
// session, the stricter one for session creation, shared by replicas through
// Redis, and still enforced (per process) when Redis goes away.

let stack: Stack;
const opened: { close(): Promise<void> }[] = [];
const clients: Redis[] = [];
let redisServer: ThrowawayRedis;

beforeAll(async () => {
  stack = await startStack();
  redisServer = await startThrowawayRedis();
});

afterAll(async () => {
  for (const gateway of opened.reverse()) await gateway.close();
  for (const client of clients) client.disconnect();
  await redisServer?.stop();
  await stack?.stop();
});

/** One more gateway replica on the stack's subgraphs, with its own budgets (and Redis, when given). */
async function replica(env: Partial<typeof stack.config.gateway.rateLimit>, options: { redisUrl?: string; trustedProxies?: string[] } = {}) {
  let redis: Redis | undefined;
  if (options.redisUrl) {
    redis = await createRedis({ url: options.redisUrl, commandTimeoutMs: 500, keyPrefix: 'rate-test:' });
    clients.push(redis);
  }
  const gateway: GatewayService = buildGateway({
    config: {
      ...stack.config,
      gateway: {
        ...stack.config.gateway,
        supergraphSource: 'file',
        subgraphUrls: Object.fromEntries(stack.gateway.subgraphs.map((s) => [s.name, s.url])),
        trustedProxies: options.trustedProxies ?? [],
        rateLimit: { ...stack.config.gateway.rateLimit, ...env },
      },
    },
    logger: createLogger(stack.config.logLevel),
    supergraphSdl: fs.readFileSync(stack.config.gateway.supergraphPath, 'utf8'),
    redis,
  });
  const url = await gateway.service.listen(0);
  opened.push(gateway);
  return { gateway, url };
}

async function post(url: string, query: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as { data?: any; errors?: any[] } };
}

const cheap = '{ __typename }';

it('limits session creation per address: beyond the budget, 429 with Retry-After and RATE_LIMITED', async () => {
  const { url } = await replica({ strictFields: [{ field: 'startSession', count: 3, seconds: 60 }] });
  for (let i = 0; i < 3; i++) expect((await post(url, 'mutation { startSession { token } }')).status).toBe(200);
  const refused = await post(url, 'mutation { startSession { token } }');
  expect(refused.status).toBe(429);
  expect(Number(refused.retryAfter)).toBeGreaterThan(0);
  expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', budget: 'field:startSession', retryAfterSeconds: Number(refused.retryAfter) });
  expect(refused.body.data).toBeUndefined();
  // Other operations of the same address still have their own budget.
  expect((await post(url, cheap)).status).toBe(200);
});

it('charges operations by their cost', async () => {
  const { url } = await replica({ addressPoints: 100 });
  // 1 + 20 × (1 + 1 + 1): 61 points, so the second one does not fit.
  const page = '{ products(first: 20) { edges { node { id name } } } }';
  expect((await post(url, page)).status).toBe(200);
  const refused = await post(url, page);
  expect(refused.status).toBe(429);
  expect(refused.body.errors?.[0]?.extensions?.budget).toBe('address');
});

it('counts per session as well as per address', async () => {
  const { url } = await replica({ sessionPoints: 2 });
  const session = { 'x-session-token': 'some-session' };
  expect((await post(url, cheap, session)).status).toBe(200);
  expect((await post(url, cheap, session)).status).toBe(200);
  expect((await post(url, cheap, session)).body.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', budget: 'session' });
  expect((await post(url, cheap, { 'x-session-token': 'another-session' })).status).toBe(200);
});

it('believes X-Forwarded-For only from trusted proxies', async () => {
  const trusting = await replica({ addressPoints: 2 }, { trustedProxies: ['127.0.0.1'] });
  const a = { 'x-forwarded-for': '203.0.113.7' };
  expect((await post(trusting.url, cheap, a)).status).toBe(200);
  expect((await post(trusting.url, cheap, a)).status).toBe(200);
  expect((await post(trusting.url, cheap, a)).status).toBe(429);
  // Another client behind the same proxy has its own budget.
  expect((await post(trusting.url, cheap, { 'x-forwarded-for': '203.0.113.8' })).status).toBe(200);

  const untrusting = await replica({ addressPoints: 2 });
  expect((await post(untrusting.url, cheap, { 'x-forwarded-for': '198.51.100.1' })).status).toBe(200);
  expect((await post(untrusting.url, cheap, { 'x-forwarded-for': '198.51.100.2' })).status).toBe(200);
  // A forged header changes nothing: both came from 127.0.0.1.
  expect((await post(untrusting.url, cheap, { 'x-forwarded-for': '198.51.100.3' })).status).toBe(429);
});

describe('through Redis', () => {
  it('two replicas share one budget', async () => {
    const budget = { strictFields: [{ field: 'startSession', count: 4, seconds: 60 }] };
    const one = await replica(budget, { redisUrl: redisServer.url });
    const two = await replica(budget, { redisUrl: redisServer.url });
    const statuses: number[] = [];
    for (const url of [one.url, two.url, one.url, two.url, one.url, two.url]) statuses.push((await post(url, 'mutation { startSession { token } }')).status);
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
    const refused = await post(two.url, 'mutation { startSession { token } }');
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
  });

  it('falls back to per-process limits when Redis stops: no 5xx, still limited', async () => {
    const own = await startThrowawayRedis();
    const { url, gateway } = await replica({ addressPoints: 5 }, { redisUrl: own.url });
    expect((await post(url, cheap)).status).toBe(200);
    await own.stop();
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await post(url, cheap)).status);
    expect(statuses.every((s) => s < 500)).toBe(true);
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses.slice(5)).toEqual([429, 429, 429]);
    expect(gateway.rateLimits.fallingBack).toBe(true);
  });
});
