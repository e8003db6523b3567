import { basketSplit, userSplit } from './basketSplits';

describe('basketSplit', () => {
  const baskets = Array.from({ length: 50 }, (_, i) => (i % 5 === 0 ? [i] : [i, i + 100, i + 200]));

  it('is the same for the same seed, trains on 80 % and hides one item of each held-out basket with 2+ items', () => {
    const a = basketSplit(baskets, 3);
    expect(basketSplit(baskets, 3)).toEqual(a);
    expect(a.train).toHaveLength(40);
    const held = baskets.map((_, i) => i).filter((i) => !a.train.includes(i));
    expect(a.test.map((c) => c.basket).sort((x, y) => x - y)).toEqual(held.filter((i) => baskets[i]!.length >= 2));
    for (const c of a.test) expect([...c.context, c.hidden].sort((x, y) => x - y)).toEqual(baskets[c.basket]);
  });
});

describe('userSplit', () => {
  // Ten shoppers with three baskets each; the latest basket is listed first.
  const shopperOf = Array.from({ length: 30 }, (_, i) => `s${i % 10}`);
  const at = Array.from({ length: 30 }, (_, i) => 100 - i);
  const baskets = Array.from({ length: 30 }, (_, i) => [i, i + 100]);

  it("holds out the latest basket of 20 % of the shoppers and trains on everything else, theirs included", () => {
    const { train, test } = userSplit(baskets, shopperOf, at, 5);
    expect(test).toHaveLength(2);
    for (const c of test) {
      const shopper = shopperOf[c.basket]!;
      const theirs = shopperOf.map((s, i) => (s === shopper ? i : -1)).filter((i) => i >= 0);
      expect(c.basket).toBe(theirs.reduce((best, i) => (at[i]! > at[best]! ? i : best)));
      expect(theirs.filter((i) => i !== c.basket).every((i) => train.includes(i))).toBe(true);
    }
    expect(train).toHaveLength(28);
    expect(userSplit(baskets, shopperOf, at, 5)).toEqual({ train, test });
  });
});
