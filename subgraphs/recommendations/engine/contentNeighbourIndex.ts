import { candidateKeys, contentSimilarity, OWN_AISLE, type ContentFeatures } from './contentSimilarity';

export interface ContentNeighbour {
  /** The neighbour's item index (ItemIndex). */
  index: number;
  score: number;
}

/** The longest list any field may ask for (`first` ≤ 50). */
export const NEIGHBOURS_KEPT = 50;
/** A word, or the aisle above a product's own, on more products than this finds no candidates (see `candidates`). */
export const TOO_COMMON = 250;

/**
 * Every product's best content neighbours (contentSimilarity.ts), in memory,
 * kept current one product at a time: a new or changed product gets its own
 * list and enters the lists of the products it ranks in; a product that
 * stops being eligible (archived, marked a fee) or moves away is replaced in
 * the lists that held it. Because a pair's score depends on the two products
 * alone, the lists after any sequence of updates equal those of `rebuild`
 * over the same products (tested) — except that a word or an aisle above
 * that grows past TOO_COMMON keeps the candidates it found before until the
 * next rebuild (the model load, `npm run recs:train`). Ties go to the lower
 * product id, so every replica ranks alike whatever order it learned the
 * catalog in.
 *
 * Work per changed product: its candidates (its aisle, plus at most
 * TOO_COMMON per word and for the aisle above), and again for each list that
 * held it. A full build is that for every product.
 */

export class ContentNeighbourIndex {
  private readonly features: (ContentFeatures | undefined)[] = [];
  private readonly lists: (ContentNeighbour[] | undefined)[] = [];
  /** Item → the items whose lists hold it. */
  private readonly listedBy = new Map<number, Set<number>>();
  /** Candidate key (aisle, word) → eligible items under it. */
  private readonly postings = new Map<string, Set<number>>();

  constructor(private readonly keep = NEIGHBOURS_KEPT) {}

  /** The item's neighbours, best first ([] for an unknown or ineligible item). */
  of(index: number): readonly ContentNeighbour[] {
    return this.lists[index] ?? [];
  }

  /**
   * A product's features as they are now. Returns the items whose lists
   * changed (the product's own included), [] when nothing that the formula
   * reads changed (a stock or discount event).
   */
  upsert(index: number, features: ContentFeatures): number[] {
    const previous = this.features[index];
    if (previous?.key === features.key) return [];
    if (previous?.eligible) this.unpost(index, previous);
    this.features[index] = features;
    if (features.eligible) this.post(index, features);
    const changed = new Set<number>();
    // Lists that held it: its score there changed or it is gone, so someone else may now rank.
    const holders = [...(this.listedBy.get(index) ?? [])];
    for (const holder of holders) {
      this.recompute(holder);
      changed.add(holder);
    }
    if (previous || features.eligible) {
      this.recompute(index);
      changed.add(index);
    }
    if (features.eligible) {
      for (const candidate of this.candidates(index, features)) {
        if (changed.has(candidate)) continue;
        if (this.offer(candidate, index, contentSimilarity(this.features[candidate]!, features))) changed.add(candidate);
      }
    }
    return [...changed];
  }

  /** A product's features without updating any list: a bulk load, followed by `rebuild`. */
  put(index: number, features: ContentFeatures): void {
    this.features[index] = features;
  }

  /** Every list from scratch from the features held (the model load and `npm run recs:train`). */
  rebuild(): void {
    this.lists.length = 0;
    this.listedBy.clear();
    this.postings.clear();
    this.features.forEach((features, index) => {
      if (features?.eligible) this.post(index, features);
    });
    this.features.forEach((features, index) => {
      if (features?.eligible) this.recompute(index);
    });
  }

  /** Products with a list (for metrics and tests). */
  get size(): number {
    let n = 0;
    for (const list of this.lists) if (list && list.length > 0) n += 1;
    return n;
  }

  private candidates(index: number, features: ContentFeatures): Set<number> {
    const found = new Set<number>();
    for (const key of candidateKeys(features)) {
      const members = this.postings.get(key);
      // A word on very many products ("organic", a brand), or a very large aisle above the
      // product's own, finds too many to compare: every product would be a candidate of every
      // other. Such a word still counts in the score; the product's own aisle always finds.
      if (!members || (!key.startsWith(OWN_AISLE) && members.size > TOO_COMMON)) continue;
      for (const other of members) if (other !== index) found.add(other);
    }
    return found;
  }

  private recompute(index: number): void {
    for (const old of this.lists[index] ?? []) this.listedBy.get(old.index)?.delete(index);
    const features = this.features[index];
    if (!features?.eligible) {
      this.lists[index] = undefined;
      return;
    }
    const scored: ContentNeighbour[] = [];
    for (const other of this.candidates(index, features)) scored.push({ index: other, score: contentSimilarity(features, this.features[other]!) });
    scored.sort((a, b) => this.compare(a, b));
    const list = scored.slice(0, this.keep);
    this.lists[index] = list;
    for (const neighbour of list) this.holders(neighbour.index).add(index);
  }

  /** Puts `other` in `index`'s list if it ranks there; true when the list changed. */
  private offer(index: number, other: number, score: number): boolean {
    const list = this.lists[index] ?? (this.lists[index] = []);
    const entry = { index: other, score };
    if (list.length >= this.keep && this.compare(entry, list[list.length - 1]!) > 0) return false;
    let at = list.length;
    while (at > 0 && this.compare(entry, list[at - 1]!) < 0) at -= 1;
    list.splice(at, 0, entry);
    this.holders(other).add(index);
    if (list.length > this.keep) this.listedBy.get(list.pop()!.index)?.delete(index);
    return true;
  }

  /** Higher score first, then the lower product id. */
  private compare(a: ContentNeighbour, b: ContentNeighbour): number {
    if (a.score !== b.score) return b.score - a.score;
    const x = this.features[a.index]!.productId;
    const y = this.features[b.index]!.productId;
    return x < y ? -1 : x > y ? 1 : 0;
  }

  private holders(index: number): Set<number> {
    let set = this.listedBy.get(index);
    if (!set) this.listedBy.set(index, (set = new Set()));
    return set;
  }

  private post(index: number, features: ContentFeatures): void {
    for (const key of candidateKeys(features)) {
      let members = this.postings.get(key);
      if (!members) this.postings.set(key, (members = new Set()));
      members.add(index);
    }
  }

  private unpost(index: number, features: ContentFeatures): void {
    for (const key of candidateKeys(features)) this.postings.get(key)?.delete(index);
  }
}
