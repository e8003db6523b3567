import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import pg from 'pg';
import { InternalAuth } from '../platform/auth/internalAuth';
import { loadConfig } from '../platform/config';
import { freePort } from '../test/support/freePort';
import { createBenchDatabase, dropBenchDatabase, seedBenchData, type BenchDataSizes } from './api/benchData';
import { NODE_FLAGS, startProcess, waitUntilReady, type BenchProcess } from './api/benchProcess';
import type { LoadResult, LoadSpec } from './api/loadWorker';
import { scenarios, type BenchRequest, type Variant } from './api/scenarios';
import { deleteRedisPrefix } from './api/redisPrefix';
import { formatFigure } from './api/formatFigure';

// `npm run bench:api [-- --smoke] [-- --seconds N] [-- --caches off]`: the API under HTTP load,
// every service in its own process in production mode on PostgreSQL and
// Redis, three gateways over the same subgraphs (SmartCart's, a stock Apollo
// gateway, Hive Gateway) and the products subgraph called directly. Checks
// that every gateway gives the same answers and that no request fails, then
// prints throughput at saturation, latency at fixed rates, CPU per request per
// process, subgraph calls and SQL transactions per request. The smoke mode
// (CI) runs a smaller shop briefly and asserts answers and errors only.

const ROOT = path.resolve(__dirname, '..');
const args = process.argv.slice(2);
const SMOKE = args.includes('--smoke');
const secondsArg = args.indexOf('--seconds');
const SECONDS = secondsArg >= 0 ? Number(args[secondsArg + 1]) : SMOKE ? 1 : 4;
const numberArg = (flag: string): number | undefined => (args.includes(flag) ? Number(args[args.indexOf(flag) + 1]) : undefined);
const listArg = (flag: string): string[] | undefined => (args.includes(flag) ? args[args.indexOf(flag) + 1]!.split(',').map((s) => s.trim()).filter(Boolean) : undefined);
const DEFAULT_SIZES: BenchDataSizes = SMOKE ? { products: 1_000, interactions: 20_000, shoppers: 50, writers: 20 } : { products: 10_000, interactions: 1_000_000, shoppers: 200, writers: 50 };
/** `--products N --interactions N`: another shop size (bench:scale's points). */
const SIZES: BenchDataSizes = { ...DEFAULT_SIZES, products: numberArg('--products') ?? DEFAULT_SIZES.products, interactions: numberArg('--interactions') ?? DEFAULT_SIZES.interactions };
/** `--targets smartcart`: only these targets (all by default). */
const TARGETS = listArg('--targets');
/** `--variants rotating`: only these variants. */
const VARIANTS = listArg('--variants') as Variant[] | undefined;
/** `--rates none` or `--rates 200`: the fixed rates measured besides saturation. */
const RATES_ARG = listArg('--rates');
/** `--profile gateway` (or products, users, recommendations): that service runs under V8's CPU profiler. */
const PROFILE = args.includes('--profile') ? args[args.indexOf('--profile') + 1] : undefined;
/** `--label scale-10k`: part of the results file's name. */
const LABEL = args.includes('--label') ? args[args.indexOf('--label') + 1] : undefined;
const onlyArg = args.indexOf('--only');
/** `--only "cart,mixed"`: the scenarios whose names start with one of these. */
const ONLY = onlyArg >= 0 ? args[onlyArg + 1]!.split(',').map((s) => s.trim()) : undefined;
/**
 * `--caches off`: no product entity cache, no recommendation-list cache, no
 * in-flight de-duplication in SmartCart's gateway: what a request costs when
 * nothing it asks for was asked before (the stock and Hive gateways keep
 * their defaults; Hive de-duplicates identical requests in flight).
 */
const cachesArg = args.indexOf('--caches');
const CACHES_OFF = cachesArg >= 0 && args[cachesArg + 1] === 'off';
const SATURATION_CONNECTIONS = 50;
const RATES = RATES_ARG ? RATES_ARG.filter((r) => r !== 'none').map(Number) : SMOKE ? [] : [200, 500];
/** Distinct requests of a scenario compared across targets. */
const COMPARED = SMOKE ? 10 : 50;

