import type { InteractionType } from '../../../platform/events/topics';

export interface RecentInteraction {
  item: number;
  type: InteractionType;
  at: number;
}

export interface Purchase {
  count: number;
  lastAt: number;
}

/**
 * Interaction types by their code in snapshots. Append only: a code once
 * written must keep its meaning (a new type needs no new snapshot version).
 */
export const INTERACTION_TYPE_CODES: readonly InteractionType[] = ['VIEW', 'CLICK', 'ADD_TO_CART', 'REMOVE_FROM_CART', 'PURCHASE', 'SEARCH'];
const CODE_OF = new Map(INTERACTION_TYPE_CODES.map((type, code) => [type, code]));

/**
 * Shopper histories as a snapshot keeps them, in flat arrays: shopper s's
 * recent interactions are entries recentOffsets[s] .. recentOffsets[s + 1]
 * (oldest first), its purchases likewise. Shoppers least recently active first.
 */
export interface PackedShoppers {
  ids: string[];
  recentOffsets: Int32Array;
  recentItems: Int32Array;
  recentTypes: Uint8Array;
  recentAt: Float64Array;
  purchaseOffsets: Int32Array;
  purchaseItems: Int32Array;
  purchaseCounts: Float64Array;
  purchaseLastAt: Float64Array;
}

/**
 * One shopper's memory: recent distinct products (most recent last) and
 * what they bought. A history restored from a snapshot stays in the packed
 * arrays until it is first read, so a replica starts without building an
 * object per remembered interaction of every shopper.
 */
export class ShopperHistory {
  private recentList: RecentInteraction[] | undefined;
  private purchaseMap: Map<number, Purchase> | undefined;

  constructor(
    private readonly packed?: PackedShoppers,
    private readonly position = -1,
  ) {}

  get recent(): RecentInteraction[] {
    if (!this.recentList) {
      this.recentList = [];
      const p = this.packed;
      if (p) {
        for (let k = p.recentOffsets[this.position]!; k < p.recentOffsets[this.position + 1]!; k++) {
          this.recentList.push({ item: p.recentItems[k]!, type: INTERACTION_TYPE_CODES[p.recentTypes[k]!]!, at: p.recentAt[k]! });
        }
      }
    }
    return this.recentList;
  }

  get purchases(): Map<number, Purchase> {
    if (!this.purchaseMap) {
      this.purchaseMap = new Map();
      const p = this.packed;
      if (p) {
        for (let k = p.purchaseOffsets[this.position]!; k < p.purchaseOffsets[this.position + 1]!; k++) {
          this.purchaseMap.set(p.purchaseItems[k]!, { count: p.purchaseCounts[k]!, lastAt: p.purchaseLastAt[k]! });
        }
      }
    }
    return this.purchaseMap;
  }

  /** Histories restored in place from a packed form (validated by packedShoppersProblem). */
  static unpackAll(packed: PackedShoppers): [string, ShopperHistory][] {
    return packed.ids.map((id, position) => [id, new ShopperHistory(packed, position)]);
  }

  /** Packs histories (in the order given) into flat arrays; unread restored ones are copied without unpacking. */
  static packAll(entries: Iterable<[string, ShopperHistory]>): PackedShoppers {
    const ids: string[] = [];
    const recentOffsets = [0];
    const recentItems: number[] = [];
    const recentTypes: number[] = [];
    const recentAt: number[] = [];
    const purchaseOffsets = [0];
    const purchaseItems: number[] = [];
    const purchaseCounts: number[] = [];
    const purchaseLastAt: number[] = [];
    for (const [id, history] of entries) {
      ids.push(id);
      const p = history.packed;
      const s = history.position;
      if (!history.recentList && p) {
        for (let k = p.recentOffsets[s]!; k < p.recentOffsets[s + 1]!; k++) {
          recentItems.push(p.recentItems[k]!);
          recentTypes.push(p.recentTypes[k]!);
          recentAt.push(p.recentAt[k]!);
        }
      } else {
        for (const r of history.recent) {
          recentItems.push(r.item);
          recentTypes.push(CODE_OF.get(r.type)!);
          recentAt.push(r.at);
        }
      }
      recentOffsets.push(recentItems.length);
      if (!history.purchaseMap && p) {
        for (let k = p.purchaseOffsets[s]!; k < p.purchaseOffsets[s + 1]!; k++) {
          purchaseItems.push(p.purchaseItems[k]!);
          purchaseCounts.push(p.purchaseCounts[k]!);
          purchaseLastAt.push(p.purchaseLastAt[k]!);
        }
      } else {
        for (const [item, { count, lastAt }] of history.purchases) {
          purchaseItems.push(item);
          purchaseCounts.push(count);
          purchaseLastAt.push(lastAt);
        }
      }
      purchaseOffsets.push(purchaseItems.length);
    }
    return {
      ids,
      recentOffsets: Int32Array.from(recentOffsets),
      recentItems: Int32Array.from(recentItems),
      recentTypes: Uint8Array.from(recentTypes),
      recentAt: Float64Array.from(recentAt),
      purchaseOffsets: Int32Array.from(purchaseOffsets),
      purchaseItems: Int32Array.from(purchaseItems),
      purchaseCounts: Float64Array.from(purchaseCounts),
      purchaseLastAt: Float64Array.from(purchaseLastAt),
    };
  }
}

/** Why a packed form cannot be restored safely (a damaged snapshot), or null when it can. */
export function packedShoppersProblem(p: PackedShoppers, itemCount: number): string | null {
  const n = p.ids.length;
  if (p.recentOffsets.length !== n + 1 || p.purchaseOffsets.length !== n + 1) return 'shopper offsets';
  if (p.recentTypes.length !== p.recentItems.length || p.recentAt.length !== p.recentItems.length) return 'recent entries';
  if (p.purchaseCounts.length !== p.purchaseItems.length || p.purchaseLastAt.length !== p.purchaseItems.length) return 'purchase entries';
  for (const [offsets, length] of [[p.recentOffsets, p.recentItems.length], [p.purchaseOffsets, p.purchaseItems.length]] as const) {
    if (offsets[0] !== 0 || offsets[n] !== length) return 'shopper offsets';
    for (let s = 0; s < n; s++) if (offsets[s + 1]! < offsets[s]!) return 'shopper offsets';
  }
  for (const item of p.recentItems) if (item < 0 || item >= itemCount) return 'recent entries';
  for (const type of p.recentTypes) if (type >= INTERACTION_TYPE_CODES.length) return 'recent entries';
  for (const item of p.purchaseItems) if (item < 0 || item >= itemCount) return 'purchase entries';
  return null;
}
