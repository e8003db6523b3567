import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../platform/paths';
import { expectedCalibrationError, thresholdCheck, CalibrationAccumulator } from '../subgraphs/recommendations/evaluation/calibration';
import { evaluate, STRATEGY_LABELS, type EvaluatedStrategy, type Protocol, type SplitResult, type TuningGrid } from '../subgraphs/recommendations/evaluation/evaluate';
import { sampleShoppers, type EvaluationData } from '../subgraphs/recommendations/evaluation/evaluationData';
import { DATASETS, loadDataset, type DatasetName } from './evalDatasets';

// `npm run eval [-- --dataset groceries|instacart|all] [--splits N] [--sample N] [--tune]`:
// each data set is imported through the product's own import path into a
// scratch embedded database and learned by the recommendations subgraph from
// the event stream; then the offline protocols run through the serving engine
// (evaluation/evaluate.ts). Prints the report and writes reports/evaluation.md
// (reports/evaluation-<dataset>.md for one data set). --tune adds cart
// completion with the basket model tuned on a validation part of each
// training set (groceries only: it refits once per grid point).

/** The protocol of each data set's reference figures in ../shared/data/README.md. */
const PROTOCOLS: Record<DatasetName, Protocol> = {
  groceries: { kind: 'baskets', splits: 5, seedBase: 1000 },
  instacart: { kind: 'users', splits: 20, seedBase: 0 },
};

/** Searched on a validation part of each training set; the default options are in the grid. */
const GRID: TuningGrid = { lambdaPerBasket: [0.03, 0.06, 0.12, 0.25, 0.5], popularityWeight: [0.05, 0.1, 0.2, 0.4] };
/** Tuning refits the basket model once per grid point: only where the catalog is small enough for that to take seconds. */
const TUNABLE: Record<DatasetName, boolean> = { groceries: true, instacart: false };
const GOAL = 0.1;

interface Args {
  datasets: DatasetName[];
  splits?: number;
  sample?: number;
  tune: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { datasets: [...DATASETS], tune: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const value = argv[i + 1];
    if (flag === '--tune') {
      args.tune = true;
      continue;
    }
    if (flag === '--dataset' && value) {
      if (value !== 'all' && !(DATASETS as readonly string[]).includes(value)) throw new Error(`--dataset: must be ${DATASETS.join(', ')} or all`);
      args.datasets = value === 'all' ? [...DATASETS] : [value as DatasetName];
    } else if ((flag === '--splits' || flag === '--sample') && value && /^[1-9]\d*$/.test(value)) {
      args[flag === '--splits' ? 'splits' : 'sample'] = Number(value);
    } else {
      throw new Error(`unknown or incomplete option ${flag} (usage: --dataset ${DATASETS.join('|')}|all, --splits N, --sample N, --tune)`);
    }
    i += 1;
  }
  return args;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const command = ['npm run eval', ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : [])].join(' ');
  const sections: string[] = [`Printed by \`${command}\`.`, ''];
  let failed = false;
  for (const name of args.datasets) {
    const started = Date.now();
    let data = await loadDataset(name, (line) => process.stdout.write(`${line}\n`));
    const full = data.baskets.length;
    if (args.sample && data.baskets.length > args.sample) data = sampleShoppers(data, args.sample, `${name}-sample`);
    const protocol = { ...PROTOCOLS[name], ...(args.splits ? { splits: args.splits } : {}) };
    const results = evaluate(data, {
      protocol,
      ...(args.tune && TUNABLE[name] ? { tuning: GRID } : {}),
      progress: (r) => process.stdout.write(`${name}: split ${r.split + 1}/${protocol.splits} done (${r.testCases} test cases)\n`),
    });
    const section = renderDataset(data, full, protocol, results, Date.now() - started);
    sections.push(section.text, '');
    failed ||= section.failed;
    process.stdout.write(`\n${section.text}\n\n`);
  }
  const reportFile = path.join(projectRoot, 'reports', args.datasets.length === DATASETS.length ? 'evaluation.md' : `evaluation-${args.datasets[0]}.md`);
  fs.mkdirSync(path.dirname(reportFile), { recursive: true });
  fs.writeFileSync(reportFile, `# Offline evaluation\n\n${sections.join('\n')}`);
  process.stdout.write(`written to ${path.relative(process.cwd(), reportFile)}\n`);
  if (failed) process.exitCode = 1;
}