type TargetName = 'smartcart' | 'stock apollo' | 'hive' | 'products direct';

interface Target {
  name: TargetName;
  url: string;
  process: BenchProcess;
  /** Signs each request as a gateway would (a subgraph called directly). */
  sign?: (requests: BenchRequest[]) => BenchRequest[];
}

interface RunFigures extends LoadResult {
  connections: number;
  rate?: number;
  cpuMsPerRequest: Record<string, number>;
  subgraphCallsPerRequest?: number;
  sqlPerRequest?: number;
}

const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent' });
const ADMIN_URL = config.database.kind === 'postgres' ? config.database.url : 'postgresql://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = config.redis?.url ?? 'redis://127.0.0.1:6379';
const RUN_ID = `smartcart_bench_${process.pid}`;

async function runLoad(spec: LoadSpec, tmp: string): Promise<LoadResult> {
  const file = path.join(tmp, `load-${crypto.randomUUID()}.json`);
  fs.writeFileSync(file, JSON.stringify(spec));
  const child = spawn(process.execPath, [...NODE_FLAGS, path.join(ROOT, 'bench/api/loadWorker.ts'), file], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  fs.rmSync(file, { force: true });
  if (code !== 0) throw new Error(`load generator exited with ${code}`);
  return JSON.parse(out.trim().split('\n').pop()!) as LoadResult;
}

async function post(url: string, request: BenchRequest): Promise<unknown> {
  const response = await fetch(url, { method: 'POST', headers: request.headers, body: request.body, signal: AbortSignal.timeout(15_000) });
  const text = await response.text();
  if (!response.ok) throw new Error(`HTTP ${response.status}: ${text.slice(0, 300)}`);
  const parsed = JSON.parse(text) as { errors?: unknown };
  if (parsed.errors) throw new Error(`GraphQL errors: ${text.slice(0, 300)}`);
  return parsed;
}

/** Sum of a counter over the lines that match `filter`, from a /metrics text. */
async function scrapeCounter(origin: string, metric: string, filter: (labels: string) => boolean): Promise<number> {
  const text = await (await fetch(`${origin}/metrics`, { signal: AbortSignal.timeout(30_000) })).text();
  let sum = 0;
  for (const line of text.split('\n')) {
    const match = /^(\w+)(\{[^}]*\})? ([0-9.e+-]+)$/.exec(line);
    if (match && match[1] === metric && filter(match[2] ?? '')) sum += Number(match[3]);
  }
  return sum;
}

/** Transactions committed or rolled back in the benchmark's database (each autocommit statement is one). */
async function sqlTransactions(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ n: string }>('SELECT xact_commit + xact_rollback AS n FROM pg_stat_database WHERE datname = current_database()');
  return Number(rows[0]!.n);
}

/** The statistics reach pg_stat_database within about a second of a backend going idle: read until two reads agree. */
async function settledSqlTransactions(client: pg.Client): Promise<number> {
  let last = await sqlTransactions(client);
  for (let i = 0; i < 20; i++) {
    await delay(700);
    // Each read is itself a transaction of this connection: 1 per read is ours.
    const now = (await sqlTransactions(client)) - 1;
    if (now === last) return now;
    last = now + 1;
  }
  return last;
}

function canonical(value: unknown): string {
  return JSON.stringify(value);
}

const fmt = formatFigure;

/**
 * Per scenario and variant: SmartCart's throughput at saturation over each
 * peer's, and the CPU every process spent per request (the load generator
 * aside), with the requests per second one core gives at that cost.
 */
