import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../../platform/paths';
import { productSnapshots } from '../../../test/support/productSnapshots';
import { defaultEngineOptions, RecommendationEngine } from '../engine/recommendationEngine';
import { WorkerBasketFitter } from './workerBasketFitter';

// A fit in the worker thread gives the very model the event loop would: the
// same weights bit for bit, so the same cart completions. On real baskets:
// the Groceries point-of-sale data (9,835 baskets, 169 items) in ../shared/data.

const baskets = fs
  .readFileSync(path.join(projectRoot, '..', 'shared', 'data', 'groceries.csv'), 'utf8')
  .split('\n')
  .map((line) => [...new Set(line.split(',').map((item) => item.trim()).filter(Boolean))])
  .filter((basket) => basket.length > 0);
const product = productSnapshots({}, 8001);
const products = new Map([...new Set(baskets.flat())].map((name) => [name, product(name)]));

function learned(): RecommendationEngine {
  const engine = new RecommendationEngine({ ...defaultEngineOptions, now: () => Date.UTC(2026, 0, 1) });
  for (const p of products.values()) engine.applyProduct(p);
  baskets.forEach((basket, b) => {
    for (const name of basket) {
      engine.ingest({ eventId: `g${b}-${name}`, shopperId: `s${b % 500}`, type: 'PURCHASE', productId: products.get(name)!.productId, basketId: `b${b}`, occurredAt: Date.UTC(2026, 0, 1) });
    }
  });
  return engine;
}

const fitter = new WorkerBasketFitter();

afterAll(async () => {
  await fitter.close();
});

it('fits in the worker the same model as on the event loop: same weights, same top 10 for real carts', async () => {
  const onLoop = learned();
  onLoop.refit();
  const inWorker = learned();
  const pending = inWorker.prepareRefit();
  const output = await fitter.fit(pending.input);
  // The Gram matrix was handed over, not copied.
  expect(pending.input.gram.length).toBe(0);
  const fitted = inWorker.installRefit(pending, output);
  expect(fitted).not.toBeNull();
  const reference = onLoop.toSnapshot().basketModel!;
  expect(fitted!.core).toEqual(reference.core);
  expect(fitted!.lambda).toBe(reference.lambda);
  expect(Buffer.from(fitted!.weights.buffer).equals(Buffer.from(reference.weights.buffer))).toBe(true);
  const carts = baskets.filter((basket) => basket.length >= 3).slice(0, 50).map((basket) => basket.slice(0, -1).map((name) => products.get(name)!.productId));
  for (const cart of carts) {
    const top = (engine: RecommendationEngine) => engine.cartSuggestions(cart, { first: 10, strict: true }).items.map((r) => [r.productId, r.score]);
    expect(top(inWorker)).toEqual(top(onLoop));
  }
});

it('installs nothing when the counts were replaced while it fitted (a restore)', async () => {
  const engine = learned();
  const pending = engine.prepareRefit();
  const restored = RecommendationEngine.fromSnapshot(engine.toSnapshot());
  const output = await fitter.fit(pending.input);
  expect(restored.installRefit({ ...pending }, output)).toBeNull();
});