const f = (n: number, digits = 4) => n.toFixed(digits);
const pct = (n: number) => (Number.isFinite(n) ? `${n >= 0 ? '+' : ''}${(n * 100).toFixed(1)} %` : 'n/a (popularity 0)');

function mean(results: SplitResult[], strategy: EvaluatedStrategy, key: 'hitRate' | 'ndcg' | 'mrr' | 'coverage' | 'novelty'): number {
  const present = results.filter((r) => r.metrics[strategy]);
  return present.reduce((sum, r) => sum + r.metrics[strategy]![key], 0) / Math.max(1, present.length);
}

function renderDataset(data: EvaluationData, full: number, protocol: Protocol, results: SplitResult[], ms: number): { text: string; failed: boolean } {
  const strategies = (Object.keys(STRATEGY_LABELS) as EvaluatedStrategy[]).filter((s) => results.some((r) => r.metrics[s]));
  const fees = data.catalog.filter((p) => (p.kind ?? 'MERCHANDISE') !== 'MERCHANDISE').map((p) => `${p.name} (${p.kind})`);
  const merchandise = data.catalog.length - fees.length;
  const cases = results.reduce((sum, r) => sum + r.testCases, 0);
  const lines: string[] = [
    `## ${data.name} (\`${data.source}\`)`,
    '',
    `${full} baskets${data.baskets.length < full ? `, sampled deterministically to ${data.baskets.length} (whole shoppers, platform/seededRandom.ts)` : ' (all of them, no sampling)'}, ${merchandise} merchandise products` +
      `${fees.length > 0 ? `; left out of held-out items, context and recommendations as non-merchandise: ${fees.join(', ')}` : ''}.`,
    protocol.kind === 'baskets'
      ? `Protocol: ${protocol.splits} random 80/20 splits by basket (seeds ${protocol.seedBase}–${protocol.seedBase + protocol.splits - 1}), one item hidden per held-out basket with 2+ items; ${cases} test cases in all.`
      : `Protocol: ${protocol.splits} splits (seeds ${protocol.seedBase}–${protocol.seedBase + protocol.splits - 1}), each holding out the last basket of a random 20 % of shoppers (one item hidden per basket with 2+ items), every other basket trains; ${cases} test cases in all.`,
    `Top 10 as served, aisle cap on. Coverage: share of the ${merchandise} merchandise products recommended at least once in a split; novelty: mean −log2 of the recommended items' share of training baskets. Took ${Math.round(ms / 1000)} s.`,
    '',
    '### Means over the splits',
    '',
    '| strategy | HR@10 | NDCG@10 | MRR@10 | coverage | novelty (bits) | HR@10 vs popularity | NDCG@10 vs popularity |',
    '|---|---|---|---|---|---|---|---|',
  ];
  const popularHr = mean(results, 'POPULAR', 'hitRate');
  const popularNdcg = mean(results, 'POPULAR', 'ndcg');
  for (const s of strategies) {
    const hr = mean(results, s, 'hitRate');
    const ndcg = mean(results, s, 'ndcg');
    const rel = (value: number, base: number) => (s === 'POPULAR' ? '' : base > 0 ? pct(value / base - 1) : 'n/a');
    lines.push(`| ${STRATEGY_LABELS[s]} | ${f(hr)} | ${f(ndcg)} | ${f(mean(results, s, 'mrr'))} | ${f(mean(results, s, 'coverage'))} | ${f(mean(results, s, 'novelty'), 2)} | ${rel(hr, popularHr)} | ${rel(ndcg, popularNdcg)} |`);
  }

  const tuned = results.some((r) => r.tuned);
  lines.push('', '### Per split: HR@10 relative to popularity', '');
  lines.push(`| split | test cases | popularity | cart completion | lift |${tuned ? ' tuned (λ/basket, prior) | tuned | lift |' : ''}`);
  lines.push(`|---|---|---|---|---|${tuned ? '---|---|---|' : ''}`);
  let everySplitGoal = true;
  let everySplitBeats = true;
  const gaps: number[] = [];
  for (const r of results) {
    const pop = r.metrics.POPULAR!.hitRate;
    const cart = r.metrics.CART_COMPLETION!.hitRate;
    const lift = pop > 0 ? cart / pop - 1 : Number.POSITIVE_INFINITY;
    gaps.push(lift);
    everySplitGoal &&= lift >= GOAL;
    everySplitBeats &&= cart > pop && r.metrics.CART_COMPLETION!.ndcg > r.metrics.POPULAR!.ndcg;
    const t = r.metrics.CART_COMPLETION_TUNED;
    lines.push(
      `| ${r.split + 1} | ${r.testCases} | ${f(pop)} | ${f(cart)} | ${pct(lift)} |` +
        (tuned && t && r.tuned ? ` ${r.tuned.lambdaPerBasket} / ${r.tuned.popularityWeight} | ${f(t.hitRate)} | ${pct(pop > 0 ? t.hitRate / pop - 1 : 0)} |` : ''),
    );
  }
  lines.push(
    '',
    everySplitGoal
      ? `Cart completion beats popularity by at least ${GOAL * 100} % relative HR@10 on every split (smallest lift ${pct(Math.min(...gaps))}).`
      : `Cart completion does not reach ${GOAL * 100} % relative HR@10 over popularity on every split: lifts range ${pct(Math.min(...gaps))} to ${pct(Math.max(...gaps.filter(Number.isFinite)))}` +
        `${gaps.some((g) => !Number.isFinite(g)) ? ` (and ${gaps.filter((g) => !Number.isFinite(g)).length} splits where popularity found nothing)` : ''}.`,
  );

  lines.push('', '### Calibration of `confidence`', '');
  lines.push(
    "`confidence` means one thing for every strategy: the estimated probability that the item is the shopper's next add to cart (engine/confidence.ts). " +
      'Each recommended item of a top 10 is one prediction: its confidence, and whether it was the held-out item. ECE: count-weighted mean |mean confidence − hit rate| over the buckets of the reliability tables below.',
    '',
  );
  lines.push('| strategy | items | mean confidence | hit rate | ECE | confidence ≥ 0.5: items, hit rate | below 0.5: items, hit rate | ≥ 0.5 hits at least as often |');
  lines.push('|---|---|---|---|---|---|---|---|');
  let calibrationHolds = true;
  const merged = new Map<EvaluatedStrategy, CalibrationAccumulator>();
  for (const s of strategies) {
    const all = new CalibrationAccumulator();
    for (const r of results) if (r.calibration[s]) all.merge(r.calibration[s]!);
    merged.set(s, all);
    const table = all.table();
    const items = table.reduce((sum, b) => sum + b.count, 0);
    const hits = table.reduce((sum, b) => sum + b.hits, 0);
    const meanConfidence = table.reduce((sum, b) => sum + b.meanConfidence * b.count, 0) / Math.max(1, items);
    const check = thresholdCheck(table, 0.5);
    calibrationHolds &&= check.holds;
    const side = (x: { count: number; hitRate: number }) => (x.count > 0 ? `${x.count}, ${f(x.hitRate)}` : '0, –');
    lines.push(`| ${s} | ${items} | ${f(meanConfidence)} | ${f(hits / Math.max(1, items))} | ${f(expectedCalibrationError(table))} | ${side(check.above)} | ${side(check.below)} | ${check.above.count === 0 ? 'nothing at 0.5 or above' : check.holds ? 'yes' : '**no**'} |`);
  }
  const maxEce = Math.max(...[...merged.values()].map((all) => expectedCalibrationError(all.table())));
  lines.push('', `Largest ECE of any strategy: ${f(maxEce)}.`);
  for (const [s, all] of merged) {
    lines.push('', `Reliability of ${s} (all splits):`, '', '| confidence | items | mean confidence | hit rate |', '|---|---|---|---|');
    for (const b of all.table()) lines.push(`| ${f(b.from, 2)}–${f(b.to, 2)} | ${b.count} | ${b.count > 0 ? f(b.meanConfidence) : '–'} | ${b.count > 0 ? f(b.hitRate) : '–'} |`);
  }
  // Order-history splits hold a dozen cases each (too few for a per-split claim): there the means must beat popularity.
  const beats = protocol.kind === 'baskets' ? everySplitBeats : mean(results, 'CART_COMPLETION', 'hitRate') > popularHr && mean(results, 'CART_COMPLETION', 'ndcg') > popularNdcg;
  return { text: lines.join('\n'), failed: !beats || !calibrationHolds };
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
