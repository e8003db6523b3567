import { seededRandom } from '../../../platform/seededRandom';
import { productSnapshots } from '../../../test/support/productSnapshots';
import { CalibrationAccumulator, expectedCalibrationError, thresholdCheck } from './calibration';
import { evaluate, prepareBaskets, type EvaluatedStrategy } from './evaluate';
import type { EvaluationData, PurchasedBasket } from './evaluationData';

// A small deterministic shop whose baskets follow known rules: most are a
// complementary pair (pasta and its sauce), some add a staple, some are
// noise. Every strategy's confidence must mean what it says on it (the
// probability that the item is the next add): items it is sure of (≥ 0.5)
// are the held-out item more often than the rest, and the stated
// probabilities are close to the observed ones. Real sets have no next item
// that predictable, so this shop is where the ≥ 0.5 check is not vacuous.

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

const STRATEGIES = ['CART_COMPLETION', 'CO_OCCURRENCE', 'SIMILAR', 'POPULAR'] as const satisfies readonly EvaluatedStrategy[];

describe('confidence on a synthetic shop with strong pairs', () => {
  const results = evaluate(shop(1500), { protocol: { kind: 'baskets', splits: 2, seedBase: 7 }, only: STRATEGIES });
  const tableOf = (strategy: EvaluatedStrategy) => {
    const all = new CalibrationAccumulator();
    for (const r of results) all.merge(r.calibration[strategy]!);
    return all.table();
  };

  // The strategies that see the pair (the cart, the anchor's baskets; similar items take the anchor's pair shares) are sure of the partner.
  it.each(['CART_COMPLETION', 'CO_OCCURRENCE', 'SIMILAR'] as const)('%s holds the check: items with confidence ≥ 0.5 are hits at least as often as those below', (strategy) => {
    const check = thresholdCheck(tableOf(strategy), 0.5);
    // Not vacuous: both sides have items.
    expect(check.above.count).toBeGreaterThan(50);
    expect(check.below.count).toBeGreaterThan(50);
    expect(check.holds).toBe(true);
    expect(check.above.hitRate).toBeGreaterThan(check.below.hitRate);
  });

  it.each(STRATEGIES)('%s states probabilities close to the observed hit rates', (strategy) => {
    const table = tableOf(strategy);
    expect(table.reduce((sum, b) => sum + b.count, 0)).toBeGreaterThan(1000);
    // Loose on purpose: here a partner not yet in the cart is always the next item, and every
    // estimate states less (0.6–0.75): it spreads the anchor's pairs over the staples and noise
    // bought with it too. On real baskets the same estimates are within 0.01 (`npm run eval`).
    expect(expectedCalibrationError(table)).toBeLessThan(0.1);
    expect(thresholdCheck(table, 0.5).holds).toBe(true);
  });

  it('states no popular item near certain: a staple in one basket of seven is no sure next add', () => {
    const table = tableOf('POPULAR');
    // The most bought item (a staple in 15 % of baskets) is far from a sure next add.
    expect(table.filter((b) => b.from >= 0.3).reduce((sum, b) => sum + b.count, 0)).toBe(0);
  });

  it('leaves the fee out of every basket, so it is neither held out nor context', () => {
    const { ids, baskets } = prepareBaskets(shop(300));
    expect(ids).not.toContain(bag.productId);
    expect(baskets.every((b) => b.length > 0)).toBe(true);
  });
});
