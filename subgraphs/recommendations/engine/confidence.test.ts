import { clampConfidence, monotoneInScore, nextItemConfidence, PRIOR_STRENGTH, smoothedShare } from './confidence';

describe('smoothedShare', () => {
  it('is the prior with no observations and approaches the observed share as they grow', () => {
    expect(smoothedShare(0, 0, 0.1)).toBeCloseTo(0.1, 12);
    expect(smoothedShare(30, 100, 0.1)).toBeCloseTo((30 + PRIOR_STRENGTH * 0.1) / (100 + PRIOR_STRENGTH), 12);
    expect(smoothedShare(30_000, 100_000, 0.1)).toBeCloseTo(0.3, 4);
  });

  it('never states certainty from a few observations', () => {
    // One basket, one pair: seen every time, but once.
    expect(smoothedShare(1, 1, 0.05)).toBeLessThan(0.25);
    expect(smoothedShare(3, 3, 0.05)).toBeLessThan(0.5);
    expect(smoothedShare(1000, 1000, 0.05)).toBeGreaterThan(0.95);
    expect(smoothedShare(1000, 1000, 0.05)).toBeLessThan(1);
  });

  it('stays in [0, 1] whatever it is given', () => {
    expect(smoothedShare(-3, 10, 0.5)).toBeGreaterThanOrEqual(0);
    expect(smoothedShare(20, 10, 2)).toBeLessThanOrEqual(1);
    expect(smoothedShare(0, 0, 0, 0)).toBe(0);
    expect(clampConfidence(Number.NaN)).toBe(0);
  });
});

describe('monotoneInScore', () => {
  it('leaves estimates that already fall with the score as they are', () => {
    expect(monotoneInScore([0.4, 0.2, 0.2, 0.1])).toEqual([0.4, 0.2, 0.2, 0.1]);
  });

  it('pools a run that rises against the score into its mean, keeping the total', () => {
    const out = monotoneInScore([0.1, 0.3, 0.05, 0.2, 0.01]);
    expect(out.map((v) => Number(v.toFixed(6)))).toEqual([0.2, 0.2, 0.125, 0.125, 0.01]);
    expect(out.reduce((a, b) => a + b, 0)).toBeCloseTo(0.66, 12);
    for (let k = 1; k < out.length; k++) expect(out[k]!).toBeLessThanOrEqual(out[k - 1]!);
  });

  it('clamps into [0, 1] and handles an empty list', () => {
    expect(monotoneInScore([])).toEqual([]);
    expect(monotoneInScore([1.5, -1])).toEqual([1, 0]);
  });
});

describe('nextItemConfidence', () => {
  const scores = Float64Array.from([0.6, 0.3, -0.2, 0.1, 0.5]);
  // Item 4 is in the cart: it cannot be the next item added.
  const eligible = (i: number) => i !== 4;

  it('normalises positive scores of the items that could be added into one distribution', () => {
    const p = nextItemConfidence(scores, eligible);
    expect([0, 1, 2, 3, 4].map(p)).toEqual([0.6, 0.3, 0, 0.1, 0].map((v) => expect.closeTo(v, 12)));
  });

  it('keeps the order of the scores and sharpens with an exponent', () => {
    const p = nextItemConfidence(scores, eligible, 2);
    const total = 0.36 + 0.09 + 0.01;
    expect(p(0)).toBeCloseTo(0.36 / total, 12);
    expect(p(0)).toBeGreaterThan(p(1));
    expect(p(1)).toBeGreaterThan(p(3));
    expect(p(0) + p(1) + p(3)).toBeCloseTo(1, 12);
  });

  it('is 0 everywhere when nothing has a positive score', () => {
    const p = nextItemConfidence(Float64Array.from([0, -1]), () => true);
    expect([p(0), p(1)]).toEqual([0, 0]);
  });
});
