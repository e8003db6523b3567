import { CalibrationAccumulator, expectedCalibrationError, thresholdCheck } from './calibration';
import { catalogCoverage, RankingAccumulator, selfInformation } from './rankingMetrics';

describe('catalogCoverage', () => {
  it('is the share of catalog items recommended at least once, counting each once and ignoring unknown ids', () => {
    const catalog = new Set(['a', 'b', 'c', 'd']);
    expect(catalogCoverage(['a', 'a', 'b', 'zz'], catalog)).toBe(0.5);
    expect(catalogCoverage([], catalog)).toBe(0);
    expect(catalogCoverage(['a'], new Set())).toBe(0);
  });
});

describe('selfInformation', () => {
  it('is −log2 of the share of baskets holding the item', () => {
    expect(selfInformation(1024, 1024)).toBe(0);
    expect(selfInformation(256, 1024)).toBe(2);
    expect(selfInformation(1, 1024)).toBe(10);
    // Never bought in training: counted as once, so it stays finite.
    expect(selfInformation(0, 1024)).toBe(10);
  });
});

describe('RankingAccumulator', () => {
  it('computes HR@k, NDCG@k, MRR@k, coverage and novelty of served lists', () => {
    const catalog = new Set(['a', 'b', 'c', 'd', 'e']);
    const bits: Record<string, number> = { a: 1, b: 2, c: 3, d: 4, e: 5 };
    const acc = new RankingAccumulator(2, catalog, (id) => bits[id]!);
    acc.add(['a', 'b', 'c'], 'a'); // rank 1 (c is beyond k and ignored)
    acc.add(['a', 'b'], 'b'); // rank 2
    acc.add(['a', 'd'], 'e'); // miss
    acc.add(['a', 'b'], 'c'); // miss
    const m = acc.result();
    expect(m.cases).toBe(4);
    expect(m.hitRate).toBe(0.5);
    expect(m.ndcg).toBeCloseTo((1 + 1 / Math.log2(3)) / 4, 12);
    expect(m.mrr).toBeCloseTo((1 + 0.5) / 4, 12);
    expect(m.coverage).toBe(3 / 5); // a, b, d
    expect(m.novelty).toBeCloseTo((1 + 2 + 1 + 2 + 1 + 4 + 1 + 2) / 8, 12);
  });
});

describe('calibration', () => {
  // Hand-made: 4 predictions at 0.1 (1 hit), 2 at 0.6 (2 hits), 4 at 0.9 (3 hits).
  function handMade(): CalibrationAccumulator {
    const acc = new CalibrationAccumulator([0, 0.5, 1]);
    for (const hit of [true, false, false, false]) acc.add(0.1, hit);
    for (const hit of [true, true]) acc.add(0.6, hit);
    for (const hit of [true, true, true, false]) acc.add(0.9, hit);
    return acc;
  }

  it('counts predictions per bucket with their mean confidence and hit rate', () => {
    const [low, high] = handMade().table();
    expect(low).toEqual({ from: 0, to: 0.5, count: 4, hits: 1, meanConfidence: expect.closeTo(0.1, 12), hitRate: 0.25 });
    expect(high).toEqual({ from: 0.5, to: 1, count: 6, hits: 5, meanConfidence: expect.closeTo(0.8, 12), hitRate: expect.closeTo(5 / 6, 12) });
  });

  it('puts a confidence of exactly 1 in the last bucket and an edge value in the bucket it starts', () => {
    const acc = new CalibrationAccumulator([0, 0.5, 1]);
    acc.add(1, true);
    acc.add(0.5, false);
    acc.add(0, false);
    expect(acc.table().map((b) => b.count)).toEqual([1, 2]);
  });

  it('computes the expected calibration error as the count-weighted gap', () => {
    // low: |0.1 − 0.25| = 0.15 over 4; high: |0.8 − 5/6| = 1/30 over 6.
    expect(expectedCalibrationError(handMade().table())).toBeCloseTo((4 / 10) * 0.15 + (6 / 10) * (1 / 30), 12);
    expect(expectedCalibrationError(new CalibrationAccumulator().table())).toBe(0);
  });

  it('is 0 for a perfectly calibrated set', () => {
    const acc = new CalibrationAccumulator([0, 0.5, 1]);
    for (let i = 0; i < 4; i++) acc.add(0.25, i === 0);
    for (let i = 0; i < 4; i++) acc.add(0.75, i !== 0);
    expect(expectedCalibrationError(acc.table())).toBe(0);
  });

  it('checks that items at or above 0.5 are hits at least as often as those below', () => {
    const check = thresholdCheck(handMade().table(), 0.5);
    expect(check.above).toEqual({ count: 6, hitRate: expect.closeTo(5 / 6, 12) });
    expect(check.below).toEqual({ count: 4, hitRate: 0.25 });
    expect(check.holds).toBe(true);

    const inverted = new CalibrationAccumulator([0, 0.5, 1]);
    inverted.add(0.9, false);
    inverted.add(0.1, true);
    expect(thresholdCheck(inverted.table(), 0.5).holds).toBe(false);
    expect(() => thresholdCheck(inverted.table(), 0.3)).toThrow('no bucket starts at 0.3');
  });

  it('merges accumulators with the same edges only', () => {
    const a = handMade();
    a.merge(handMade());
    expect(a.table().map((b) => b.count)).toEqual([8, 12]);
    expect(() => a.merge(new CalibrationAccumulator())).toThrow('different bucket edges');
  });
});
