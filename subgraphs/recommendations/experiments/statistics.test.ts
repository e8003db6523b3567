import { criticalValue, meanInterval, normalCdf, normalQuantile, twoMeanZTest, twoProportionZTest, wilsonInterval } from './statistics';

describe('normal distribution', () => {
  it('matches tabulated values', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.96)).toBeCloseTo(0.9750021, 6);
    expect(normalCdf(-2.5758)).toBeCloseTo(0.005, 5);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 6);
    expect(normalQuantile(0.005)).toBeCloseTo(-2.575829, 6);
    expect(criticalValue(0.95)).toBeCloseTo(1.959964, 6);
    expect(criticalValue(0.99)).toBeCloseTo(2.575829, 6);
  });

  it('refuses probabilities outside (0, 1)', () => {
    expect(() => normalQuantile(0)).toThrow(RangeError);
    expect(() => normalQuantile(1)).toThrow(RangeError);
  });
});

describe('wilsonInterval', () => {
  it('matches the published Wilson interval', () => {
    // 5 of 10: (0.2366, 0.7634); 0 of 10: (0, 0.2775); 81 of 263: (0.2553, 0.3662).
    expect(wilsonInterval(5, 10)).toMatchObject({ rate: 0.5, low: expect.closeTo(0.2366, 4), high: expect.closeTo(0.7634, 4) });
    expect(wilsonInterval(0, 10)).toMatchObject({ rate: 0, low: 0, high: expect.closeTo(0.2775, 4) });
    expect(wilsonInterval(81, 263)).toMatchObject({ low: expect.closeTo(0.2553, 4), high: expect.closeTo(0.3662, 4) });
    expect(wilsonInterval(10, 10)).toMatchObject({ rate: 1, high: 1, low: expect.closeTo(0.7225, 4) });
  });

  it('stays within [0, 1] and narrows with more trials', () => {
    const small = wilsonInterval(1, 20);
    const large = wilsonInterval(100, 2000);
    expect(small.low).toBeGreaterThanOrEqual(0);
    expect(large.high - large.low).toBeLessThan(small.high - small.low);
    expect(wilsonInterval(0, 0)).toEqual({ successes: 0, trials: 0, rate: 0, low: 0, high: 1 });
  });

  it('refuses impossible counts', () => {
    expect(() => wilsonInterval(3, 2)).toThrow(RangeError);
    expect(() => wilsonInterval(-1, 2)).toThrow(RangeError);
  });
});

describe('meanInterval', () => {
  it('is mean ± z·s/√n from a sum and a sum of squares', () => {
    const values = [1, 2, 3, 4, 5];
    const m = meanInterval(values.length, 15, values.reduce((s, v) => s + v * v, 0));
    expect(m.mean).toBe(3);
    expect(m.sd).toBeCloseTo(Math.sqrt(2.5), 10);
    expect(m.low).toBeCloseTo(3 - 1.959964 * Math.sqrt(2.5 / 5), 5);
    expect(m.high).toBeCloseTo(3 + 1.959964 * Math.sqrt(2.5 / 5), 5);
    expect(meanInterval(0, 0, 0)).toMatchObject({ n: 0, mean: 0 });
  });
});

describe('twoProportionZTest', () => {
  it('computes the pooled z and the two-sided p-value', () => {
    // 200/1000 vs 250/1000: pooled 0.225, z = 0.05 / sqrt(0.225·0.775·0.002) = 2.6774, p = 0.00742.
    const result = twoProportionZTest({ successes: 200, trials: 1000 }, { successes: 250, trials: 1000 }, 0.05);
    expect(result.z).toBeCloseTo(2.6774, 3);
    expect(result.pValue).toBeCloseTo(0.00742, 4);
    expect(result.relativeLift).toBeCloseTo(0.25, 10);
    expect(result.significant).toBe(true);
    expect(twoProportionZTest({ successes: 200, trials: 1000 }, { successes: 250, trials: 1000 }, 0.005).significant).toBe(false);
  });

  it('is symmetric and undefined without data', () => {
    const a = twoProportionZTest({ successes: 30, trials: 400 }, { successes: 20, trials: 400 }, 0.05);
    const b = twoProportionZTest({ successes: 20, trials: 400 }, { successes: 30, trials: 400 }, 0.05);
    expect(a.pValue).toBeCloseTo(b.pValue!, 12);
    expect(a.z).toBeCloseTo(-b.z!, 12);
    expect(twoProportionZTest({ successes: 0, trials: 0 }, { successes: 1, trials: 10 }, 0.05)).toMatchObject({ z: null, pValue: null, significant: false });
    expect(twoProportionZTest({ successes: 0, trials: 10 }, { successes: 0, trials: 10 }, 0.05)).toMatchObject({ z: null, significant: false });
  });
});

describe('twoMeanZTest', () => {
  it('is Welch’s statistic with unpooled variances', () => {
    const control = meanInterval(100, 100, 200); // mean 1, var (200 − 100)/99
    const treatment = meanInterval(100, 150, 400); // mean 1.5, var (400 − 225)/99
    const result = twoMeanZTest(control, treatment, 0.05);
    const se = Math.sqrt(100 / 99 / 100 + 175 / 99 / 100);
    expect(result.z).toBeCloseTo(0.5 / se, 10);
    expect(result.significant).toBe(result.pValue! < 0.05);
    expect(twoMeanZTest(meanInterval(1, 1, 1), treatment, 0.05).pValue).toBeNull();
  });
});
