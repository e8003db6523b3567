/**
 * Basket co-occurrence counts: how many baskets hold each item, and each pair.
 * Sparse (a row per item), updated one basket or one late item at a time, so
 * a burst of purchases changes the counts as it arrives.
 */
export class CoOccurrence {
  /** Baskets containing item i. */
  itemCounts = new Float64Array(64);
  /** pairs[i].get(j): baskets containing both i and j (symmetric). */
  readonly pairs: Map<number, number>[] = [];
  baskets = 0;
  /** Bumped by every change to the counts: tells whether a fitted model still matches them. */
  mutations = 0;

  private ensure(index: number): void {
    if (index >= this.itemCounts.length) {
      const grown = new Float64Array(Math.max(index + 1, this.itemCounts.length * 2));
      grown.set(this.itemCounts);
      this.itemCounts = grown;
    }
    while (this.pairs.length <= index) this.pairs.push(new Map());
  }

  /** A whole basket (distinct items). */
  addBasket(items: readonly number[]): void {
    this.mutations += 1;
    this.baskets += 1;
    const distinct = [...new Set(items)];
    for (const item of distinct) this.ensure(item);
    for (const i of distinct) {
      this.itemCounts[i]! += 1;
      const row = this.pairs[i]!;
      for (const j of distinct) if (j !== i) row.set(j, (row.get(j) ?? 0) + 1);
    }
  }

  /**
   * One more item joining a basket already counted with `earlier` items
   * (events arrive item by item). The first item of a basket opens it.
   */
  addToBasket(item: number, earlier: readonly number[]): void {
    this.mutations += 1;
    this.ensure(item);
    if (earlier.length === 0) this.baskets += 1;
    if (earlier.includes(item)) return;
    this.itemCounts[item]! += 1;
    const row = this.pairs[item]!;
    for (const other of earlier) {
      row.set(other, (row.get(other) ?? 0) + 1);
      const back = this.pairs[other]!;
      back.set(item, (back.get(item) ?? 0) + 1);
    }
  }

  /** Drops an item from every count (it turned out to be a fee): its baskets stay counted, without it. */
  forget(item: number): void {
    if (item >= this.pairs.length) return;
    this.mutations += 1;
    for (const other of this.pairs[item]!.keys()) this.pairs[other]!.delete(item);
    this.pairs[item]!.clear();
    this.itemCounts[item] = 0;
  }

  count(item: number): number {
    return item < this.itemCounts.length ? this.itemCounts[item]! : 0;
  }

  together(i: number, j: number): number {
    return this.pairs[i]?.get(j) ?? 0;
  }
}
