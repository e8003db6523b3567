import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createClient, type Client, type FormattedExecutionResult } from 'graphql-ws';
import WebSocket from 'ws';
import { createApiKey } from '../../platform/auth/apiKeys';
import { Streams } from '../../platform/events/topics';
import { createInfrastructure, createMessaging, type Messaging } from '../../platform/infrastructure';
import { buildUsersService } from '../../subgraphs/users/server';
import { buildRecommendationsService } from '../../subgraphs/recommendations/server';
import { createLogger } from '../../platform/logger';
import { buildGateway, type GatewayService } from '../../gateway/server';
import { BRIDGE_GROUP } from '../../gateway/subscriptions/cartEventBridge';
import { CART_PRICE_SYNC_GROUP } from '../../subgraphs/users/catalog/cartPriceSync';
import { PersistenceGroups } from '../../subgraphs/recommendations/learning/engineHost';
import type { RecommendationsService } from '../../subgraphs/recommendations/server';
import { eventually } from '../support/eventually';
import { postGraphQL, startStack, type Stack } from '../support/stack';
import { runScript } from '../support/embeddedProcess';
import { parseExposition } from '../support/scrape';
import { startThrowawayRedis, type ThrowawayRedis } from '../support/throwawayRedis';

// Consumers that heal themselves, through the whole stack on a Redis of the
// test's own: Redis stopped and started again empty, with no service
// restarted, and live subscriptions, the recommender's learning and the cart
// price sync all resume; /readyz is red (naming the stream and group) while
// they cannot consume and green again after. Poison events end in the dead
// letters; a pub/sub handler that throws is contained.

const DEADLINE_MS = 30_000;
const MAX_DELIVERIES = 3;
const tag = crypto.randomBytes(3).toString('hex');
let redis: ThrowawayRedis;
let stack: Stack;
let messaging: Messaging;
let gateway: GatewayService;
let gatewayHttp: string;
let admin: Record<string, string>;
const clients: Client[] = [];
const products: Record<string, string> = {};
// The CLI's own (unused) embedded directory when the run is on PGlite: the stack holds its own.
const cliDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'smartcart-events-cli-'));

interface Readiness {
  status: number;
  body: { status: string; reason?: string; problems?: { stream?: string; group?: string | null; task?: string; lastError?: string }[] };
}

async function readiness(graphqlUrl: string): Promise<Readiness> {
  const response = await fetch(graphqlUrl.replace(/\/graphql$/, '/readyz'));
  return { status: response.status, body: (await response.json()) as Readiness['body'] };
}

function urlOf(service: string): string {
  return `http://127.0.0.1:${stack.services[service]!.service.port}/graphql`;
}

