import type { ProductSnapshot } from '../../../platform/events/topics';
import { seededRandom } from '../../../platform/seededRandom';

/** One stored purchase basket: what the recommendations subgraph learned from one order. */
export interface PurchasedBasket {
  basketId: string;
  shopperId: string;
  /** Epoch ms of the basket's first purchase event. */
  at: number;
  /** Distinct product ids, in the order they were bought. */
  items: string[];
}

/** A data set as the evaluation sees it: the catalog projection and the purchase baskets. */
export interface EvaluationData {
  name: string;
  /** Where it came from, relative to the project root. */
  source: string;
  catalog: ProductSnapshot[];
  baskets: PurchasedBasket[];
}

/**
 * A deterministic sample of at most `maxBaskets` baskets, drawn by shopper
 * (a shopper's baskets stay together, so order-history protocols still see
 * whole histories), for data sets too large to evaluate in minutes.
 */
export function sampleShoppers(data: EvaluationData, maxBaskets: number, seed: string): EvaluationData {
  const random = seededRandom(seed);
  const byShopper = new Map<string, PurchasedBasket[]>();
  for (const basket of data.baskets) {
    const list = byShopper.get(basket.shopperId) ?? [];
    list.push(basket);
    byShopper.set(basket.shopperId, list);
  }
  const shoppers = [...byShopper.keys()].sort();
  for (let i = shoppers.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [shoppers[i], shoppers[j]] = [shoppers[j]!, shoppers[i]!];
  }
  const kept = new Set<string>();
  let count = 0;
  for (const shopper of shoppers) {
    const n = byShopper.get(shopper)!.length;
    if (count + n > maxBaskets) continue;
    kept.add(shopper);
    count += n;
  }
  return { ...data, baskets: data.baskets.filter((b) => kept.has(b.shopperId)) };
}