function ratioTable(results: { scenario: string; variant: Variant; target: TargetName; runs: RunFigures[] }[]): string[] {
  const lines = ['| scenario | ids | SmartCart req/s | × stock Apollo | × Hive | CPU ms/req, subgraphs + the gateway: SmartCart · stock · Hive | SmartCart req/s per core |', '|---|---|--:|--:|--:|--:|--:|'];
  const groups = new Map<string, typeof results>();
  for (const r of results) groups.set(`${r.scenario}\u0000${r.variant}`, [...(groups.get(`${r.scenario}\u0000${r.variant}`) ?? []), r]);
  // The subgraphs and the target's own gateway: the idle gateways' timers are not the target's cost.
  const own: Record<TargetName, string> = { smartcart: 'gateway', 'stock apollo': 'stock-gateway', hive: 'hive-gateway', 'products direct': 'products' };
  const total = (r: (typeof results)[number] | undefined) => {
    if (!r) return undefined;
    const cpu = r.runs[0]!.cpuMsPerRequest;
    return ['products', 'users', 'recommendations', own[r.target]].reduce((sum, name, i, all) => sum + (all.indexOf(name) === i ? (cpu[name] ?? 0) : 0), 0);
  };
  for (const group of groups.values()) {
    const of = (name: TargetName) => group.find((r) => r.target === name);
    const ours = of('smartcart');
    if (!ours) continue;
    const ratio = (name: TargetName) => {
      const peer = of(name);
      return peer ? `${fmt(ours.runs[0]!.throughput / peer.runs[0]!.throughput, 2)}×` : '–';
    };
    const cpu = total(ours);
    lines.push(
      `| ${ours.scenario} | ${ours.variant} | ${fmt(ours.runs[0]!.throughput)} | ${ratio('stock apollo')} | ${ratio('hive')} | ${fmt(cpu, 2)} · ${fmt(total(of('stock apollo')), 2)} · ${fmt(total(of('hive')), 2)} | ${fmt(cpu ? 1000 / cpu : undefined)} |`,
    );
  }
  return lines;
}

/** From the recommendations service's log: how long it took to build its models from the stored interactions. */
function modelTimings(logFile: string): { loadMs?: number; basketFitMs?: number } {
  const timings: { loadMs?: number; basketFitMs?: number } = {};
  for (const line of fs.readFileSync(logFile, 'utf8').split('\n')) {
    if (!line.startsWith('{')) continue;
    try {
      const entry = JSON.parse(line) as { msg?: string; millis?: number; purchases?: number };
      if (entry.msg === 'recommendation model loaded') timings.loadMs = entry.millis;
      // The fit over the stored purchases (later refits are of new purchases only).
      if (entry.msg === 'basket model refitted' && (entry.purchases ?? 0) > 0 && timings.basketFitMs === undefined) timings.basketFitMs = entry.millis;
    } catch {
      /* not a log entry */
    }
  }
  return timings;
}

/** Each request once, ten at a time, answers unchecked (they were compared before). */
async function sendEach(target: { url: string; sign?: (requests: BenchRequest[]) => BenchRequest[] }, requests: BenchRequest[]): Promise<void> {
  const signed = target.sign ? target.sign(requests) : requests;
  let next = 0;
  await Promise.all(
    Array.from({ length: 10 }, async () => {
      while (next < signed.length) await post(target.url, signed[next++]!).catch(() => undefined);
    }),
  );
}

/**
 * `bench/results/<date>[-smoke][-caches-off].json` (every figure, the machine)
 * and the Markdown table beside it; a run of the same day and kind replaces
 * the last. Smoke results are not kept in the repository (.gitignore).
 */
function writeResults(run: { results: unknown[]; report: string[]; notServed: string[]; failures: number; minutes: number; startup: object; peakMemoryMiB: Record<string, number> }): { json: string; markdown: string } {
  const dir = path.join(ROOT, 'bench/results');
  fs.mkdirSync(dir, { recursive: true });
  const name = `${new Date().toISOString().slice(0, 10)}${SMOKE ? '-smoke' : ''}${LABEL ? `-${LABEL}` : ''}${CACHES_OFF ? '-caches-off' : ''}${ONLY ? `-${ONLY.join('-').replace(/[^a-z0-9-]+/gi, '_')}` : ''}`;
  const machine = { cores: os.cpus().length, cpu: os.cpus()[0]?.model, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, loadAverage: os.loadavg() };
  const options = { smoke: SMOKE, cachesOff: CACHES_OFF, seconds: SECONDS, only: ONLY ?? null, sizes: SIZES, connections: SATURATION_CONNECTIONS, rates: RATES };
  const json = path.join(dir, `${name}.json`);
  fs.writeFileSync(json, `${JSON.stringify({ date: new Date().toISOString(), machine, options, minutes: run.minutes, failures: run.failures, startup: run.startup, peakMemoryMiB: run.peakMemoryMiB, results: run.results, notServed: run.notServed }, null, 2)}\n`);
  const markdown = path.join(dir, `${name}.md`);
  const header = `# bench:api ${name}\n\n${machine.cores} cores (${machine.cpu}), ${machine.memoryGiB} GiB, node ${machine.node}, load average at the end ${machine.loadAverage.map((l) => l.toFixed(1)).join(' / ')}; ${SECONDS} s per run, ${run.minutes.toFixed(1)} min in all${CACHES_OFF ? '; caches off' : ''}.\n\n`;
  fs.writeFileSync(markdown, `${header}${run.report.join('\n')}\n${run.notServed.length ? `\nNot served:\n${run.notServed.map((l) => `- ${l}`).join('\n')}\n` : ''}`);
  return { json: path.relative(ROOT, json), markdown: path.relative(ROOT, markdown) };
}

