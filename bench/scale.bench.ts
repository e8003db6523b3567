import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { formatFigure } from './api/formatFigure';

// `npm run bench:scale [-- --points "1000:100000,10000:1000000,100000:1000000"] [-- --seconds N]`:
// the scale curve. For each point (products : stored interactions) it runs
// bench:api on a shop of that size with SmartCart's gateway only, the product
// page and the cart page with rotating ids, at saturation and at 200
// requests/s, and collects from its results file: throughput, p99, how long
// the recommender took to build its models from the stored interactions, and
// each process's peak resident memory. Prints one table and writes
// bench/results/<date>-scale.{json,md}.

const ROOT = path.resolve(__dirname, '..');
const args = process.argv.slice(2);
const pointsArg = args.includes('--points') ? args[args.indexOf('--points') + 1]! : '1000:100000,10000:1000000,100000:1000000';
const SECONDS = args.includes('--seconds') ? args[args.indexOf('--seconds') + 1]! : '4';
const POINTS = pointsArg.split(',').map((point) => {
  const [products, interactions] = point.split(':').map(Number);
  if (!Number.isInteger(products) || !Number.isInteger(interactions) || products! < 100 || interactions! < 1000) throw new Error(`--points: "${point}" is not products:interactions (at least 100:1000)`);
  return { products: products!, interactions: interactions! };
});

interface Run {
  scenario: string;
  variant: string;
  target: string;
  runs: { throughput: number; p99: number; rate?: number; errors: number; cpuMsPerRequest: Record<string, number> }[];
}
interface ApiResults {
  failures: number;
  startup: { seedSeconds?: number; subgraphsReadySeconds?: number; model?: { loadMs?: number; basketFitMs?: number } };
  peakMemoryMiB: Record<string, number>;
  results: Run[];
}

const short = (n: number) => (n >= 1_000_000 ? `${n / 1_000_000}M` : n >= 1000 ? `${n / 1000}k` : String(n));
const fmt = formatFigure;

function main(): void {
  const started = Date.now();
  const rows: string[] = [];
  const collected: { products: number; interactions: number; results: ApiResults }[] = [];
  let failed = false;
  for (const point of POINTS) {
    const label = `scale-${short(point.products)}-${short(point.interactions)}`;
    console.log(`\n== ${short(point.products)} products, ${short(point.interactions)} interactions`);
    const run = spawnSync(
      'npm',
      ['run', '-s', 'bench:api', '--', '--products', String(point.products), '--interactions', String(point.interactions), '--only', 'product page,cart page', '--targets', 'smartcart', '--variants', 'rotating', '--rates', '200', '--seconds', SECONDS, '--label', label],
      { cwd: ROOT, stdio: 'inherit' },
    );
    const file = path.join(ROOT, 'bench/results', `${new Date().toISOString().slice(0, 10)}-${label}-product_page-cart_page.json`);
    if (run.status !== 0 || !fs.existsSync(file)) {
      console.error(`bench:api failed at ${label} (exit ${run.status})`);
      failed = true;
      continue;
    }
    const results = JSON.parse(fs.readFileSync(file, 'utf8')) as ApiResults;
    collected.push({ ...point, results });
    const page = (scenario: string) => results.results.find((r) => r.scenario === scenario && r.target === 'smartcart');
    const cell = (r: Run | undefined) => (r ? `${fmt(r.runs[0]!.throughput)} / ${fmt(r.runs[0]!.p99)} / ${fmt(r.runs.find((x) => x.rate === 200)?.p99)}` : '–');
    const memory = results.peakMemoryMiB;
    rows.push(
      `| ${fmt(point.products)} | ${fmt(point.interactions)} | ${cell(page('product page'))} | ${cell(page('cart page'))} | ${fmt(results.startup.seedSeconds)} | ${fmt(results.startup.subgraphsReadySeconds)} | ${fmt((results.startup.model?.loadMs ?? NaN) / 1000, 1)} · ${fmt((results.startup.model?.basketFitMs ?? NaN) / 1000, 1)} | ${fmt(memory.gateway)} · ${fmt(memory.products)} · ${fmt(memory.users)} · ${fmt(memory.recommendations)} |`,
    );
  }
  const table = [
    '| products | stored interactions | product page: req/s / p99 ms at 50 conn / p99 ms at 200/s | cart page: the same | seed s | subgraphs start to ready s | model load · basket fit s | peak MiB: gateway · products · users · recs |',
    '|--:|--:|--:|--:|--:|--:|--:|--:|',
    ...rows,
  ];
  const machine = `${os.cpus().length} cores (${os.cpus()[0]?.model}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`;
  console.log(`\nScale curve (${SECONDS} s per run, ${((Date.now() - started) / 60_000).toFixed(1)} min in all; ${machine}):\n\n${table.join('\n')}`);
  const base = path.join(ROOT, 'bench/results', `${new Date().toISOString().slice(0, 10)}-scale`);
  fs.writeFileSync(`${base}.json`, `${JSON.stringify({ date: new Date().toISOString(), machine, seconds: Number(SECONDS), points: collected }, null, 2)}\n`);
  fs.writeFileSync(`${base}.md`, `# bench:scale\n\n${machine}; ${SECONDS} s per run.\n\n${table.join('\n')}\n`);
  console.log(`\nresults: ${path.relative(ROOT, base)}.json and .md`);
  if (failed) process.exit(1);
}

main();
