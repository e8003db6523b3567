/**
 * Corrects a word to a known one at most one edit away (insertion, deletion,
 * substitution or swap of neighbours): "spagetti" → "spaghetti", "tomatoe" → "tomato".
 * Candidates come from a symmetric-delete index (every word and its one-letter
 * deletions), so a lookup costs a few map reads whatever the vocabulary's size.
 */
export class Speller {
  private readonly known = new Map<string, number>();
  private readonly byDeletion = new Map<string, string[]>();

  /** `weight` breaks ties between equally close words: catalog words count more than lexicon words. */
  add(word: string, weight = 1): void {
    if (!/^\p{L}+$/u.test(word)) return;
    const seen = this.known.get(word);
    if (seen === 0) return; // kept words stay uncorrectable targets
    this.known.set(word, (seen ?? 0) + weight);
    if (seen || word.length < MIN_LENGTH - 1) return;
    for (const key of [word, ...deletions(word)]) {
      const list = this.byDeletion.get(key);
      if (!list) this.byDeletion.set(key, [word]);
      else if (!list.includes(word)) list.push(word);
    }
  }

  /** A word that is never corrected, and never a correction (function words, shopping filler). */
  keep(word: string): void {
    if (!this.known.has(word)) this.known.set(word, 0);
  }

  has(word: string): boolean {
    return this.known.has(word);
  }

  /** The closest known word, or null when `word` is known, too short, or nothing is one edit away. */
  correct(word: string): string | null {
    if (word.length < MIN_LENGTH || this.known.has(word) || !/^\p{L}+$/u.test(word)) return null;
    let best: string | null = null;
    let bestWeight = -1;
    for (const key of [word, ...deletions(word)]) {
      for (const candidate of this.byDeletion.get(key) ?? []) {
        if (candidate.length < MIN_LENGTH || this.known.get(candidate) === 0 || !withinOneEdit(word, candidate)) continue;
        const weight = this.known.get(candidate)!;
        if (weight > bestWeight || (weight === bestWeight && candidate < best!)) {
          best = candidate;
          bestWeight = weight;
        }
      }
    }
    return best;
  }
}

/** Shorter words have too many neighbours one edit away ("milk"/"mild"/"silk") to correct safely. */
const MIN_LENGTH = 5;

function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/** Optimal-string-alignment distance ≤ 1. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
