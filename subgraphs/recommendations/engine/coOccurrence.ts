/**
 * The counts as a snapshot keeps them: each pair once, in the row of its
 * smaller item. Row i's partners (all > i, ascending) are
 * partners[offsets[i] .. offsets[i + 1]), with their counts alongside.
 */
export interface PackedCoOccurrence {
  baskets: number;
  itemCounts: Float64Array;
  offsets: Int32Array;
  partners: Int32Array;
  counts: Int32Array;
}

/** Both directions of every pair, rows ascending: what a restored CoOccurrence reads in place. */
interface Rows {
  offsets: Int32Array;
  partners: Int32Array;
  counts: Int32Array;
}

const NO_ROWS: Rows = { offsets: new Int32Array(1), partners: new Int32Array(0), counts: new Int32Array(0) };

/**
 * Basket co-occurrence counts: how many baskets hold each item, and each pair.
 * Sparse, updated one basket or one late item at a time, so a burst of
 * purchases changes the counts as it arrives. The pairs restored from a
 * snapshot stay in flat typed arrays (a replica starts without building a map
 * entry per pair); what is counted later goes into small per-item maps on top.
 */
export class CoOccurrence {
  /** Baskets containing item i. */
  itemCounts: Float64Array = new Float64Array(64);
  baskets = 0;
  /** Bumped by every change to the counts: tells whether a fitted model still matches them. */
  mutations = 0;
  private restored: Rows = NO_ROWS;
  /** added[i].get(j): baskets containing both i and j counted since the restore (symmetric). */
  private readonly added: (Map<number, number> | undefined)[] = [];

  private ensure(index: number): void {
    if (index >= this.itemCounts.length) {
      const grown = new Float64Array(Math.max(index + 1, this.itemCounts.length * 2));
      grown.set(this.itemCounts);
      this.itemCounts = grown;
    }
  }

  private bump(i: number, j: number): void {
    let row = this.added[i];
    if (!row) this.added[i] = row = new Map();
    row.set(j, (row.get(j) ?? 0) + 1);
  }

