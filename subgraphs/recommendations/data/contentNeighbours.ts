import type { Neighbour } from './similarityRepository';

export interface CatalogItem {
  id: string;
  name: string;
  /** The item's own (most specific) category. */
  category: string;
  /** The category above it, when there is one: items of sibling categories are somewhat alike. */
  parentCategory?: string | null;
  /** Free tags and dietary tags. */
  tags?: string[];
  price: number;
}

function tokens(name: string): Set<string> {
  return new Set(name.toLowerCase().split(/[^a-z]+/).filter((t) => t.length > 2));
}

function jaccard(a: Set<string>, b: Set<string>): number {
  const shared = [...a].filter((w) => b.has(w)).length;
  return shared / (new Set([...a, ...b]).size || 1);
}

/**
 * Content neighbours from what a catalog item says about itself: same
 * category (or at least the same parent), shared name words and tags, close
 * price. A cold-start model, good enough until behaviour (views,
 * co-purchases) exists to learn from.
 */
export function contentNeighbours(items: CatalogItem[], perItem = 10): Neighbour[] {
  const words = new Map(items.map((item) => [item.id, tokens(item.name)]));
  const tags = new Map(items.map((item) => [item.id, new Set(item.tags ?? [])]));
  const rows: Neighbour[] = [];
  for (const item of items) {
    const scored = items
      .filter((other) => other.id !== item.id)
      .map((other) => {
        const priceCloseness = 1 - Math.min(1, Math.abs(Math.log((other.price + 0.01) / (item.price + 0.01))));
        const sameCategory = other.category === item.category;
        const sameParent = !sameCategory && !!item.parentCategory && other.parentCategory === item.parentCategory;
        const score =
          (sameCategory ? 0.5 : sameParent ? 0.2 : 0) +
          0.2 * jaccard(words.get(item.id)!, words.get(other.id)!) +
          0.15 * jaccard(tags.get(item.id)!, tags.get(other.id)!) +
          0.15 * priceCloseness;
        return { productId: item.id, similarId: other.id, score: Math.round(score * 1e4) / 1e4 };
      })
      .filter((row) => row.score > 0.15)
      .sort((a, b) => b.score - a.score || a.similarId.localeCompare(b.similarId))
      .slice(0, perItem);
    rows.push(...scored);
  }
  return rows;
}
