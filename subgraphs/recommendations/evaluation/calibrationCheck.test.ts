import { seededRandom } from '../../../platform/seededRandom';
import { productSnapshots } from '../../../test/support/productSnapshots';
import { CalibrationAccumulator, expectedCalibrationError, thresholdCheck } from './calibration';
import { evaluate, prepareBaskets } from './evaluate';
import type { EvaluationData, PurchasedBasket } from './evaluationData';

// A small deterministic shop whose baskets follow known rules: most are a
// complementary pair (pasta and its sauce), some add a staple, some are
// noise. Cart completion's confidence must mean what it says on it: items it
// is sure of (≥ 0.5) are the held-out item more often than the rest, and the
// stated probabilities are close to the observed ones.

const AISLE = '00000000-0000-4000-8000-00000000a001';
const product = productSnapshots({ categoryId: AISLE, categoryPath: [AISLE] }, 0xca1001);
const pairs = Array.from({ length: 8 }, (_, i) => [product(`Left ${i}`), product(`Right ${i}`)] as const);
const staples = [product('Milk'), product('Bread')];
const noise = Array.from({ length: 10 }, (_, i) => product(`Other ${i}`));
const bag = product('Carrier bag', { sku: 'BAG', kind: 'FEE' });
const catalog = [...pairs.flat(), ...staples, ...noise, bag];

function shop(baskets: number): EvaluationData {
  const random = seededRandom('calibration-check');
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const out: PurchasedBasket[] = [];
  for (let b = 0; b < baskets; b++) {
    const items = new Set<string>();
    if (random() < 0.85) for (const p of pick(pairs)) items.add(p.productId);
    if (random() < 0.3) items.add(pick(staples).productId);
    if (random() < 0.3) items.add(pick(noise).productId);
    if (items.size === 0) items.add(pick(noise).productId);
    // A fee on most baskets: never held out, never recommended.
    if (random() < 0.6) items.add(bag.productId);
    out.push({ basketId: `b${String(b).padStart(5, '0')}`, shopperId: `s${b}`, at: 0, items: [...items] });
  }
  return { name: 'synthetic', source: 'synthetic', catalog, baskets: out };
}

describe('cart completion confidence on a synthetic shop', () => {
  const results = evaluate(shop(1500), { protocol: { kind: 'baskets', splits: 2, seedBase: 7 } });
  const all = new CalibrationAccumulator();
  for (const r of results) all.merge(r.calibration.CART_COMPLETION!);
  const table = all.table();

  it('holds the check: items with confidence ≥ 0.5 are hits at least as often as those below', () => {
    const check = thresholdCheck(table, 0.5);
    // Not vacuous: both sides have items.
    expect(check.above.count).toBeGreaterThan(50);
    expect(check.below.count).toBeGreaterThan(50);
    expect(check.holds).toBe(true);
    expect(check.above.hitRate).toBeGreaterThan(check.below.hitRate);
  });

  it('states probabilities close to the observed hit rates', () => {
    expect(expectedCalibrationError(table)).toBeLessThan(0.1);
  });

  it('leaves the fee out of every basket, so it is neither held out nor context', () => {
    const { ids, baskets } = prepareBaskets(shop(300));
    expect(ids).not.toContain(bag.productId);
    expect(baskets.every((b) => b.length > 0)).toBe(true);
  });
});