  /** A whole basket (distinct items). */
  addBasket(items: readonly number[]): void {
    this.mutations += 1;
    this.baskets += 1;
    const distinct = [...new Set(items)];
    for (const item of distinct) this.ensure(item);
    for (const i of distinct) {
      this.itemCounts[i]! += 1;
      for (const j of distinct) if (j !== i) this.bump(i, j);
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
    for (const other of earlier) {
      this.bump(item, other);
      this.bump(other, item);
    }
  }

  /** Drops an item from every count (it turned out to be a fee): its baskets stay counted, without it. */
  forget(item: number): void {
    this.mutations += 1;
    const { offsets, partners, counts } = this.restored;
    if (item + 1 < offsets.length) {
      // Zeroed in both rows: the pair stays in the arrays but counts nothing (and is left out of pack()).
      for (let k = offsets[item]!, end = offsets[item + 1]!; k < end; k++) {
        const back = this.restoredAt(partners[k]!, item);
        if (back >= 0) counts[back] = 0;
        counts[k] = 0;
      }
    }
    for (const other of this.added[item]?.keys() ?? []) this.added[other]?.delete(item);
    this.added[item] = undefined;
    if (item < this.itemCounts.length) this.itemCounts[item] = 0;
  }

  count(item: number): number {
    return item < this.itemCounts.length ? this.itemCounts[item]! : 0;
  }

  together(i: number, j: number): number {
    const at = this.restoredAt(i, j);
    return (at >= 0 ? this.restored.counts[at]! : 0) + (this.added[i]?.get(j) ?? 0);
  }

  /** Calls `visit` once for every item bought with `item`, with the count of baskets holding both. */
  forEachPartner(item: number, visit: (partner: number, count: number) => void): void {
    const { offsets, partners, counts } = this.restored;
    const added = this.added[item];
    if (item + 1 < offsets.length) {
      for (let k = offsets[item]!, end = offsets[item + 1]!; k < end; k++) {
        const partner = partners[k]!;
        const count = counts[k]! + (added?.get(partner) ?? 0);
        if (count > 0) visit(partner, count);
      }
    }
    if (added) for (const [partner, count] of added) if (this.restoredAt(item, partner) < 0) visit(partner, count);
  }

  /** The sum of the item's pair counts: how many (item, partner) pairs its baskets held. */
  pairTotal(item: number): number {
    let total = 0;
    this.forEachPartner(item, (_, count) => (total += count));
    return total;
  }

  /** The counts, each pair once (see PackedCoOccurrence). */
  pack(): PackedCoOccurrence {
    const rows = Math.max(this.restored.offsets.length - 1, this.added.length);
    const offsets = new Int32Array(rows + 1);
    for (let i = 0; i < rows; i++) {
      let larger = 0;
      this.forEachPartner(i, (j) => {
        if (j > i) larger += 1;
      });
      offsets[i + 1] = offsets[i]! + larger;
    }
    const partners = new Int32Array(offsets[rows]!);
    const counts = new Int32Array(offsets[rows]!);
    for (let i = 0; i < rows; i++) {
      let at = offsets[i]!;
      this.forEachPartner(i, (j) => {
        if (j > i) partners[at++] = j;
      });
      const row = partners.subarray(offsets[i]!, at).sort();
      for (let k = 0; k < row.length; k++) counts[offsets[i]! + k] = this.together(i, row[k]!);
    }
    return { baskets: this.baskets, itemCounts: this.itemCounts.slice(), offsets, partners, counts };
  }

  /**
   * Counts from a snapshot, read in place: each stored pair is written into
   * both of its rows with two passes over typed arrays (no object per pair).
   * The packed form must be valid (see packedCoOccurrenceProblem).
   */
  static unpack(packed: PackedCoOccurrence): CoOccurrence {
    const co = new CoOccurrence();
    co.baskets = packed.baskets;
    co.itemCounts = packed.itemCounts;
    const rows = packed.offsets.length - 1;
    const lengths = new Int32Array(rows + 1);
    for (let i = 0; i < rows; i++) {
      lengths[i + 1]! += packed.offsets[i + 1]! - packed.offsets[i]!;
      for (let k = packed.offsets[i]!; k < packed.offsets[i + 1]!; k++) lengths[packed.partners[k]! + 1]! += 1;
    }
    const offsets = new Int32Array(rows + 1);
    for (let i = 0; i < rows; i++) offsets[i + 1] = offsets[i]! + lengths[i + 1]!;
    const fill = offsets.slice(0, rows);
    const partners = new Int32Array(offsets[rows]!);
    const counts = new Int32Array(offsets[rows]!);
    // Rows in ascending order: row r receives its smaller partners (from rows
    // before it) before its own larger ones, so every row comes out sorted.
    for (let i = 0; i < rows; i++) {
      for (let k = packed.offsets[i]!; k < packed.offsets[i + 1]!; k++) {
        const j = packed.partners[k]!;
        const count = packed.counts[k]!;
        partners[fill[i]!] = j;
        counts[fill[i]!++] = count;
        partners[fill[j]!] = i;
        counts[fill[j]!++] = count;
      }
    }
    co.restored = { offsets, partners, counts };
    return co;
  }

  /** Where the pair is among the restored counts (binary search in i's sorted row), or -1. */
  private restoredAt(i: number, j: number): number {
    const { offsets, partners } = this.restored;
    if (i + 1 >= offsets.length) return -1;
    let lo = offsets[i]!;
    let hi = offsets[i + 1]! - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const at = partners[mid]!;
      if (at === j) return mid;
      if (at < j) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }
}

/** Why a packed form cannot be restored safely (a damaged snapshot), or null when it can. */
export function packedCoOccurrenceProblem(packed: PackedCoOccurrence, itemCount: number): string | null {
  const { offsets, partners, counts } = packed;
  const rows = offsets.length - 1;
  if (rows < 0 || rows > itemCount || packed.itemCounts.length < rows) return 'row count';
  if (offsets[0] !== 0 || offsets[rows] !== partners.length || counts.length !== partners.length) return 'row offsets';
  for (let i = 0; i < rows; i++) {
    if (offsets[i + 1]! < offsets[i]!) return 'row offsets';
    let previous = i;
    for (let k = offsets[i]!; k < offsets[i + 1]!; k++) {
      const j = partners[k]!;
      if (j <= previous || j >= rows || counts[k]! <= 0) return 'pair entries';
      previous = j;
    }
  }
  return null;
}
