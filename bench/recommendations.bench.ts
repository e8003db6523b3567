import { RecommendationEngine } from '../subgraphs/recommendations/engine/recommendationEngine';
import { mb, percentile, timeMs } from './percentiles';
import { syntheticShop } from './syntheticShop';

// `npm run bench:recs`: the engine at the size the requirements name —
// 10,000 products, 1,000,000 interactions — in-process, on this machine.

const PRODUCTS = Number(process.argv[2] ?? 10_000);
const INTERACTIONS = Number(process.argv[3] ?? 1_000_000);

function main(): void {
  const generated = Date.now();
  const shop = syntheticShop(PRODUCTS, INTERACTIONS);
  console.log(`synthetic shop: ${shop.products.length} products, ${shop.interactions.length} interactions (${Date.now() - generated} ms to generate)`);

  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  let peakRss = process.memoryUsage().rss;
  const engine = new RecommendationEngine();
  const rebuildMs = timeMs(() => {
    for (const p of shop.products) engine.applyProduct(p);
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

main();