async function next(iterator: AsyncIterableIterator<FormattedExecutionResult<any, unknown>>, what: string): Promise<FormattedExecutionResult<any, unknown>> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const result = await Promise.race([
      iterator.next(),
      new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no ${what} within ${DEADLINE_MS} ms`)), DEADLINE_MS))),
    ]);
    if (result.done) throw new Error(`subscription completed before its ${what}`);
    return result.value;
  } finally {
    clearTimeout(timer);
  }
}

async function ok<T = any>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<T> {
  const response = await stack.query(query, variables, headers);
  expect(response.errors).toBeUndefined();
  return response.data as T;
}

async function setPrice(key: string, price: string): Promise<void> {
  await ok(`mutation ($id: ID!, $input: UpdateProductInput!) { updateProduct(id: $id, input: $input) { id } }`, { id: products[key], input: { price } }, admin);
}

async function linePrice(headers: Record<string, string>): Promise<string | undefined> {
  const data = await ok<{ me: { cart: { items: { unitPrice: string }[] } } }>(`{ me { cart { items { unitPrice } } } }`, undefined, headers);
  return data.me.cart.items[0]?.unitPrice;
}

/** The recommender has learned (followed) and stored (its group) the interactions stream up to its newest entry. */
async function recommenderCaughtUp(): Promise<boolean> {
  const host = (stack.services.recommendations as unknown as RecommendationsService).host;
  const { last } = await stack.infra.events.bounds(Streams.interactions);
  if (!last || host.streamPosition !== last) return false;
  const group = (await stack.infra.events.groups(Streams.interactions)).find((g) => g.name === PersistenceGroups.interactions);
  return group !== undefined && group.lag === 0 && group.pending === 0;
}

/** The CLI on this test's Redis (and database, when PostgreSQL), as an operator runs it with REDIS_URL. */
function cliEnvironment(): Record<string, string> {
  const env: Record<string, string> = { REDIS_URL: redis.url, REDIS_KEY_PREFIX: stack.config.redis!.keyPrefix };
  if (stack.config.database.kind === 'postgres') env.DATABASE_URL = stack.config.database.url;
  return env;
}

beforeAll(async () => {
  redis = await startThrowawayRedis();
  stack = await startStack({
    REDIS_URL: redis.url,
    EVENTS_UNHEALTHY_AFTER_MS: '1000',
    EVENTS_RETRY_MAX_MS: '1000',
    EVENTS_REDELIVER_AFTER_MS: '300',
    EVENTS_MAX_DELIVERIES: String(MAX_DELIVERIES),
  });
  // A gateway that serves subscriptions, on connections of its own, as its own process would.
  messaging = await createMessaging(stack.config);
  gateway = buildGateway({
    config: { ...stack.config, gateway: { ...stack.config.gateway, supergraphSource: 'file', subgraphUrls: Object.fromEntries(stack.gateway.subgraphs.map((s) => [s.name, s.url])) } },
    logger: createLogger(stack.config.logLevel),
    supergraphSdl: fs.readFileSync(stack.config.gateway.supergraphPath, 'utf8'),
    pubsub: messaging.pubsub,
    events: messaging.events,
  });
  gatewayHttp = await gateway.service.listen(0);
  const { key } = await createApiKey(stack.services.products!.db!.prisma, `recovery test ${tag}`, ['admin']);
  admin = { 'x-api-key': key };
  for (const [name, price] of [['oats', '2.00'], ['figs', '3.00']] as const) {
    const created = await ok(`mutation ($input: CreateProductInput!) { createProduct(input: $input) { id } }`, {
      input: { sku: `recovery-${tag}-${name}`, name: `${name} ${tag}`, price, stockQuantity: 100 },
    }, admin);
    products[name] = created.createProduct.id;
  }
});

afterAll(async () => {
  for (const client of clients) await client.dispose();
  await gateway?.close();
  await messaging?.close();
  await stack?.stop();
  await redis?.stop();
  fs.rmSync(cliDataDir, { recursive: true, force: true });
});

describe('Redis restarted empty', () => {
  it('turns /readyz red naming what cannot consume, then resumes subscriptions, learning and price sync with no restart', async () => {
    const started = await ok(`mutation { startSession { token } }`);
    const token = started.startSession.token as string;
    const headers = { 'x-session-token': token };
    const client = createClient({ url: gatewayHttp.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams: { sessionToken: token }, retryAttempts: 0 });
    clients.push(client);
    const live = client.iterate({ query: `subscription { cartSuggestions { cart { version items { quantity } } } }` });
    expect((await next(live, 'initial payload')).errors).toBeUndefined();

    const add = (key: string) => postGraphQL(stack.gatewayUrl, `mutation ($id: ID!) { addToCart(productId: $id, quantity: 1) { version } }`, { id: products[key] }, headers);
    expect((await add('oats')).errors).toBeUndefined();
    expect((await next(live, 'payload before the restart')).data?.cartSuggestions.cart.items).toEqual([{ quantity: 1 }]);
    await eventually(async () => ((await recommenderCaughtUp()) ? true : undefined), DEADLINE_MS, 'the recommender caught up before the restart');
    for (const url of [urlOf('users'), urlOf('recommendations'), gatewayHttp]) expect((await readiness(url)).status).toBe(200);

    await redis.stop();
    const expected: [string, string, string | null][] = [
      [urlOf('users'), Streams.catalog, CART_PRICE_SYNC_GROUP],
      [urlOf('recommendations'), Streams.interactions, PersistenceGroups.interactions],
      [urlOf('recommendations'), Streams.interactions, null],
      [gatewayHttp, Streams.carts, BRIDGE_GROUP],
    ];
    for (const [url, stream, group] of expected) {
      const red = await eventually(
        async () => {
          const answer = await readiness(url);
          return answer.status === 503 && answer.body.problems?.some((p) => p.stream === stream && p.group === group) ? answer : undefined;
        },
        DEADLINE_MS,
        `/readyz naming ${stream}/${group}`,
      );
      expect(red.body.status).toBe('not ready');
      expect(red.body.reason).toMatch(/stream|task/);
    }

    await redis.start();
    for (const url of [urlOf('users'), urlOf('recommendations'), gatewayHttp]) {
      await eventually(async () => ((await readiness(url)).status === 200 ? true : undefined), DEADLINE_MS, `${url} ready again`);
    }

    // Live subscriptions: the bridge's group was recreated on the new, empty stream.
    expect((await add('figs')).errors).toBeUndefined();
    const after = await next(live, 'payload after the restart');
    expect(after.data?.cartSuggestions.cart.items).toHaveLength(2);
    // Learning and storing: the interaction of that change reached the recommender.
    await eventually(async () => ((await recommenderCaughtUp()) ? true : undefined), DEADLINE_MS, 'the recommender learning again');
    // Cart price sync: a price change reaches the cart line.
    await setPrice('oats', '2.50');
    await eventually(async () => ((await linePrice(headers)) === '2.50' ? true : undefined), DEADLINE_MS, 'the cart line repriced');
  });
});

describe('Redis down when services start', () => {
  it('starts them anyway, not ready, and they consume once Redis is up, with no restart', async () => {
    await redis.stop();
    const infra = await createInfrastructure(stack.config, createLogger(stack.config.logLevel));
    const productsUrl = stack.gateway.subgraphs.find((s) => s.name === 'products')!.url;
    try {
      const users = buildUsersService(infra, { productsUrl });
      const usersUrl = await users.service.listen(0);
      // The recommender's model load reads the streams: it is retried until Redis answers.
      const recommendations = buildRecommendationsService(infra, { productsUrl, usersUrl });
      const red = await eventually(
        async () => {
          const answer = await readiness(usersUrl);
          return answer.status === 503 && answer.body.problems?.some((p) => p.stream === Streams.catalog && p.group === CART_PRICE_SYNC_GROUP) ? answer : undefined;
        },
        DEADLINE_MS,
        'the new users service naming its consumer',
      );
      expect(red.body.reason).toMatch(/users-carts on stream catalog/);

      await redis.start();
      await eventually(async () => ((await readiness(usersUrl)).status === 200 ? true : undefined), DEADLINE_MS, 'the new users service ready');
      const recs = await recommendations;
      const recsUrl = await recs.service.listen(0);
      expect((await readiness(recsUrl)).status).toBe(200);
      await recs.close();
      await users.close();
    } finally {
      await infra.close();
    }
    // The stack's own services are back too.
    for (const url of [urlOf('users'), urlOf('recommendations'), gatewayHttp]) {
      await eventually(async () => ((await readiness(url)).status === 200 ? true : undefined), DEADLINE_MS, `${url} ready again`);
    }
  });
});

describe('poison events and throwing handlers', () => {
  it('moves an event that fails every delivery to the dead letters of its stream, per group, and goes on', async () => {
    const poisonId = await stack.infra.events.publish(Streams.catalog, 'product.price_changed', null);
    const letter = await eventually(
      async () => (await stack.infra.events.deadLetters(Streams.catalog)).find((l) => l.originalId === poisonId && l.group === CART_PRICE_SYNC_GROUP),
      DEADLINE_MS,
      'the dead letter of the cart price sync',
    );
    expect(letter).toMatchObject({ stream: Streams.catalog, type: 'product.price_changed', payloadJson: 'null', deliveries: MAX_DELIVERIES });
    expect(letter.error.length).toBeGreaterThan(0);
    const group = (await stack.infra.events.groups(Streams.catalog)).find((g) => g.name === CART_PRICE_SYNC_GROUP);
    expect(group?.pending).toBe(0);
    // The users service stays ready: a poison event is not an outage.
    expect((await readiness(urlOf('users'))).status).toBe(200);

    // Metrics of the users service: failures counted, the dead letter and the group's lag and pending shown, the consumer healthy.
    const scrape = parseExposition(await (await fetch(stack.services.users!.service.metricsUrl)).text());
    const labels = { service: 'users', stream: Streams.catalog, group: CART_PRICE_SYNC_GROUP };
    expect(scrape.sum('smartcart_events_handler_failures_total', labels)).toBeGreaterThanOrEqual(MAX_DELIVERIES);
    expect(scrape.sum('smartcart_events_dead_lettered_total', labels)).toBeGreaterThanOrEqual(1);
    expect(scrape.sum('smartcart_events_dead_letters', { service: 'users', stream: Streams.catalog })).toBeGreaterThanOrEqual(1);
    expect(scrape.find('smartcart_events_consumer_lag', labels).map((s) => s.value)).toEqual([0]);
    expect(scrape.find('smartcart_events_consumer_pending', labels).map((s) => s.value)).toEqual([0]);
    expect(scrape.find('smartcart_events_consumer_healthy', labels).map((s) => s.value)).toEqual([1]);

    // The CLI reads the same dead letters straight from Redis, and redrives one: still poison, it comes back.
    const cli = (args: string[]) => runScript('events', args, cliDataDir, cliEnvironment());
    const listed = await cli(['dead-letters', 'catalog']);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain(`${letter.id}  product.price_changed  group ${CART_PRICE_SYNC_GROUP}  original ${poisonId}  ${MAX_DELIVERIES} deliveries`);
    const groups = await cli(['groups']);
    expect(groups.stdout).toMatch(new RegExp(`^ {2}${CART_PRICE_SYNC_GROUP}: lag 0, pending 0`, 'm'));
    const redriven = await cli(['redrive', 'catalog', letter.id]);
    expect(redriven.stdout).toBe(`Redrove 1 dead letter to catalog: ${letter.id}.\n`);
    await eventually(
      async () => (await stack.infra.events.deadLetters(Streams.catalog)).find((l) => l.group === CART_PRICE_SYNC_GROUP && l.id !== letter.id && l.originalId !== poisonId),
      DEADLINE_MS,
      'the redriven poison event dead-lettered again',
    );
  });

  it('contains a pub/sub handler that throws or rejects: the process goes on and other handlers still get the message', async () => {
    const channel = `recovery-${tag}`;
    const received: unknown[] = [];
    const before = stack.infra.pubsub.handlerFailures();
    const unsubscribe = [
      await stack.infra.pubsub.subscribe(channel, () => {
        throw new Error('handler bug');
      }),
      await stack.infra.pubsub.subscribe(channel, async () => {
        throw new Error('async handler bug');
      }),
      await stack.infra.pubsub.subscribe(channel, (message) => void received.push(message)),
    ];
    await stack.infra.pubsub.publish(channel, { n: 1 });
    await eventually(() => (stack.infra.pubsub.handlerFailures() - before >= 2 && received.length === 1 ? true : undefined), DEADLINE_MS, 'both failures counted');
    expect(received).toEqual([{ n: 1 }]);
    for (const leave of unsubscribe) await leave();
    // Still serving.
    expect((await readiness(urlOf('users'))).status).toBe(200);
  });
});
