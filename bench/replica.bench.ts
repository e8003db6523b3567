import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../platform/config';
import { openDatabase } from '../platform/database/database';
import { migrate } from '../platform/database/migrate';
import { publishEvent } from '../platform/events/publish';
import { createInfrastructure } from '../platform/infrastructure';
import { createLogger } from '../platform/logger';
import { CatalogProjectionRepository } from '../subgraphs/recommendations/data/catalogProjectionRepository';
import { InteractionRepository } from '../subgraphs/recommendations/data/interactionRepository';
import { ModelSnapshotRepository } from '../subgraphs/recommendations/data/modelSnapshotRepository';
import { RecommendationEngine } from '../subgraphs/recommendations/engine/recommendationEngine';
import { EngineHost } from '../subgraphs/recommendations/learning/engineHost';
import { mb, timeMs } from './percentiles';
import { syntheticShop } from './syntheticShop';

// `npm run bench:replica`: how fast a new recommendations replica serves when
// 1,000,000 interactions are stored — it loads the latest snapshot and the
// catalog projection, then learns only what came after the snapshot from the
// stream (10,000 events here). Embedded database and bus, one process: the
// replica is a new EngineHost on the same database and bus.

const PRODUCTS = 10_000;
const STORED = Number(process.argv[2] ?? 1_000_000);
const AFTER = Number(process.argv[3] ?? 10_000);

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'smartcart-bench-replica-'));
  const infra = await createInfrastructure(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }), createLogger('silent'));
  const db = openDatabase(infra.database);
  try {
    await migrate(infra.database);
    const shop = syntheticShop(PRODUCTS, STORED + AFTER);
    const stored = shop.interactions.slice(0, STORED);
    const after = shop.interactions.slice(STORED);

    let started = Date.now();
    const projection = new CatalogProjectionRepository(db.prisma);
    for (let i = 0; i < shop.products.length; i += 500) await projection.upsertProducts(shop.products.slice(i, i + 500));
    const interactions = new InteractionRepository(db.prisma);
    for (let i = 0; i < stored.length; i += 20_000) {
      await interactions.append(
        stored.slice(i, i + 20_000).map((e) => ({
          eventId: e.eventId, shopperId: e.shopperId, type: e.type, productId: e.productId, query: null, recommendationId: null,
          basketId: e.basketId, quantity: null, occurredAt: new Date(e.occurredAt).toISOString(),
        })),
      );
    }
    console.log(`setup: ${PRODUCTS} products, ${(await db.prisma.interaction.count()).toLocaleString('en')} stored interactions (${((Date.now() - started) / 1000).toFixed(0)} s)`);

    // The latest snapshot, as a running replica's training saves it: everything stored, and its stream position.
    started = Date.now();
    const engine = new RecommendationEngine();
    engine.loadCatalog(shop.products);
    for (const e of stored) engine.ingest(e);
    engine.refit();
    const position = await publishEvent(infra.events, 'interactions', 'interaction', {
      eventId: '00000000-0000-4000-8000-0000000000ff', shopperId: '00000000-0000-4000-8000-0000000000fe', type: 'SEARCH', productId: null,
      query: 'milk', recommendationId: null, basketId: null, quantity: null, occurredAt: new Date(engine.lastEventTime).toISOString(),
    });
    const bytes = await new ModelSnapshotRepository(db.prisma).save({ ...engine.toSnapshot(), streamPosition: position });
    console.log(`snapshot: ${(bytes / 1024 / 1024).toFixed(1)} MiB stored (${((Date.now() - started) / 1000).toFixed(0)} s to build)`);
    // What happened after the snapshot, still on the stream.
    for (const e of after) {
      await publishEvent(infra.events, 'interactions', 'interaction', {
        eventId: e.eventId, shopperId: e.shopperId, type: e.type, productId: e.productId, query: null, recommendationId: null,
        basketId: e.basketId, quantity: 1, occurredAt: new Date(e.occurredAt).toISOString(),
      });
    }

    global.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    const replica = new EngineHost({ db, events: infra.events, logger: createLogger('silent'), instanceId: 'bench-new-replica', trainIntervalMs: 0 });
    const startMs = Date.now();
    await replica.start();
    const firstQueryMs = timeMs(() => replica.engine.cartSuggestions([shop.products[0]!.productId, shop.products[1]!.productId], { first: 10 }));
    const serving = Date.now() - startMs;
    global.gc?.();
    const stats = replica.startStats!;
    console.log(
      `new replica with ${STORED.toLocaleString('en')} stored interactions: serving after ${(serving / 1000).toFixed(2)} s ` +
        `(start ${(stats.millis / 1000).toFixed(2)} s from ${stats.source}, ${stats.caughtUp.toLocaleString('en')} later events learned from the stream, first query ${firstQueryMs.toFixed(1)} ms); ` +
        `engine heap ${mb(process.memoryUsage().heapUsed - heapBefore)}, RSS ${mb(process.memoryUsage().rss)}`,
    );
    const { phases } = stats;
    console.log(
      `  start: snapshot read ${(phases.snapshotRead / 1000).toFixed(2)} s, restore ${(phases.restore / 1000).toFixed(2)} s, ` +
        `catalog ${(phases.catalog / 1000).toFixed(2)} s, catch-up ${(phases.catchUp / 1000).toFixed(2)} s`,
    );
    await replica.stop();
  } finally {
    await db.close();
    await infra.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
