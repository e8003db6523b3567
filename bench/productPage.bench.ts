import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import autocannon from 'autocannon';
import { loadConfig } from '../platform/config';
import { migrate } from '../platform/database/migrate';
import { createInfrastructure } from '../platform/infrastructure';
import { createLogger } from '../platform/logger';
import { projectRoot } from '../platform/paths';
import { seedDemoDataIfEmpty } from '../scripts/demoData';
import { freePort } from '../test/support/freePort';
import { ensureDatabase } from '../platform/database/ensureDatabase';

// `npm run bench:page [-- <seconds per scenario>] [variants…]`: CPU per page.
// Every service runs as its own process (as deployed) in production mode on
// PostgreSQL and Redis (BENCH_DATABASE_URL, BENCH_REDIS_URL; a database and
// key prefix of the benchmark's own). For each variant (a set of settings:
// `stock` turns the hot-path work off, `tuned` is the defaults) it starts the
// stack, then drives three pages with autocannon (50 connections): a product
// page with a different product each request, the same product page for
// every request, and a shopper's cart page. It prints requests/s and the CPU
// each process spent per request (utime + stime from /proc/<pid>/stat over
// the run), plus subgraph calls and SQL statements per request from /metrics.

const SECONDS = Number(process.argv[2] ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/smartcart_bench_page';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const SECRET = 'bench-page-internal-secret-0123456789abcdef';
const CLOCK_TICKS = 100;
const SHOPPERS = 100;
/** BENCH_PAGES=product: only the product pages (no shoppers to set up). */
const PAGES = (process.env.BENCH_PAGES ?? 'product,cart').split(',');

/** Settings per variant: `stock` is how the gateway and subgraphs worked before the hot-path work. */
const VARIANTS: Record<string, Record<string, string>> = {
  stock: { GATEWAY_SUBGRAPH_CLIENT: 'fetch', GATEWAY_DEDUPE_INFLIGHT: 'false', PRODUCTS_ENTITY_CACHE_SIZE: '0' },
  tuned: {},
};

const PRODUCT_PAGE = `query ProductPage($id: ID!) { product(id: $id) { id name price effectivePrice
  similar(first: 10) { id name price }
  frequentlyBoughtTogether(first: 5) { items { product { id name price } } } } }`;
const CART_PAGE = `query CartPage { cart { id itemCount subtotal total currency version
  items { quantity unitPrice lineTotal product { id name price effectivePrice } } } }`;

type Service = 'products' | 'users' | 'recommendations' | 'gateway';
const SERVICES: Service[] = ['products', 'users', 'recommendations', 'gateway'];

interface Running {
  name: Service;
  proc: ChildProcess;
  port: number;
  output: () => string;
}

function cpuTicks(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

async function waitReady(service: Running): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (service.proc.exitCode !== null) throw new Error(`${service.name} exited:\n${service.output()}`);
    const ok = await fetch(`http://127.0.0.1:${service.port}/readyz`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${service.name} not ready:\n${service.output()}`);
}

async function startStack(env: Record<string, string>): Promise<Running[]> {
  const ports = Object.fromEntries(await Promise.all(SERVICES.map(async (name) => [name, await freePort()] as const))) as Record<Service, number>;
  const common: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    DATABASE_URL,
    REDIS_URL,
    REDIS_KEY_PREFIX: 'bench-page:',
    INTERNAL_AUTH_SECRET: SECRET,
    MIGRATE_ON_START: 'false',
    SEED_DEMO_DATA: 'false',
    RATE_LIMIT_ENABLED: 'false',
    HOST: '127.0.0.1',
    ...Object.fromEntries(SERVICES.map((name) => [`${name.toUpperCase()}_PORT`, String(ports[name])])),
    ...Object.fromEntries(SERVICES.filter((n) => n !== 'gateway').map((name) => [`SUBGRAPH_${name.toUpperCase()}_URL`, `http://127.0.0.1:${ports[name]}/graphql`])),
    ...env,
  };
  const running: Running[] = [];
  for (const name of SERVICES) {
    const profile = process.env.BENCH_PROFILE === name ? ['--cpu-prof', '--cpu-prof-dir=bench/.profiles'] : [];
    const proc = spawn(process.execPath, [...profile, '--experimental-wasm-modules', '--no-warnings=ExperimentalWarning', '--import', 'tsx', `${name === 'gateway' ? 'gateway' : `subgraphs/${name}`}/main.ts`], {
      cwd: projectRoot,
      env: common,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    proc.stdout!.on('data', (chunk) => (output += chunk));
    proc.stderr!.on('data', (chunk) => (output += chunk));
    running.push({ name, proc, port: ports[name], output: () => output });
  }
  await Promise.all(running.map(waitReady));
  return running;
}

async function stopStack(running: Running[]): Promise<void> {
  await Promise.all(
    running.map(
      (service) =>
        new Promise<void>((resolve) => {
          if (service.proc.exitCode !== null) return resolve();
          service.proc.once('exit', () => resolve());
          service.proc.kill('SIGTERM');
        }),
    ),
  );
}

/** Sums a counter's samples on a service's /metrics (every label set). */
async function metricSum(service: Running, metric: string): Promise<number> {
  const text = await fetch(`http://127.0.0.1:${service.port}/metrics`).then((r) => r.text(), () => '');
  let sum = 0;
  for (const line of text.split('\n')) {
    if (line.startsWith(`${metric}{`) || line.startsWith(`${metric} `)) sum += Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return sum;
}

async function graphql(url: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<any> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { data?: any; errors?: unknown[] };
  if (body.errors?.length) throw new Error(`${query.slice(0, 60)}…: ${JSON.stringify(body.errors)}`);
  return body.data;
}

interface Scenario {
  name: string;
  bodies: string[];
  /** Extra headers per request, taken in turn (one shopper's session each). */
  headerSets?: Record<string, string>[];
}

async function runScenario(stack: Running[], gatewayUrl: string, scenario: Scenario): Promise<void> {
  const byName = Object.fromEntries(stack.map((s) => [s.name, s])) as Record<Service, Running>;
  const before = stack.map((s) => cpuTicks(s.proc.pid!));
  const calls = await Promise.all(stack.map((s) => metricSum(s, 'smartcart_graphql_operations_total')));
  const sql = await Promise.all(stack.map((s) => metricSum(s, 'smartcart_db_statement_duration_seconds_count')));
  let next = 0;
  const result = await autocannon({
    url: gatewayUrl,
    connections: CONNECTIONS,
    duration: SECONDS,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: [
      {
        setupRequest: (request) => {
          const n = next++;
          const extra = scenario.headerSets?.[n % scenario.headerSets.length];
          return { ...request, body: scenario.bodies[n % scenario.bodies.length], headers: { 'content-type': 'application/json', ...extra } };
        },
      },
    ],
  });
  const after = stack.map((s) => cpuTicks(s.proc.pid!));
  const callsAfter = await Promise.all(stack.map((s) => metricSum(s, 'smartcart_graphql_operations_total')));
  const sqlAfter = await Promise.all(stack.map((s) => metricSum(s, 'smartcart_db_statement_duration_seconds_count')));
  const requests = result.requests.total;
  const bad = result.non2xx + result.errors + result.timeouts;
  const perProcess = stack.map((s, i) => `${s.name} ${(((after[i]! - before[i]!) * 1000) / CLOCK_TICKS / requests).toFixed(2)}`);
  const total = stack.reduce((sum, _s, i) => sum + ((after[i]! - before[i]!) * 1000) / CLOCK_TICKS / requests, 0);
  const subgraphCalls = stack
    .filter((s) => s.name !== 'gateway')
    .map((s) => `${s.name} ${((callsAfter[stack.indexOf(s)]! - calls[stack.indexOf(s)]!) / requests).toFixed(2)} calls/${((sqlAfter[stack.indexOf(s)]! - sql[stack.indexOf(s)]!) / requests).toFixed(2)} sql`);
  void byName;
  console.log(
    `  ${scenario.name.padEnd(22)} ${result.requests.average.toFixed(0).padStart(6)} req/s  p99 ${String(result.latency.p99).padStart(4)} ms  ` +
      `cpu ms/req: total ${total.toFixed(2)} (${perProcess.join(', ')})  per request: ${subgraphCalls.join(', ')}${bad ? `  FAILED ${bad}` : ''}`,
  );
}

async function prepareDatabase(): Promise<void> {
  const config = loadConfig({ LOG_LEVEL: 'warn', DATABASE_URL, REDIS_URL, REDIS_KEY_PREFIX: 'bench-page:', MIGRATE_ON_START: 'false' });
  // A fresh machine has no benchmark database yet.
  await ensureDatabase(config.database);
  const infra = await createInfrastructure(config, createLogger('warn'));
  await migrate(infra.database);
  await seedDemoDataIfEmpty(infra, { population: false });
  await infra.close();
}

async function main(): Promise<void> {
  const variants = process.argv.slice(3).length ? process.argv.slice(3) : Object.keys(VARIANTS);
  await prepareDatabase();
  console.log(`product and cart pages, ${CONNECTIONS} connections, ${SECONDS} s each, every service its own process (production, PostgreSQL, Redis)`);
  for (const variant of variants) {
    const stack = await startStack(VARIANTS[variant] ?? {});
    const gateway = stack.find((s) => s.name === 'gateway')!;
    const url = `http://127.0.0.1:${gateway.port}/graphql`;
    try {
      const listing = await graphql(url, '{ products(first: 100) { edges { node { id } } } }');
      const ids: string[] = listing.products.edges.map((e: { node: { id: string } }) => e.node.id);
      // Shoppers with four items each: a cart page is one shopper's, so requests rarely share an answer.
      const sessions: Record<string, string>[] = [];
      for (let shopper = 0; PAGES.includes('cart') && shopper < SHOPPERS; shopper++) {
        const { startSession } = await graphql(url, 'mutation { startSession { token } }');
        const session = { 'x-session-token': startSession.token as string };
        // Products low or out of stock are skipped: the cart gets what the shop has.
        for (let item = 0, tried = 0; item < 4 && tried < 20; tried++) {
          const id = ids[(shopper * 7 + tried * 13) % ids.length];
          const added = await graphql(url, 'mutation ($id: ID!) { addToCart(productId: $id, quantity: 1) { id } }', { id }, session).then(() => true, () => false);
          if (added) item++;
        }
        sessions.push(session);
      }
      const page = (id: string) => JSON.stringify({ query: PRODUCT_PAGE, variables: { id } });
      console.log(`${variant}:`);
      if (PAGES.includes('product')) {
        await runScenario(stack, url, { name: 'product page, distinct', bodies: ids.map(page) });
        await runScenario(stack, url, { name: 'product page, one id', bodies: [page(ids[0]!)] });
      }
      if (PAGES.includes('cart')) await runScenario(stack, url, { name: 'cart page, 100 shoppers', bodies: [JSON.stringify({ query: CART_PAGE })], headerSets: sessions });
    } finally {
      await stopStack(stack);
    }
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
