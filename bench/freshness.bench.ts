import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { loadConfig } from '../platform/config';
import { openDatabase } from '../platform/database/database';
import { migrate } from '../platform/database/migrate';
import { publishEvent } from '../platform/events/publish';
import { compareStreamIds } from '../platform/events/streamIds';
import { createInfrastructure } from '../platform/infrastructure';
import { createLogger } from '../platform/logger';
import { CatalogProjectionRepository } from '../subgraphs/recommendations/data/catalogProjectionRepository';
import { ModelSnapshotRepository } from '../subgraphs/recommendations/data/modelSnapshotRepository';
import { RecommendationEngine } from '../subgraphs/recommendations/engine/recommendationEngine';
import { inThreadBasketFitter, type BasketFitter } from '../subgraphs/recommendations/learning/basketFitter';
import { EngineHost } from '../subgraphs/recommendations/learning/engineHost';
import { WorkerBasketFitter } from '../subgraphs/recommendations/learning/workerBasketFitter';
import { instacartBaskets, instacartProductId, instacartProductSnapshots } from './instacartOrders';
import { percentile } from './percentiles';

// `npm run bench:freshness [-- <copies> <seconds> <baskets per second>]`: how
// soon the basket model reflects new purchases, with the refit policy of the
// configuration (RECS_REFIT_* as set in the environment, else the defaults).
// A real history is loaded: the Instacart sample of ../shared/data (973
// orders, 8,976 lines, 2,861 products), `copies` times over (default 111:
// about 1,000,000 purchases), restored by an EngineHost from a snapshot on
// the embedded database and bus, as a replica starts. Then the sample's
// baskets are replayed as new purchases on the interactions stream for
// `seconds` at the given rate, and for each one the time is taken from its
// publish to the first cart completion answered by a basket model fitted on
// it. Last, one fit at the loaded size in the worker thread and one on the
// event loop, with the event loop's delay and requests answered meanwhile.

const COPIES = Number(process.argv[2] ?? 111);
const SECONDS = Number(process.argv[3] ?? 120);
const RATE = Number(process.argv[4] ?? 2);
const HISTORY_START = Date.UTC(2026, 0, 1);

