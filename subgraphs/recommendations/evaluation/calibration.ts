// How well a list's `confidence` matches what happens: each recommended item
// is a prediction (its confidence) and an outcome (hit: it was the held-out
// item). Pure functions over those pairs; `npm run eval` prints them.

export interface ReliabilityBucket {
  /** Confidences in [from, to) (the last bucket includes 1). */
  from: number;
  to: number;
  count: number;
  hits: number;
  meanConfidence: number;
  /** hits / count; 0 for an empty bucket. */
  hitRate: number;
}

/**
 * Bucket edges: finer where most confidences of a top-10 list lie (a held-out
 * item is one of many candidates), and an edge at 0.5 for the threshold check.
 */
export const DEFAULT_EDGES: readonly number[] = [0, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 1];

/** Counts per confidence bucket; add() predictions one by one, then read the table. */
export class CalibrationAccumulator {
  private readonly counts: number[];
  private readonly hits: number[];
  private readonly confidence: number[];
  readonly buckets: number;

  /** `edges`: ascending, from 0 to 1. */
  constructor(readonly edges: readonly number[] = DEFAULT_EDGES) {
    if (edges.length < 2 || edges[0] !== 0 || edges[edges.length - 1] !== 1 || edges.some((e, i) => i > 0 && e <= edges[i - 1]!)) {
      throw new Error('edges must rise from 0 to 1');
    }
    this.buckets = edges.length - 1;
    this.counts = new Array<number>(this.buckets).fill(0);
    this.hits = new Array<number>(this.buckets).fill(0);
    this.confidence = new Array<number>(this.buckets).fill(0);
  }

  add(confidence: number, hit: boolean): void {
    const c = Math.max(0, Math.min(1, confidence));
    let b = 0;
    while (b < this.buckets - 1 && c >= this.edges[b + 1]!) b += 1;
    this.counts[b]! += 1;
    this.confidence[b]! += c;
    if (hit) this.hits[b]! += 1;
  }

  /** Adds another accumulator's counts (same edges). */
  merge(other: CalibrationAccumulator): void {
    if (other.edges.join() !== this.edges.join()) throw new Error('different bucket edges');
    for (let b = 0; b < this.buckets; b++) {
      this.counts[b]! += other.counts[b]!;
      this.hits[b]! += other.hits[b]!;
      this.confidence[b]! += other.confidence[b]!;
    }
  }

  table(): ReliabilityBucket[] {
    return this.counts.map((count, b) => ({
      from: this.edges[b]!,
      to: this.edges[b + 1]!,
      count,
      hits: this.hits[b]!,
      meanConfidence: count > 0 ? this.confidence[b]! / count : 0,
      hitRate: count > 0 ? this.hits[b]! / count : 0,
    }));
  }
}

/**
 * Expected calibration error: the count-weighted mean gap between each
 * bucket's mean confidence and its observed hit rate (0 = calibrated).
 */
export function expectedCalibrationError(table: readonly ReliabilityBucket[]): number {
  const total = table.reduce((sum, b) => sum + b.count, 0);
  if (total === 0) return 0;
  return table.reduce((sum, b) => sum + (b.count / total) * Math.abs(b.meanConfidence - b.hitRate), 0);
}

export interface ThresholdCheck {
  threshold: number;
  above: { count: number; hitRate: number };
  below: { count: number; hitRate: number };
  /** Items at or above the threshold are hits at least as often as those below it (true when either side is empty: nothing contradicts it). */
  holds: boolean;
}

/** The check "items with confidence ≥ threshold are hits at least as often as items below it", from bucket counts whose edges include the threshold. */
export function thresholdCheck(table: readonly ReliabilityBucket[], threshold = 0.5): ThresholdCheck {
  const side = (pick: (b: ReliabilityBucket) => boolean) => {
    const chosen = table.filter(pick);
    const count = chosen.reduce((sum, b) => sum + b.count, 0);
    const hits = chosen.reduce((sum, b) => sum + b.hits, 0);
    return { count, hitRate: count > 0 ? hits / count : 0 };
  };
  if (!table.some((b) => Math.abs(b.from - threshold) < 1e-9)) throw new Error(`no bucket starts at ${threshold}`);
  const above = side((b) => b.from >= threshold - 1e-9);
  const below = side((b) => b.from < threshold - 1e-9);
  return { threshold, above, below, holds: above.count === 0 || below.count === 0 || above.hitRate >= below.hitRate };
}
