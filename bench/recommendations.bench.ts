import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MemoryCache } from '../platform/cache/memoryCache';
import { loadConfig } from '../platform/config';
import { openDatabase } from '../platform/database/database';
import { migrate } from '../platform/database/migrate';
import { publishEvent } from '../platform/events/publish';
import { createInfrastructure } from '../platform/infrastructure';
import { createLogger } from '../platform/logger';
import { RecommendationEngine } from '../subgraphs/recommendations/engine/recommendationEngine';
import { EngineHost } from '../subgraphs/recommendations/learning/engineHost';
import { RecommendationCache } from '../subgraphs/recommendations/recommendationCache';
import { mb, percentile, timeMs } from './percentiles';
import { syntheticShop } from './syntheticShop';

// `npm run bench:recs`: the engine at the size the requirements name —
// 10,000 products, 1,000,000 interactions — in-process, on this machine.

const PRODUCTS = Number(process.argv[2] ?? 10_000);
const INTERACTIONS = Number(process.argv[3] ?? 1_000_000);

async function main(): Promise<void> {
  const generated = Date.now();
  const shop = syntheticShop(PRODUCTS, INTERACTIONS);
  console.log(`synthetic shop: ${shop.products.length} products, ${shop.interactions.length} interactions (${Date.now() - generated} ms to generate)`);

  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  let peakRss = process.memoryUsage().rss;
  const engine = new RecommendationEngine();
  const rebuildMs = timeMs(() => {
    engine.loadCatalog(shop.products);
    shop.interactions.forEach((interaction, i) => {
      engine.ingest(interaction);
      if (i % 100_000 === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
    });
    engine.refit();
  });
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  global.gc?.();
  const heapAfter = process.memoryUsage().heapUsed;
  console.log(`full rebuild: ${(rebuildMs / 1000).toFixed(1)} s; model heap ${mb(heapAfter - heapBefore)}; peak RSS ${mb(peakRss)}`);

  // Carts of 10 items drawn from real baskets' products.
  const purchased = shop.interactions.filter((i) => i.type === 'PURCHASE').map((i) => i.productId!);
  const carts = Array.from({ length: 500 }, (_, k) => Array.from({ length: 10 }, (_, j) => purchased[(k * 7919 + j * 104729) % purchased.length]!));
  const shopper = { dietaryRestrictions: [], sustainability: 'PREFER' as const, remainingBudgetCents: 2500, location: null };
  for (const cart of carts.slice(0, 50)) engine.cartSuggestions(cart, { first: 10, shopper });
  const uncached = carts.map((cart) => timeMs(() => engine.cartSuggestions(cart, { first: 10, shopper })));
  console.log(`Cart.suggestions, 10-item cart, uncached: p50 ${percentile(uncached, 50).toFixed(2)} ms, p99 ${percentile(uncached, 99).toFixed(2)} ms (${uncached.length} carts)`);

  const cache = new RecommendationCache(new MemoryCache(300), 300);
  for (const cart of carts) await cache.getOrCompute(['cart', cart], engine.cartScopes(cart, shopper), () => engine.cartSuggestions(cart, { first: 10, shopper }));
  const cached: number[] = [];
  for (const cart of carts) {
    const start = process.hrtime.bigint();
    await cache.getOrCompute(['cart', cart], engine.cartScopes(cart, shopper), () => engine.cartSuggestions(cart, { first: 10, shopper }));
    cached.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  console.log(`Cart.suggestions, 10-item cart, cached (in-process cache): p50 ${percentile(cached, 50).toFixed(3)} ms, p99 ${percentile(cached, 99).toFixed(3)} ms`);

  // Incremental learning: a burst of co-purchases of a new pair changes the answer.
  const [a, b] = [shop.products[PRODUCTS - 1]!.productId, shop.products[PRODUCTS - 2]!.productId];
  const before = engine.frequentlyBoughtTogether(a, { first: 1, strict: true }).items[0]?.productId;
  const at = Date.UTC(2026, 10, 1);
  let updates = 0;
  const burstMs = timeMs(() => {
    for (let i = 0; i < 20; i++) {
      const basketId = `00000000-0000-4000-8000-${String(900000000000 + i)}`;
      engine.ingest({ eventId: `b${i}a`, shopperId: 's', type: 'PURCHASE', productId: a, basketId, occurredAt: at });
      engine.ingest({ eventId: `b${i}b`, shopperId: 's', type: 'PURCHASE', productId: b, basketId, occurredAt: at });
      updates += 2;
    }
  });
  const after = engine.frequentlyBoughtTogether(a, { first: 1, strict: true }).items[0]?.productId;
  console.log(`incremental update: ${updates} events in ${burstMs.toFixed(2)} ms (${(burstMs / updates).toFixed(3)} ms per event); frequently-bought-together changed: ${before !== after && after === b}`);
}

/** Event to changed answer through the real path: bus → learning host (stores the event) → engine. */
async function busLatency(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'smartcart-bench-'));
  const infra = await createInfrastructure(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }), createLogger('silent'));
  const db = openDatabase(infra.database);
  const host = new EngineHost({ db, events: infra.events, logger: createLogger('silent'), instanceId: 'bench', trainIntervalMs: 0 });
  try {
    await migrate(infra.database);
    await host.start();
    const shop = syntheticShop(200, 0);
    for (const product of shop.products) await publishEvent(infra.events, 'catalog', 'product.created', product);
    // Measure learning, not the catalog backlog: wait until the projection holds every product.
    while ((await host.projectedProducts()) < shop.products.length) await new Promise((r) => setTimeout(r, 20));
    const ids = shop.products.filter((p) => p.stockQuantity > 0).map((p) => p.productId);
    const samples: number[] = [];
    for (let round = 0; round < 50; round++) {
      // A pair never bought together before: one shared basket makes it the top answer.
      const [a, partner] = [ids[2 * round]!, ids[2 * round + 1]!];
      const basketId = crypto.randomUUID();
      const started = process.hrtime.bigint();
      for (const productId of [a, partner]) {
        await publishEvent(infra.events, 'interactions', 'interaction', {
          eventId: crypto.randomUUID(), shopperId: crypto.randomUUID(), type: 'PURCHASE', productId, query: null,
          recommendationId: null, basketId, quantity: 1, occurredAt: new Date().toISOString(),
        });
      }
      while (host.engine.frequentlyBoughtTogether(a, { first: 1, strict: true }).items[0]?.productId !== partner) {
        if (Number(process.hrtime.bigint() - started) > 10e9) throw new Error('no change within 10 s');
        await new Promise((r) => setImmediate(r));
      }
      samples.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    console.log(`event to changed frequently-bought-together via the bus (embedded, events stored): p50 ${percentile(samples, 50).toFixed(1)} ms, p99 ${percentile(samples, 99).toFixed(1)} ms`);
  } finally {
    await host.stop();
    await db.close();
    await infra.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main()
  .then(busLatency)
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
