import { seededRandom } from '../../../platform/seededRandom';

export interface HoldOutCase {
  /** The basket without its hidden item. */
  context: number[];
  hidden: number;
  /** Index of the basket it came from (its shopper, for personal strategies). */
  basket: number;
}

export interface Split {
  /** Indexes of the training baskets. */
  train: number[];
  test: HoldOutCase[];
}

/** Hides one item, drawn from `random`, of a basket with 2+ items. */
function holdOut(basket: readonly number[], index: number, random: () => number): HoldOutCase | undefined {
  if (basket.length < 2) return undefined;
  const h = Math.floor(random() * basket.length);
  return { context: basket.filter((_, k) => k !== h), hidden: basket[h]!, basket: index };
}

/**
 * The protocol of ../shared/data/README.md for baskets without shoppers:
 * shuffle baskets, 80 % train, and from each held-out basket with 2+ items
 * hide one item at random.
 */
export function basketSplit(baskets: readonly (readonly number[])[], seed: number, trainShare = 0.8): Split {
  const random = seededRandom(seed);
  const order = baskets.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const cut = Math.floor(order.length * trainShare);
  const test: HoldOutCase[] = [];
  for (const i of order.slice(cut)) {
    const held = holdOut(baskets[i]!, i, random);
    if (held) test.push(held);
  }
  return { train: order.slice(0, cut), test };
}

/**
 * The protocol of ../shared/data/README.md for order histories: a random
 * `testShare` of the shoppers; each one's last basket is the test basket
 * (one item hidden when it has 2+), and every other basket, theirs included,
 * is training. `shopperOf` and `at` give each basket's shopper and time (the
 * later index wins a tie).
 */
export function userSplit(baskets: readonly (readonly number[])[], shopperOf: readonly string[], at: readonly number[], seed: number, testShare = 0.2): Split {
  const random = seededRandom(seed);
  const shoppers = [...new Set(shopperOf)].sort();
  for (let i = shoppers.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [shoppers[i], shoppers[j]] = [shoppers[j]!, shoppers[i]!];
  }
  const chosen = new Set(shoppers.slice(0, Math.max(1, Math.round(shoppers.length * testShare))));
  const last = new Map<string, number>();
  shopperOf.forEach((shopper, i) => {
    const latest = last.get(shopper);
    if (chosen.has(shopper) && (latest === undefined || at[i]! >= at[latest]!)) last.set(shopper, i);
  });
  const held = new Set(last.values());
  const train = baskets.map((_, i) => i).filter((i) => !held.has(i));
  const test: HoldOutCase[] = [];
  for (const i of [...held].sort((a, b) => a - b)) {
    const hold = holdOut(baskets[i]!, i, random);
    if (hold) test.push(hold);
  }
  return { train, test };
}
