import type { CatalogFacts } from './catalogProjection';

export interface Candidate {
  item: CatalogFacts;
  score: number;
}

export interface DiversityOptions {
  /** At most this share of a list from one leaf category (0–1]; 1 turns the cap off. */
  maxCategoryShare: number;
}

/**
 * Picks the best `first` candidates, keeping any one category from taking
 * over the list: a greedy pass under a per-category cap, then, if the cap
 * left places empty, the best of what it held back.
 */
export function selectDiverse(candidates: Candidate[], first: number, options: DiversityOptions): Candidate[] {
  const ranked = [...candidates].sort((a, b) => b.score - a.score || a.item.index - b.item.index);
  const cap = Math.max(1, Math.ceil(first * options.maxCategoryShare));
  const perCategory = new Map<string, number>();
  const chosen: Candidate[] = [];
  const heldBack: Candidate[] = [];
  for (const candidate of ranked) {
    if (chosen.length >= first) break;
    const category = candidate.item.categoryId ?? '';
    const used = perCategory.get(category) ?? 0;
    if (options.maxCategoryShare < 1 && used >= cap) {
      heldBack.push(candidate);
      continue;
    }
    perCategory.set(category, used + 1);
    chosen.push(candidate);
  }
  for (const candidate of heldBack) {
    if (chosen.length >= first) break;
    chosen.push(candidate);
  }
  return chosen;
}
