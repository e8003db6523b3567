import { fitEase, invertSymmetricPositiveDefinite } from './ease';

describe('invertSymmetricPositiveDefinite', () => {
  it('inverts a known matrix', () => {
    // [[4,2],[2,3]]⁻¹ = 1/8 · [[3,-2],[-2,4]]
    const inverse = invertSymmetricPositiveDefinite(Float64Array.from([4, 2, 2, 3]), 2);
    expect(Array.from(inverse)).toEqual([0.375, -0.25, -0.25, 0.5].map((v) => expect.closeTo(v, 12)));
  });

  it('gives the identity when multiplied back, for a larger random SPD matrix', () => {
    const n = 30;
    const m = Array.from({ length: n * n }, (_, k) => Math.sin(k * 12.9898) * 0.5);
    const a = new Float64Array(n * n);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        let s = i === j ? n : 0;
        for (let k = 0; k < n; k++) s += m[i * n + k]! * m[j * n + k]!;
        a[i * n + j] = s;
      }
    const inverse = invertSymmetricPositiveDefinite(Float64Array.from(a), n);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let k = 0; k < n; k++) s += a[i * n + k]! * inverse[k * n + j]!;
        expect(s).toBeCloseTo(i === j ? 1 : 0, 9);
      }
  });

  it('refuses a matrix that is not positive definite', () => {
    expect(() => invertSymmetricPositiveDefinite(Float64Array.from([1, 2, 2, 1]), 2)).toThrow(/positive definite/);
  });
});

describe('fitEase', () => {
  it('has a zero diagonal and learns that co-bought items predict each other', () => {
    // Items 0 and 1 always together; item 2 alone.
    const gram = Float64Array.from([10, 10, 0, 10, 10, 0, 0, 0, 10]);
    const b = fitEase(gram, 3, 1);
    expect([b[0], b[4], b[8]]).toEqual([0, 0, 0]);
    expect(b[0 * 3 + 1]).toBeGreaterThan(0.4);
    expect(b[0 * 3 + 2]).toBeCloseTo(0, 12);
  });
});