async function main(): Promise<void> {
  const started = Date.now();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'smartcart-bench-api-'));
  const processes: BenchProcess[] = [];
  let databaseCreated = false;
  let sql: pg.Client | undefined;
  let failures = 0;
  /** Seeding, and the subgraphs' start to ready (the recommender learning every stored interaction). */
  const startup: { seedSeconds?: number; subgraphsReadySeconds?: number; model?: ReturnType<typeof modelTimings> } = {};
  try {
    console.log(`bench:api${SMOKE ? ' --smoke' : ''}${CACHES_OFF ? ' --caches off' : ''}: ${os.cpus().length} cores (${os.cpus()[0]?.model}), node ${process.version}; database ${RUN_ID}, Redis prefix ${RUN_ID}:`);
    const databaseUrl = await createBenchDatabase(ADMIN_URL, RUN_ID);
    databaseCreated = true;
    const { fixtures, stats } = await seedBenchData(databaseUrl, SIZES);
    startup.seedSeconds = stats.seconds;
    console.log(`seeded in ${stats.seconds.toFixed(0)} s: ${Object.entries(stats.rows).map(([k, v]) => `${v.toLocaleString('en')} ${k}`).join(', ')}`);

    const secret = crypto.randomBytes(32).toString('hex');
    const ports = { products: await freePort(), users: await freePort(), recommendations: await freePort(), gateway: await freePort(), stock: await freePort(), hive: await freePort() };
    const subgraphUrl = (name: 'products' | 'users' | 'recommendations') => `http://127.0.0.1:${ports[name]}/graphql`;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'production',
      LOG_LEVEL: 'info',
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      REDIS_URL,
      REDIS_KEY_PREFIX: `${RUN_ID}:`,
      INTERNAL_AUTH_SECRET: secret,
      MIGRATE_ON_START: 'false',
      SEED_DEMO_DATA: 'false',
      APOLLO_TELEMETRY_DISABLED: 'true',
      // Training refits the model over every interaction: not what a request costs.
      RECS_TRAIN_INTERVAL_SECONDS: '0',
      // One client address sends everything here: the limiter still counts every operation, it never refuses.
      RATE_LIMIT_ADDRESS_POINTS: '1000000000',
      RATE_LIMIT_SESSION_POINTS: '1000000000',
      PRODUCTS_PORT: String(ports.products),
      USERS_PORT: String(ports.users),
      RECOMMENDATIONS_PORT: String(ports.recommendations),
      GATEWAY_PORT: String(ports.gateway),
      SUBGRAPH_PRODUCTS_URL: subgraphUrl('products'),
      SUBGRAPH_USERS_URL: subgraphUrl('users'),
      SUBGRAPH_RECOMMENDATIONS_URL: subgraphUrl('recommendations'),
      ...(CACHES_OFF ? { PRODUCTS_ENTITY_CACHE_SIZE: '0', RECS_CACHE_TTL_SECONDS: '0', RECS_CACHE_LOCAL_ENTRIES: '0', GATEWAY_DEDUPE_INFLIGHT: 'false' } : {}),
    };
    // `--profile recommendations`: a V8 CPU profile of that process in bench/.profiles/ (written when it stops).
    const node = (name: string, script: string, port: number, extra: string[] = []) =>
      startProcess(name, process.execPath, [...NODE_FLAGS, ...(PROFILE === name ? ['--cpu-prof', `--cpu-prof-dir=${path.join(ROOT, 'bench/.profiles')}`] : []), path.join(ROOT, script), ...extra], { env, port, logDir: tmp, cwd: ROOT });

    let mark = Date.now();
    const subgraphs = [node('products', 'subgraphs/products/main.ts', ports.products), node('users', 'subgraphs/users/main.ts', ports.users), node('recommendations', 'subgraphs/recommendations/main.ts', ports.recommendations)];
    processes.push(...subgraphs);
    await waitUntilReady(subgraphs, () => '/readyz', 600_000);
    startup.subgraphsReadySeconds = (Date.now() - mark) / 1000;
    startup.model = modelTimings(subgraphs[2]!.logFile);
    console.log(`subgraphs ready in ${((Date.now() - mark) / 1000).toFixed(0)} s (the recommendations model learned ${SIZES.interactions.toLocaleString('en')} stored interactions)`);

    // The stock and Hive gateways read the subgraph URLs from the supergraph: one with the real ports.
    const supergraph = path.join(tmp, 'supergraph.graphql');
    fs.writeFileSync(
      supergraph,
      fs.readFileSync(path.join(ROOT, 'gateway/supergraph.graphql'), 'utf8').replace(/url: "http:\/\/localhost:\d+\/graphql"/g, (match) => {
        const name = (['products', 'users', 'recommendations'] as const).find((n) => match.includes(String({ products: 4001, users: 4002, recommendations: 4003 }[n])));
        return name ? `url: "${subgraphUrl(name)}"` : match;
      }),
    );
    mark = Date.now();
    const smartcart = node('gateway', 'gateway/main.ts', ports.gateway);
    const stock = node('stock-gateway', 'bench/api/stockGateway.ts', ports.stock, [supergraph, String(ports.stock)]);
    const hive = node('hive-gateway', 'node_modules/@graphql-hive/gateway/dist/bin.js', ports.hive, [
      'supergraph', supergraph, '--port', String(ports.hive), '--host', '127.0.0.1', '--fork', '1', '--config-path', path.join(ROOT, 'bench/api/hiveGateway.config.ts'),
    ]);
    processes.push(smartcart, stock, hive);
    await waitUntilReady([smartcart], () => '/readyz', 120_000);
    await waitUntilReady([stock], () => '/graphql', 120_000, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
    await waitUntilReady([hive], () => '/readiness', 120_000);
    console.log(`gateways ready in ${((Date.now() - mark) / 1000).toFixed(0)} s`);

    const auth = new InternalAuth({ secret, maxAgeMs: 30_000 });
    const targets: Target[] = [
      { name: 'smartcart', url: `${smartcart.origin}/graphql`, process: smartcart },
      { name: 'stock apollo', url: `${stock.origin}/graphql`, process: stock },
      { name: 'hive', url: `${hive.origin}/graphql`, process: hive },
      {
        name: 'products direct',
        url: subgraphUrl('products'),
        process: subgraphs[0]!,
        sign: (requests) => requests.map((r) => ({ ...r, headers: { ...r.headers, ...auth.sign('POST', subgraphUrl('products'), r.body) } })),
      },
    ];
    const measured = [...subgraphs, smartcart, stock, hive];
    sql = new pg.Client({ connectionString: databaseUrl });
    await sql.connect();

    // NaN when a scrape fails (a saturated machine): the figure is then left out, the run goes on.
    const subgraphCalls = async () => {
      let sum = 0;
      for (const p of subgraphs) sum += await scrapeCounter(p.origin, 'smartcart_http_requests_total', (labels) => labels.includes('route="/graphql"')).catch(() => NaN);
      return sum;
    };

    const measure = async (target: Target, requests: BenchRequest[], connections: number, rate: number | undefined, countSql: boolean): Promise<RunFigures> => {
      const cpuBefore = measured.map((p) => p.cpuMs());
      const callsBefore = await subgraphCalls();
      const sqlBefore = countSql ? await settledSqlTransactions(sql!) : 0;
      const signed = target.sign ? target.sign(requests) : requests;
      const result = await runLoad({ url: target.url, requests: signed, connections, durationSeconds: SECONDS, rate }, tmp);
      const cpuMsPerRequest = Object.fromEntries(measured.map((p, i) => [p.name, (p.cpuMs() - cpuBefore[i]!) / Math.max(1, result.sent)]));
      // Each scrape is one /metrics request, not counted under /graphql.
      const calls = (await subgraphCalls()) - callsBefore;
      const sqlAfter = countSql ? await settledSqlTransactions(sql!) : 0;
      return {
        ...result,
        connections,
        rate,
        cpuMsPerRequest,
        subgraphCallsPerRequest: target.name === 'products direct' ? 1 : calls / Math.max(1, result.sent),
        sqlPerRequest: countSql ? (sqlAfter - sqlBefore) / Math.max(1, result.sent) : undefined,
      };
    };

    const report: string[] = [];
    const results: { scenario: string; variant: Variant; target: TargetName; runs: RunFigures[] }[] = [];
    report.push(
      `| scenario | ids | target | req/s at ${SATURATION_CONNECTIONS} conn | p50 / p99 ms at ${SATURATION_CONNECTIONS} conn |` +
        RATES.map((r) => ` p50 / p99 ms at ${r}/s (achieved) |`).join('') +
        ' CPU ms/req: gateway · products · users · recs | subgraph calls/req | SQL tx/req | errors |',
    );
    report.push(`|---|---|---|--:|--:|${RATES.map(() => '--:|').join('')}--:|--:|--:|--:|`);
    const printRow = (scenario: string, variant: Variant, target: Target, runs: RunFigures[]) => {
      const [sat, ...fixed] = runs;
      const cpu = sat!.cpuMsPerRequest;
      const gatewayCpu = target.name === 'products direct' ? undefined : cpu[target.process.name];
      const row =
        `| ${scenario} | ${variant} | ${target.name} | ${fmt(sat!.throughput)} | ${fmt(sat!.p50)} / ${fmt(sat!.p99)} |` +
        fixed.map((f) => ` ${fmt(f.p50)} / ${fmt(f.p99)} (${fmt(f.throughput)}) |`).join('') +
        ` ${fmt(gatewayCpu, 2)} · ${fmt(cpu.products, 2)} · ${fmt(cpu.users, 2)} · ${fmt(cpu.recommendations, 2)} | ${fmt(sat!.subgraphCallsPerRequest, 2)} | ${fmt(sat!.sqlPerRequest, 2)} | ${runs.reduce((n, r) => n + r.errors, 0)} |`;
      report.push(row);
      console.log(row);
      results.push({ scenario, variant, target: target.name, runs });
    };

    const notServed: string[] = [];
    const variants: Variant[] = VARIANTS ?? (SMOKE ? ['rotating'] : ['one id', 'rotating']);
    for (const scenario of scenarios.filter((s) => !ONLY || ONLY.some((prefix) => s.name.startsWith(prefix)))) {
      for (const variant of variants) {
        const requests = scenario.requests(fixtures, variant);
        const servable = targets.filter((t) => (t.name !== 'products direct' || scenario.productsOnly) && (!TARGETS || TARGETS.includes(t.name)));
        // Same answers from every target, before any load (the writes of the mixed workload are not compared).
        // A comparison gateway that cannot answer a query at all (refuses to plan it) is reported and left
        // out of this scenario's load; SmartCart's gateway failing, or two answers differing, is a failure.
        const compared = [...new Map(requests.filter((r) => !r.write).map((r) => [r.body + JSON.stringify(r.headers), r])).values()].slice(0, COMPARED);
        const cannot = new Map<TargetName, string>();
        for (const request of compared) {
          const answers = await Promise.all(
            servable.map(async (t) => {
              try {
                return canonical(await post(t.url, (t.sign ? t.sign([request]) : [request])[0]!));
              } catch (error) {
                if (t.name === 'smartcart') throw error;
                if (!cannot.has(t.name)) cannot.set(t.name, (error as Error).message.replace(/\s+/g, ' ').slice(0, 160));
                return undefined;
              }
            }),
          );
          const reference = answers[0]!;
          const differing = servable.filter((t, i) => answers[i] !== undefined && answers[i] !== reference);
          if (differing.length > 0) {
            failures++;
            console.error(`DIFFERENT ANSWERS (${scenario.name}, ${variant}) from ${differing.map((t) => t.name).join(', ')} than from smartcart to ${request.body}:\n  ${reference.slice(0, 400)}\n  ${answers[servable.indexOf(differing[0]!)]!.slice(0, 400)}`);
          }
        }
        for (const [name, message] of cannot) {
          notServed.push(`${scenario.name} (${variant}) by ${name}: ${message}`);
          const row = `| ${scenario.name} | ${variant} | ${name} | cannot answer (see below) |${RATES.map(() => ' |').join('')} | | | |`;
          report.push(row);
          console.log(row);
        }
        const applicable = servable.filter((t) => !cannot.has(t.name));
        // Every distinct read goes once through every target before any is measured: the
        // subgraphs' caches are shared, and the first target measured would otherwise pay
        // the cold entries the later ones find warm (with --caches off there are none).
        const distinct = [...new Map(requests.filter((r) => !r.write).map((r) => [r.body + JSON.stringify(r.headers), r])).values()];
        for (const target of applicable) await sendEach(target, distinct);
        for (const target of applicable) {
          if (!SMOKE) await runLoad({ url: target.url, requests: target.sign ? target.sign(requests) : requests, connections: 10, durationSeconds: 1 }, tmp);
          // SQL is counted only where there is time for the statistics to settle (about a second per read).
          const runs = [await measure(target, requests, SATURATION_CONNECTIONS, undefined, !SMOKE)];
          for (const rate of RATES) runs.push(await measure(target, requests, Math.min(SATURATION_CONNECTIONS, Math.ceil(rate / 10)), rate, false));
          for (const run of runs) {
            if (run.errors > 0) {
              failures++;
              console.error(`ERRORS (${scenario.name}, ${variant}, ${target.name}, ${run.rate ? `${run.rate}/s` : 'saturation'}): ${run.errors} of ${run.requests}; first: ${run.firstError}`);
            }
          }
          printRow(scenario.name, variant, target, runs);
        }
      }
    }
    console.log(`\nFigures (${SECONDS} s per run, ${((Date.now() - started) / 60_000).toFixed(1)} min in all; machine: ${os.cpus().length} cores, load generator and every service on it):\n`);
    console.log(report.join('\n'));
    if (notServed.length > 0) console.log(`\nNot served (the gateway refused the query; left out of that scenario's load):\n${notServed.map((line) => `- ${line}`).join('\n')}`);
    report.push('', ...ratioTable(results));
    console.log(`\n${ratioTable(results).join('\n')}`);
    const peakMemoryMiB = Object.fromEntries(processes.map((p) => [p.name, Math.round(p.peakMemoryMiB())]));
    console.log(`peak resident memory, MiB: ${Object.entries(peakMemoryMiB).map(([name, mib]) => `${name} ${mib}`).join(', ')}`);
    const written = writeResults({ results, report, notServed, failures, minutes: (Date.now() - started) / 60_000, startup, peakMemoryMiB });
    console.log(`\nresults: ${written.json} and ${written.markdown}`);
    console.log(failures === 0 ? '\nbench:api: every gateway gave the same answers, 0 errors' : `\nbench:api: ${failures} problem(s), see above`);
  } catch (error) {
    failures++;
    throw error;
  } finally {
    await sql?.end().catch(() => undefined);
    for (const p of processes.reverse()) await p.stop();
    if (databaseCreated) await dropBenchDatabase(ADMIN_URL, RUN_ID).catch((error: unknown) => console.error(`could not drop ${RUN_ID}:`, error));
    await deleteRedisPrefix(REDIS_URL, `${RUN_ID}:`).catch((error: unknown) => console.error(`could not clear Redis keys ${RUN_ID}:*:`, error));
    if (failures === 0) fs.rmSync(tmp, { recursive: true, force: true });
    else console.error(`service logs kept in ${tmp}`);
  }
  if (failures > 0) process.exit(1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
