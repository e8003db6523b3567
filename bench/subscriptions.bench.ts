import { fork, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { buildGateway } from '../gateway/server';
import { createApiKey } from '../platform/auth/apiKeys';
import { loadConfig } from '../platform/config';
import { migrate } from '../platform/database/migrate';
import { createInfrastructure } from '../platform/infrastructure';
import { createLogger } from '../platform/logger';
import { subgraphs } from '../subgraphs';
import { mb, percentile } from './percentiles';

// `npm run bench:subscriptions [-- 1000 5000]`: N graphql-ws subscribers of
// cartSuggestions on at most 100 carts (10 or more subscribers each), on
// loopback. The subscribers live in a child process so that the gateway's heap
// is measured alone. First single carts change one at a time, then rounds in
// which every cart changes at once; latency runs from the cart.updated event
// leaving the users subgraph to the payload arriving at the subscriber.

const ROUNDS = 3;
const SINGLE_CHANGES = 30;
const DEADLINE_MS = 300_000;
const QUERY = `subscription { cartSuggestions { cart { id version total items { quantity product { name } } suggestions(first: 3) { items { product { name } } } } } }`;

const now = () => performance.timeOrigin + performance.now();

type FromClients = { kind: 'ready' } | { kind: 'received'; samples: [cartId: string, version: number, at: number][] } | { kind: 'failed'; message: string };

/** The child: opens the subscribers and reports when each payload arrives. */
async function clients(url: string, tokens: string[]): Promise<void> {
  const send = (message: FromClients) => process.send?.(message);
  let samples: FromClients & { kind: 'received' } = { kind: 'received', samples: [] };
  setInterval(() => {
    if (samples.samples.length === 0) return;
    send(samples);
    samples = { kind: 'received', samples: [] };
  }, 20).unref();
  const opened: Promise<void>[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const client = createClient({ url, webSocketImpl: WebSocket, connectionParams: { sessionToken: tokens[i] }, retryAttempts: 0 });
    let initial = true;
    opened.push(
      new Promise<void>((resolve, reject) => {
        client.subscribe<{ cartSuggestions: { cart: { id: string; version: number } } }>(
          { query: QUERY },
          {
            next: (result) => {
              const cart = result.data?.cartSuggestions.cart;
              if (!cart) return reject(new Error(JSON.stringify(result.errors)));
              if (initial) {
                initial = false;
                resolve();
              } else samples.samples.push([cart.id, cart.version, now()]);
            },
            error: (error) => reject(error instanceof Error ? error : new Error(JSON.stringify(error))),
            complete: () => undefined,
          },
        );
      }),
    );
    // Waves of 200, so the gateway is not asked for thousands of initial payloads at the same instant.
    if (opened.length % 200 === 0) await Promise.all(opened.slice(-200));
  }
  await Promise.all(opened);
  send({ kind: 'ready' });
}

async function server(counts: number[]): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'smartcart-bench-subs-'));
  const config = loadConfig({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent', DATA_DIR: dataDir, SEED_DEMO_DATA: 'false', MIGRATE_ON_START: 'false' });
  const logger = createLogger(config.logLevel);
  const infra = await createInfrastructure(config, logger);
  await migrate(infra.database);
  const published = new Map<string, number>();
  const publish = infra.events.publish.bind(infra.events);
  infra.events.publish = async (stream, type, payload) => {
    if (type === 'cart.updated') {
      const { cartId, version } = payload as { cartId: string; version: number };
      published.set(`${cartId}:${version}`, now());
    }
    return publish(stream, type, payload);
  };
  const started: { close(): Promise<void> }[] = [];
  const subgraphUrls: Record<string, string> = {};
  for (const definition of subgraphs) {
    const built = await definition.build(infra, { ...subgraphUrls });
    started.push(built);
    subgraphUrls[definition.name] = await built.service.listen(0);
  }
  const gateway = buildGateway({
    config: { ...config, gateway: { ...config.gateway, supergraphSource: 'file', subgraphUrls } },
    logger,
    pubsub: infra.pubsub,
    events: infra.events,
    subscriptionLimits: { maxConnectionsPerAddress: Math.max(...counts) + 10 },
  });
  started.push(gateway);
  const url = await gateway.service.listen(0);
  const post = async (query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
    const body = (await response.json()) as { data?: any; errors?: unknown };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
  const products = started[0] as Awaited<ReturnType<(typeof subgraphs)[number]['build']>>;
  if (!products.db) throw new Error('the products subgraph has no database');
  const { key } = await createApiKey(products.db.prisma, 'bench', ['admin']);
  const product = await post(`mutation ($input: CreateProductInput!) { createProduct(input: $input) { id } }`, {
    input: { sku: `bench-${crypto.randomBytes(3).toString('hex')}`, name: 'Bench tea', price: '0.01', stockQuantity: 1_000_000 },
  }, { 'x-api-key': key });
  const productId = product.createProduct.id as string;

  try {
    for (const count of counts) {
      // At most 100 carts: beyond that the embedded database, not the fan-out, sets the pace.
      const perCart = Math.max(10, Math.ceil(count / 100));
      const carts = Math.ceil(count / perCart);
      const tokens: string[] = [];
      for (let i = 0; i < carts; i++) tokens.push((await post(`mutation { startSession { token } }`, {})).startSession.token);
      global.gc?.();
      const heapBefore = process.memoryUsage().heapUsed;
      const rssBefore = process.memoryUsage().rss;
      const child = fork(__filename, ['--clients', url], { execArgv: process.execArgv, serialization: 'advanced' });
      const latencies: number[] = [];
      let ready!: () => void;
      const isReady = new Promise<void>((resolve) => (ready = resolve));
      let failure: Error | undefined;
      child.on('message', (message: FromClients) => {
        if (message.kind === 'ready') ready();
        else if (message.kind === 'failed') failure = new Error(message.message);
        else for (const [cartId, version, at] of message.samples) latencies.push(at - (published.get(`${cartId}:${version}`) ?? at));
      });
      const connectStart = Date.now();
      child.send(Array.from({ length: count }, (_, i) => tokens[i % carts]!));
      await Promise.race([isReady, exited(child)]);
      if (failure) throw failure;
      const connectMs = Date.now() - connectStart;
      global.gc?.();
      const stats = gateway.subscriptions!.stats();
      const perConnection = (process.memoryUsage().heapUsed - heapBefore) / count;
      const rssPerConnection = (process.memoryUsage().rss - rssBefore) / count;

      const change = (token: string) =>
        post(`mutation ($id: ID!) { addToCart(productId: $id, quantity: 1) { version } }`, { id: productId }, { 'x-session-token': token });
      const delivered = async (expected: number) => {
        while (latencies.length < expected) {
          if (failure) throw failure;
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
      };
      // One cart changes at a time: the path of a single event to its subscribers.
      for (let i = 0; i < SINGLE_CHANGES; i++) {
        const expected = latencies.length + perCart;
        await change(tokens[(i * 7) % carts]!);
        await delivered(expected);
      }
      const single = latencies.splice(0);
      // Every cart changes at once (20 mutations in flight): every subscriber gets a payload.
      const roundMs: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const expected = latencies.length + count;
        const start = Date.now();
        const queue = [...tokens];
        await Promise.all(
          Array.from({ length: 20 }, async () => {
            for (let token = queue.shift(); token; token = queue.shift()) await change(token);
          }),
        );
        await delivered(expected);
        roundMs.push(Date.now() - start);
      }
      child.kill();
      await exited(child);
      console.log(
        `${count} subscribers (${carts} carts × ${perCart}), connected in ${connectMs} ms\n` +
          `  single change → its ${perCart} subscribers: p50 ${percentile(single, 50).toFixed(1)} ms, p99 ${percentile(single, 99).toFixed(1)} ms (${single.length} payloads)\n` +
          `  all ${carts} carts change at once → all ${count} subscribers: p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms ` +
          `(${latencies.length} payloads; rounds took ${roundMs.join('/')} ms)\n` +
          `  gateway heap ${(perConnection / 1024).toFixed(1)} KiB/connection, RSS ${(rssPerConnection / 1024).toFixed(1)} KiB/connection ` +
          `(${stats.connections} connections, ${stats.carts} cart channels)`,
      );
      await waitUntil(() => gateway.subscriptions!.stats().connections === 0);
      global.gc?.();
      console.log(`  after disconnect: ${JSON.stringify(gateway.subscriptions!.stats())}, pub/sub channels ${infra.pubsub.activeChannels()}, heap ${mb(process.memoryUsage().heapUsed)}`);
    }
  } finally {
    for (const service of started.reverse()) await service.close();
    await infra.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', (code, signal) => (code === 0 || signal === 'SIGTERM' ? resolve() : reject(new Error(`subscriber process exited with ${code ?? signal}`))));
  });
}

async function waitUntil(check: () => boolean): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('connections did not close');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

if (process.argv[2] === '--clients') {
  const url = process.argv[3]!.replace(/^http/, 'ws');
  process.once('message', (tokens: string[]) => {
    clients(url, tokens).catch((error: Error) => {
      process.send?.({ kind: 'failed', message: error.message } satisfies FromClients);
      process.exit(1);
    });
  });
} else {
  const counts = process.argv.slice(2).map(Number).filter((n) => n > 0);
  const deadline = setTimeout(() => {
    console.error(`benchmark exceeded ${DEADLINE_MS / 1000} s; stopping`);
    process.exit(1);
  }, DEADLINE_MS);
  deadline.unref();
  server(counts.length > 0 ? counts : [1000, 5000]).then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
