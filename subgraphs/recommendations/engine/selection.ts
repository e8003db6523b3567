import type { CatalogFacts } from './catalogProjection';

export interface Candidate {
  item: CatalogFacts;
  score: number;
}

/**
 * How many places of one list an aisle (leaf category) may take: at most
 * `maxShare` of the places asked for, rounded down, never fewer than one.
 * One cap is shared by everything that fills a list (the primary strategy,
 * lower-carbon alternatives, the popular fallbacks), so it holds for the
 * list as served, not per part. A share of 1 turns the cap off.
 */
export class AisleCap {
  private readonly used = new Map<string, number>();
  readonly limit: number;

  constructor(first: number, maxShare: number) {
    this.limit = maxShare >= 1 ? Number.POSITIVE_INFINITY : Math.max(1, Math.floor(first * maxShare));
  }

  static off(): AisleCap {
    return new AisleCap(1, 1);
  }

  /** An item without a category is in no aisle: nothing to cap. */
  allows(item: CatalogFacts): boolean {
    return item.categoryId === null || (this.used.get(item.categoryId) ?? 0) < this.limit;
  }

  take(item: CatalogFacts): void {
    if (item.categoryId !== null) this.used.set(item.categoryId, (this.used.get(item.categoryId) ?? 0) + 1);
  }
}

/** Best first; ties by catalog position, so every replica ranks alike. */
export function byScore(a: Candidate, b: Candidate): number {
  return b.score - a.score || a.item.index - b.item.index;
}

/**
 * Picks the best `first` candidates the cap allows, best first. Candidates
 * the cap holds back stay out: a short list is filled from other aisles by
 * the caller's fallback, never by letting one aisle take over.
 */
export function selectDiverse<T extends Candidate>(candidates: readonly T[], first: number, cap: AisleCap): T[] {
  const ranked = [...candidates].sort(byScore);
  return selectRanked(ranked, first, cap).map((k) => ranked[k]!);
}

/** selectDiverse over candidates already in `byScore` order: the positions picked, ascending. */
export function selectRanked(ranked: readonly Candidate[], first: number, cap: AisleCap): number[] {
  const chosen: number[] = [];
  for (let k = 0; k < ranked.length && chosen.length < first; k++) {
    const candidate = ranked[k]!;
    if (!cap.allows(candidate.item)) continue;
    cap.take(candidate.item);
    chosen.push(k);
  }
  return chosen;
}
