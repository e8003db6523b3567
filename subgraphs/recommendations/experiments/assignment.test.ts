import { assignVariant, bucketOf } from './assignment';

const variants = [
  { key: 'control', weight: 50 },
  { key: 'fewer-same-aisle', weight: 30 },
  { key: 'popular', weight: 20 },
];

describe('assignVariant', () => {
  it('gives a shopper the same variant every time', () => {
    for (let i = 0; i < 50; i++) {
      const shopper = `shopper-${i}`;
      expect(assignVariant('exp-1', shopper, variants).key).toBe(assignVariant('exp-1', shopper, [...variants]).key);
    }
    expect(bucketOf('exp-1', 'a')).toBe(bucketOf('exp-1', 'a'));
  });

  it('splits traffic by weight', () => {
    const counts = new Map<string, number>();
    const n = 30_000;
    for (let i = 0; i < n; i++) {
      const key = assignVariant('exp-split', `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, variants).key;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    // Each share within 1.5 points of its weight (the binomial sd is under 0.3 points here).
    expect(counts.get('control')! / n).toBeCloseTo(0.5, 1);
    for (const { key, weight } of variants) expect(Math.abs(counts.get(key)! / n - weight / 100)).toBeLessThan(0.015);
  });

  it('assigns independently in different experiments', () => {
    const half = [
      { key: 'a', weight: 1 },
      { key: 'b', weight: 1 },
    ];
    let same = 0;
    const n = 10_000;
    for (let i = 0; i < n; i++) if (assignVariant('exp-x', `s${i}`, half).key === assignVariant('exp-y', `s${i}`, half).key) same += 1;
    expect(Math.abs(same / n - 0.5)).toBeLessThan(0.03);
  });

  it('refuses an experiment without traffic', () => {
    expect(() => assignVariant('e', 's', [])).toThrow();
    expect(() => assignVariant('e', 's', [{ key: 'a', weight: 0 }])).toThrow();
  });
});
