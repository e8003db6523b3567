export interface RankingMetrics {
  hitRate: number;
  ndcg: number;
  mrr: number;
  coverage: number;
  cases: number;
}

/** Accumulates HR@k, NDCG@k, MRR (over the full ranking) and catalog coverage of the top k. */
export class RankingAccumulator {
  private hits = 0;
  private gain = 0;
  private reciprocal = 0;
  private cases = 0;
  private readonly recommended = new Set<number>();

  constructor(
    private readonly k: number,
    private readonly catalogSize: number,
  ) {}

  /** `rank` is 1-based (Infinity when the item was not ranked at all). */
  add(rank: number, topK: readonly number[]): void {
    this.cases += 1;
    if (rank <= this.k) {
      this.hits += 1;
      this.gain += 1 / Math.log2(rank + 1);
    }
    if (Number.isFinite(rank)) this.reciprocal += 1 / rank;
    for (const item of topK.slice(0, this.k)) this.recommended.add(item);
  }

  result(): RankingMetrics {
    const n = Math.max(1, this.cases);
    return {
      hitRate: this.hits / n,
      ndcg: this.gain / n,
      mrr: this.reciprocal / n,
      coverage: this.recommended.size / Math.max(1, this.catalogSize),
      cases: this.cases,
    };
  }
}