const ms = (value: number) => `${Math.round(value).toLocaleString('en')} ms`;
const summary = (samples: number[]) => `p50 ${ms(percentile(samples, 50))}, p99 ${ms(percentile(samples, 99))}, max ${ms(Math.max(...samples))} (${samples.length})`;

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'smartcart-bench-freshness-'));
  const config = loadConfig({ ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
  const infra = await createInfrastructure(config, createLogger('silent'));
  const db = openDatabase(infra.database);
  const fitter = new WorkerBasketFitter();
  let host: EngineHost | undefined;
  try {
    await migrate(infra.database);
    const policy = { afterPurchases: config.recommendations.refitAfterPurchases, maxStalenessMs: config.recommendations.refitMaxStalenessMs };
    console.log(`refit policy: after ${policy.afterPurchases} purchases, or at ${policy.maxStalenessMs / 1000} s with one; ${os.cpus().length} cores, load ${os.loadavg()[0]!.toFixed(1)}`);

    // The history, as the snapshot of a replica that has learned it.
    let started = performance.now();
    const products = instacartProductSnapshots();
    const baskets = instacartBaskets();
    const projection = new CatalogProjectionRepository(db.prisma);
    for (let i = 0; i < products.length; i += 500) await projection.upsertProducts(products.slice(i, i + 500));
    started = performance.now();
    const engine = new RecommendationEngine();
    for (const product of products) engine.applyProduct(product);
    let lines = 0;
    for (let copy = 0; copy < COPIES; copy++) {
      baskets.forEach((basket, b) => {
        const basketId = `h${copy}-${b}`;
        const occurredAt = HISTORY_START + (copy * baskets.length + b) * 60_000;
        basket.forEach((item, k) => {
          engine.ingest({ eventId: `${basketId}-${k}`, shopperId: `c${copy}-${b % 64}`, type: 'PURCHASE', productId: instacartProductId(item), basketId, occurredAt });
          lines += 1;
        });
      });
    }
    const learnMs = performance.now() - started;
    started = performance.now();
    engine.refit();
    const loopFitMs = performance.now() - started;
    const position = await publishEvent(infra.events, 'interactions', 'interaction', {
      eventId: '00000000-0000-4000-8000-0000000f0001', shopperId: '00000000-0000-4000-8000-0000000f0002', type: 'SEARCH', productId: null,
      query: 'milk', recommendationId: null, basketId: null, quantity: null, occurredAt: new Date(engine.lastEventTime).toISOString(),
    });
    await new ModelSnapshotRepository(db.prisma).save({ ...engine.toSnapshot(), streamPosition: position });
    console.log(`history: ${lines.toLocaleString('en')} purchases in ${(baskets.length * COPIES).toLocaleString('en')} baskets over ${products.length.toLocaleString('en')} products (${COPIES}× the Instacart sample), learned in ${ms(learnMs)}; basket model core ${engine.basketModelFreshness.coreSize} items, first fit ${ms(loopFitMs)}`);

    host = new EngineHost({ db, events: infra.events, logger: createLogger('silent'), instanceId: 'bench-freshness', trainIntervalMs: 0, refitPolicy: policy, fitter });
    await host.start();
    const live = host;
    console.log(`replica started from the snapshot in ${ms(live.startStats!.millis)} (${live.startStats!.source})`);

    // New purchases: the sample's baskets again, as new orders, at RATE baskets/s.
    interface Tracked { published: number; last: string; first: string; number?: number; learnedAfter?: number }
    const waiting: Tracked[] = [];
    const learned: number[] = [];
    const reflected: number[] = [];
    const fitMillis: number[] = [];
    let fits = live.basketModelStatus().fits;
    let contained = 0;
    const tracker = setInterval(() => {
      const now = performance.now();
      const position = live.streamPosition;
      const status = live.basketModelStatus();
      if (status.fits !== fits) {
        fits = status.fits;
        if (status.lastFitMillis !== null) fitMillis.push(status.lastFitMillis);
      }
      const freshness = live.engine.basketModelFreshness;
      for (let i = waiting.length - 1; i >= 0; i--) {
        const basket = waiting[i]!;
        if (basket.number === undefined) {
          if (!position || compareStreamIds(position, basket.last) < 0) continue;
          // Every line learned by now: its number is at most the count so far.
          basket.number = freshness.purchasesLearned;
          learned.push(now - basket.published);
        }
        if (freshness.purchasesFitted >= basket.number) {
          const answer = live.engine.cartSuggestions([basket.first], { first: 10 });
          reflected.push(performance.now() - basket.published);
          if (answer.items.length > 0) contained += 1;
          waiting.splice(i, 1);
        }
      }
    }, 10);
    const streamStart = performance.now();
    let sent = 0;
    while (performance.now() - streamStart < SECONDS * 1000) {
      const basket = baskets[sent % baskets.length]!;
      const basketId = `00000000-0000-4000-9000-${String(sent).padStart(12, '0')}`;
      const published = performance.now();
      let last = '';
      for (const [k, item] of basket.entries()) {
        last = await publishEvent(infra.events, 'interactions', 'interaction', {
          eventId: `00000000-0000-4000-a000-${String(sent * 100 + k).padStart(12, '0')}`, shopperId: `00000000-0000-4000-b000-${String(sent % 64).padStart(12, '0')}`,
          type: 'PURCHASE', productId: instacartProductId(item), query: null, recommendationId: null, basketId, quantity: 1, occurredAt: new Date().toISOString(),
        });
      }
      waiting.push({ published, last, first: instacartProductId(basket[0]!) });
      sent += 1;
      const next = streamStart + (sent * 1000) / RATE;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - performance.now())));
    }
    const drainUntil = performance.now() + 180_000;
    while (waiting.length > 0 && performance.now() < drainUntil) await new Promise((resolve) => setTimeout(resolve, 50));
    clearInterval(tracker);
    if (waiting.length > 0) throw new Error(`${waiting.length} baskets not reflected within 180 s after the stream ended`);
    const status = live.basketModelStatus();
    console.log(`streamed ${sent} baskets (${Math.round((sent * 9.23) / SECONDS)} purchases/s) for ${SECONDS} s; ${status.fits} background fits, ${status.failures} failed`);
    console.log(`(a) purchase → learned (newer-pairs part of cart completion): ${summary(learned)}`);
    console.log(`(a) purchase → cart completion answered by a basket model fitted on it: ${summary(reflected)}; ${contained} of ${reflected.length} answers non-empty`);
    if (fitMillis.length > 0) console.log(`(b) background fits while streaming (counts taken → model swapped in): ${summary(fitMillis)}`);
    await host.stop();
    host = undefined;

    // The same fit at the loaded size, in the worker and on the event loop, while "requests" (cart completions) keep coming.
    const cart = baskets[0]!.slice(0, 5).map(instacartProductId);
    for (const [label, where] of [['worker thread', fitter], ['event loop', inThreadBasketFitter]] as [string, BasketFitter][]) {
      const delay = monitorEventLoopDelay({ resolution: 10 });
      const latencies: number[] = [];
      let due = performance.now();
      const requests = setInterval(() => {
        const begun = performance.now();
        engine.cartSuggestions(cart, { first: 10 });
        // From when it was due (every 20 ms) to its answer: what a request waits behind a blocked loop.
        latencies.push(performance.now() - Math.min(due, begun));
        due = begun + 20;
      }, 20);
      delay.enable();
      // A blocked loop records its delay when it turns again: the window starts and ends with turns.
      await new Promise((resolve) => setTimeout(resolve, 100));
      const begun = performance.now();
      const pending = engine.prepareRefit();
      const prepareMs = performance.now() - begun;
      const output = await where.fit(pending.input);
      engine.installRefit(pending, output);
      const fitMs = performance.now() - begun;
      await new Promise((resolve) => setTimeout(resolve, 100));
      delay.disable();
      clearInterval(requests);
      console.log(
        `(b/c) fit in the ${label}: ${ms(fitMs)} (counts taken on the event loop: ${ms(prepareMs)}); event-loop delay p50 ${ms(delay.percentile(50) / 1e6)}, p99 ${ms(delay.percentile(99) / 1e6)}, max ${ms(delay.max / 1e6)}; ` +
          `${latencies.length} cart completions answered meanwhile, latency p99 ${ms(percentile(latencies, 99))}, max ${ms(Math.max(...latencies))}`,
      );
    }
  } finally {
    await host?.stop();
    await fitter.close();
    await db.close();
    await infra.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
