export interface RankingMetrics {
  /** Share of cases whose held-out item is in the top k. */
  hitRate: number;
  /** Mean 1/log2(rank + 1) of the held-out item within the top k (rank 1-based), 0 outside it. */
  ndcg: number;
  /** Mean 1/rank of the held-out item within the top k, 0 outside it (MRR@k). */
  mrr: number;
  /** Share of the catalog recommended at least once in a top k. */
  coverage: number;
  /** Mean self-information −log2(p) of the recommended items, p = share of training baskets holding the item. */
  novelty: number;
  cases: number;
}

/**
 * Catalog coverage: the share of the catalog's items that were recommended at
 * least once. Items outside the catalog (not recommendable) do not count.
 */
export function catalogCoverage(recommended: Iterable<string>, catalog: ReadonlySet<string>): number {
  if (catalog.size === 0) return 0;
  let covered = 0;
  for (const id of new Set(recommended)) if (catalog.has(id)) covered += 1;
  return covered / catalog.size;
}

/**
 * Self-information of recommending an item, −log2 of the share of training
 * baskets that hold it: a staple in every basket is worth 0 bits, an item in
 * one basket of 1,024 is worth 10. An item never bought in training counts as
 * bought once, so the figure stays finite.
 */
export function selfInformation(basketsWithItem: number, baskets: number): number {
  if (baskets <= 0) return 0;
  return Math.max(0, -Math.log2(Math.min(1, Math.max(1, basketsWithItem) / baskets)));
}

/** Accumulates HR@k, NDCG@k, MRR@k, coverage and novelty over the served top-k lists of many cases. */
export class RankingAccumulator {
  private hits = 0;
  private gain = 0;
  private reciprocal = 0;
  private information = 0;
  private listed = 0;
  private cases = 0;
  private readonly recommended = new Set<string>();

  constructor(
    private readonly k: number,
    private readonly catalog: ReadonlySet<string>,
    /** Bits of each item (selfInformation of its training popularity). */
    private readonly bits: (id: string) => number,
  ) {}

  /** `topK`: the list as served, best first; `hidden`: the held-out item. */
  add(topK: readonly string[], hidden: string): void {
    this.cases += 1;
    const list = topK.slice(0, this.k);
    const rank = list.indexOf(hidden) + 1;
    if (rank > 0) {
      this.hits += 1;
      this.gain += 1 / Math.log2(rank + 1);
      this.reciprocal += 1 / rank;
    }
    for (const id of list) {
      this.recommended.add(id);
      this.information += this.bits(id);
      this.listed += 1;
    }
  }

  result(): RankingMetrics {
    const n = Math.max(1, this.cases);
    return {
      hitRate: this.hits / n,
      ndcg: this.gain / n,
      mrr: this.reciprocal / n,
      coverage: catalogCoverage(this.recommended, this.catalog),
      novelty: this.listed > 0 ? this.information / this.listed : 0,
      cases: this.cases,
    };
  }
}
