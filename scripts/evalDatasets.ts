import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { instacartDir, instacartOrderLinesCsv, instacartProductsJson } from '../bench/instacartOrders';
import { loadConfigOrExit } from '../platform/config';
import { openDatabase } from '../platform/database/database';
import { migrate } from '../platform/database/migrate';
import { createInfrastructure } from '../platform/infrastructure';
import { OutboxRelay } from '../platform/events/outbox/outboxRelay';
import { createLogger } from '../platform/logger';
import { projectRoot } from '../platform/paths';
import { CatalogProjectionRepository } from '../subgraphs/recommendations/data/catalogProjectionRepository';
import { InteractionRepository } from '../subgraphs/recommendations/data/interactionRepository';
import type { EvaluationData, PurchasedBasket } from '../subgraphs/recommendations/evaluation/evaluationData';
import { EngineHost } from '../subgraphs/recommendations/learning/engineHost';
import { runImport } from './import';

// The purchase-history sets of ../shared/data that `npm run eval` can run on,
// each brought in through the product's own import path into a scratch
// embedded database and learned by the recommendations subgraph from the event
// stream, as in production. What comes out is what the subgraph stored: the
// catalog projection (with each product's kind, so fees are known) and the
// stored purchases grouped into baskets.

export const DATASETS = ['groceries', 'instacart'] as const;
export type DatasetName = (typeof DATASETS)[number];

const sharedData = path.join(projectRoot, '..', 'shared', 'data');

export async function loadDataset(name: DatasetName, log: (line: string) => void): Promise<EvaluationData> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'smartcart-eval-'));
  const files = fs.mkdtempSync(path.join(os.tmpdir(), 'smartcart-eval-files-'));
  const config = loadConfigOrExit({ DATA_DIR: dataDir, LOG_LEVEL: 'warn', SEED_DEMO_DATA: 'false', RECS_TRAIN_INTERVAL_SECONDS: '0' });
  const logger = createLogger(config.logLevel);
  const infra = await createInfrastructure(config, logger);
  const db = openDatabase(infra.database);
  const host = new EngineHost({ db, events: infra.events, logger, instanceId: 'eval', trainIntervalMs: 0 });
  // The import writes its events to the products' and shoppers' outboxes; these relays stand for a running API's.
  const relays = (['catalog', 'shoppers'] as const).map((schema) => new OutboxRelay(db.prisma, schema, infra.events, config.outbox, logger));
  try {
    await migrate(infra.database);
    await host.start();
    for (const relay of relays) relay.start();
    const started = Date.now();
    let expected: number;
    let source: string;
    if (name === 'groceries') {
      source = path.join(sharedData, 'groceries.csv');
      const report = await runImport(infra, source, 'baskets');
      if (report.errors.length > 0 || !report.baskets) throw new Error(`import failed: ${JSON.stringify(report.errors.slice(0, 5))}`);
      log(`${name}: imported ${report.created} products and ${report.baskets.orders} baskets (${report.baskets.events} purchase events) in ${Date.now() - started} ms`);
      expected = report.baskets.events;
    } else {
      source = instacartDir;
      const productsFile = path.join(files, 'instacart-products.json');
      fs.writeFileSync(productsFile, instacartProductsJson());
      const products = await runImport(infra, productsFile);
      if (products.errors.length > 0) throw new Error(`import failed: ${JSON.stringify(products.errors.slice(0, 5))}`);
      const ordersFile = path.join(files, 'instacart-orders.csv');
      fs.writeFileSync(ordersFile, instacartOrderLinesCsv(1).csv);
      const report = await runImport(infra, ordersFile);
      if (report.errors.length > 0 || !report.orders) throw new Error(`import failed: ${JSON.stringify(report.errors.slice(0, 5))}`);
      log(`${name}: imported ${products.created} products and ${report.orders.orders.created} orders (${report.orders.events} purchase events) in ${Date.now() - started} ms`);
      expected = report.orders.events;
    }

    // The recommendations subgraph learns them from the bus, as it would in production.
    for (let stored = 0; stored < expected; ) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      stored = await db.prisma.interaction.count({ where: { type: 'PURCHASE' } });
      if (process.stdout.isTTY) process.stdout.write(`\rlearned ${stored}/${expected} purchase events`);
    }
    if (process.stdout.isTTY) process.stdout.write('\n');
    log(`${name}: learned ${expected} purchase events from the stream in ${Date.now() - started} ms`);

    const catalog = await new CatalogProjectionRepository(db.prisma).loadProducts();
    const byBasket = new Map<string, PurchasedBasket>();
    for await (const page of new InteractionRepository(db.prisma).all()) {
      for (const interaction of page) {
        if (interaction.type !== 'PURCHASE' || !interaction.basketId || !interaction.productId) continue;
        const basket = byBasket.get(interaction.basketId) ?? { basketId: interaction.basketId, shopperId: interaction.shopperId, at: interaction.occurredAt, items: [] };
        if (!basket.items.includes(interaction.productId)) basket.items.push(interaction.productId);
        basket.at = Math.min(basket.at, interaction.occurredAt);
        byBasket.set(interaction.basketId, basket);
      }
    }
    // A stable order (basket ids are derived from the file), so splits are reproducible.
    const baskets = [...byBasket.values()].sort((a, b) => a.basketId.localeCompare(b.basketId));
    return { name, source: path.relative(projectRoot, source), catalog, baskets };
  } finally {
    for (const relay of relays) await relay.stop();
    await host.stop();
    await db.close();
    await infra.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(files, { recursive: true, force: true });
  }
}
