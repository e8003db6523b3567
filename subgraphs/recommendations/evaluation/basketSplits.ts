import { seededRandom } from '../../../platform/seededRandom';

export interface HoldOutCase {
  /** The basket without its hidden item. */
  context: number[];
  hidden: number;
}

export interface Split {
  train: number[][];
  test: HoldOutCase[];
}

/**
 * The protocol of ../shared/data/README.md: shuffle baskets, 80 % train,
 * and from each held-out basket with 2+ items hide one item at random.
 */
export function basketSplit(baskets: readonly number[][], seed: number, trainShare = 0.8): Split {
  const random = seededRandom(seed);
  const order = baskets.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const cut = Math.floor(order.length * trainShare);
  const train = order.slice(0, cut).map((i) => baskets[i]!);
  const test: HoldOutCase[] = [];
  for (const i of order.slice(cut)) {
    const basket = baskets[i]!;
    if (basket.length < 2) continue;
    const h = Math.floor(random() * basket.length);
    test.push({ context: basket.filter((_, k) => k !== h), hidden: basket[h]! });
  }
  return { train, test };
}
