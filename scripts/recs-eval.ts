import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfigOrExit } from '../platform/config';
import { openDatabase } from '../platform/database/database';
import { migrate } from '../platform/database/migrate';
import { createInfrastructure } from '../platform/infrastructure';
import { createLogger } from '../platform/logger';
import { projectRoot } from '../platform/paths';
import { CatalogProjectionRepository } from '../subgraphs/recommendations/data/catalogProjectionRepository';
import { InteractionRepository } from '../subgraphs/recommendations/data/interactionRepository';
import { evaluateBaskets, type EvaluatedStrategy, type SplitResult } from '../subgraphs/recommendations/evaluation/evaluate';
import { EngineHost } from '../subgraphs/recommendations/learning/engineHost';
import { defaultEngineOptions } from '../subgraphs/recommendations/engine/recommendationEngine';
import { runImport } from './import';

// `npm run eval [-- <baskets file>]`: imports the baskets through the product's
// own import path into a scratch embedded database, lets the recommendations
// subgraph learn them from the event stream, then runs the offline protocol
// through the serving engine. Prints the table and writes reports/evaluation.md.

const STRATEGIES: EvaluatedStrategy[] = ['CART_COMPLETION', 'FREQUENTLY_BOUGHT_TOGETHER', 'POPULAR'];

async function main(): Promise<void> {
  const file = path.resolve(process.argv[2] ?? path.join(projectRoot, '..', 'shared', 'data', 'groceries.csv'));
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'smartcart-eval-'));
  const config = loadConfigOrExit({ DATA_DIR: dataDir, LOG_LEVEL: 'warn', SEED_DEMO_DATA: 'false', RECS_TRAIN_INTERVAL_SECONDS: '0' });
  const logger = createLogger(config.logLevel);
  const infra = await createInfrastructure(config, logger);
  const db = openDatabase(infra.database);
  const host = new EngineHost({ db, events: infra.events, logger, instanceId: 'eval', trainIntervalMs: 0 });
  try {
    await migrate(infra.database);
    await host.start();
    const started = Date.now();
    const report = await runImport(infra, file, 'baskets');
    if (report.errors.length > 0 || !report.baskets) throw new Error(`import failed: ${JSON.stringify(report.errors.slice(0, 5))}`);
    process.stdout.write(`imported ${report.created} products and ${report.baskets.orders} baskets (${report.baskets.events} purchase events) in ${Date.now() - started} ms\n`);

    // The recommendations subgraph learns them from the bus, as it would in production.
    const expected = report.baskets.events;
    for (let stored = 0; stored < expected; ) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      stored = await db.prisma.interaction.count({ where: { type: 'PURCHASE' } });
      process.stdout.write(`\rlearned ${stored}/${expected} purchase events`);
    }
    process.stdout.write(` in ${Date.now() - started} ms\n`);

    const catalog = await new CatalogProjectionRepository(db.prisma).loadProducts();
    const byBasket = new Map<string, string[]>();
    for await (const page of new InteractionRepository(db.prisma).all()) {
      for (const interaction of page) {
        if (interaction.type !== 'PURCHASE' || !interaction.basketId || !interaction.productId) continue;
        const basket = byBasket.get(interaction.basketId) ?? [];
        if (!basket.includes(interaction.productId)) basket.push(interaction.productId);
        byBasket.set(interaction.basketId, basket);
      }
    }
    // A stable order (basket ids are derived from the file's line numbers), so splits are reproducible.
    const baskets = [...byBasket].sort((a, b) => a[0].localeCompare(b[0])).map(([, items]) => items);
    // As served (one aisle at most half of a list), and with that diversity
    // rule off, which is how the published baselines rank.
    const served = evaluateBaskets(catalog, baskets);
    const results = evaluateBaskets(catalog, baskets, { ...defaultEngineOptions, maxCategoryShare: 1 });
    const table = [
      '## Without the category cap (comparable to the published baselines)',
      '',
      renderTable(results, catalog.length, baskets.length),
      '',
      '## As served (no aisle fills more than half of a list)',
      '',
      renderTable(served, catalog.length, baskets.length),
    ].join('\n');
    process.stdout.write(`\n${table}\n`);
    const reportFile = path.join(projectRoot, 'reports', 'evaluation.md');
    fs.mkdirSync(path.dirname(reportFile), { recursive: true });
    fs.writeFileSync(reportFile, table + '\n');
    process.stdout.write(`written to ${path.relative(process.cwd(), reportFile)}\n`);
    const beaten = [...results, ...served].every((r) => r.metrics.CART_COMPLETION.hitRate > r.metrics.POPULAR.hitRate && r.metrics.CART_COMPLETION.ndcg > r.metrics.POPULAR.ndcg);
    process.stdout.write(beaten ? 'cart completion beats popularity on HR@10 and NDCG@10 on every split\n' : 'cart completion does NOT beat popularity on every split\n');
    if (!beaten) process.exitCode = 1;
  } finally {
    await host.stop();
    await db.close();
    await infra.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

function renderTable(results: SplitResult[], catalogSize: number, baskets: number): string {
  const lines = [
    `Basket completion on ${path.basename(process.argv[2] ?? 'groceries.csv')}: ${baskets} baskets, ${catalogSize} products; 5 random 80/20 splits by basket, one item hidden per held-out basket with 2+ items.`,
    '',
    '| strategy | split | test baskets | HR@10 | NDCG@10 | MRR | coverage@10 |',
    '|---|---|---|---|---|---|---|',
  ];
  const f = (n: number) => n.toFixed(4);
  for (const strategy of STRATEGIES) {
    for (const r of results) {
      const m = r.metrics[strategy];
      lines.push(`| ${strategy} | ${r.split + 1} | ${r.testCases} | ${f(m.hitRate)} | ${f(m.ndcg)} | ${f(m.mrr)} | ${f(m.coverage)} |`);
    }
    const mean = (key: 'hitRate' | 'ndcg' | 'mrr' | 'coverage') => results.reduce((sum, r) => sum + r.metrics[strategy][key], 0) / results.length;
    lines.push(`| **${strategy}** | **mean** | | **${f(mean('hitRate'))}** | **${f(mean('ndcg'))}** | **${f(mean('mrr'))}** | **${f(mean('coverage'))}** |`);
  }
  const lift = (key: 'hitRate' | 'ndcg') => {
    const avg = (s: EvaluatedStrategy) => results.reduce((sum, r) => sum + r.metrics[s][key], 0) / results.length;
    return ((avg('CART_COMPLETION') / avg('POPULAR') - 1) * 100).toFixed(1);
  };
  lines.push('', `Cart completion vs popularity: HR@10 ${lift('hitRate')} %, NDCG@10 ${lift('ndcg')} % (relative).`);
  return lines.join('\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
