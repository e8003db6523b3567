import { nextItemConfidence } from './nextItemConfidence';

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
