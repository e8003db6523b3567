import { defaultEngineOptions, RecommendationEngine } from '../subgraphs/recommendations/engine/recommendationEngine';
import { mb } from './percentiles';
import { syntheticShop } from './syntheticShop';

// `npm run bench:shoppers`: heap of the engine after 1,000,000 distinct
// (anonymous) shoppers, with the default bound on shopper histories and
// with none, and the size of what a snapshot keeps of them.

const SHOPPERS = Number(process.argv[2] ?? 1_000_000);

function uuid(n: number): string {
  return `5b000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

function run(maxShoppers: number): void {
  const shop = syntheticShop(10_000, 0);
  global.gc?.();
  const before = process.memoryUsage().heapUsed;
  const engine = new RecommendationEngine({ ...defaultEngineOptions, maxShoppers });
  engine.loadCatalog(shop.products);
  const at = Date.UTC(2026, 10, 1);
  const started = Date.now();
  for (let s = 0; s < SHOPPERS; s++) {
    // Two views each: a typical anonymous visit.
    for (let k = 0; k < 2; k++) {
      engine.ingest({ eventId: `e${s}.${k}`, shopperId: uuid(s), type: 'VIEW', productId: shop.products[(s * 7 + k * 13) % shop.products.length]!.productId, basketId: null, occurredAt: at + s });
    }
  }
  global.gc?.();
  const heap = process.memoryUsage().heapUsed - before;
  const snapshotShoppers = engine.toSnapshot().shoppers.ids.length;
  console.log(
    `${SHOPPERS.toLocaleString('en')} distinct shoppers, ${maxShoppers >= SHOPPERS ? 'no bound' : `RECS_MAX_SHOPPERS=${maxShoppers.toLocaleString('en')}`}: ` +
      `${engine.shopperCount.toLocaleString('en')} histories held, engine heap ${mb(heap)}, ${snapshotShoppers.toLocaleString('en')} in the snapshot (${((Date.now() - started) / 1000).toFixed(1)} s to ingest)`,
  );
}

run(defaultEngineOptions.maxShoppers);
run(SHOPPERS);
