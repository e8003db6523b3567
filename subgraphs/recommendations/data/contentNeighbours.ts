import type { Neighbour } from './similarityRepository';

export interface CatalogItem {
  id: string;
  name: string;
  category: string;
  price: number;
}

function tokens(name: string): Set<string> {
  return new Set(name.toLowerCase().split(/[^a-z]+/).filter((t) => t.length > 2));
}

/**
 * Content neighbours from what a catalog item says about itself: same
 * category, shared name words, close price. A cold-start model, good enough
 * until behaviour (views, co-purchases) exists to learn from.
 */
export function contentNeighbours(items: CatalogItem[], perItem = 10): Neighbour[] {
  const words = new Map(items.map((item) => [item.id, tokens(item.name)]));
  const rows: Neighbour[] = [];
  for (const item of items) {
    const own = words.get(item.id)!;
    const scored = items
      .filter((other) => other.id !== item.id)
      .map((other) => {
        const theirs = words.get(other.id)!;
        const shared = [...own].filter((w) => theirs.has(w)).length;
        const union = new Set([...own, ...theirs]).size || 1;
        const priceCloseness = 1 - Math.min(1, Math.abs(Math.log((other.price + 0.01) / (item.price + 0.01))));
        const score = (other.category === item.category ? 0.6 : 0) + 0.25 * (shared / union) + 0.15 * priceCloseness;
        return { productId: item.id, similarId: other.id, score: Math.round(score * 1e4) / 1e4 };
      })
      .filter((row) => row.score > 0.15)
      .sort((a, b) => b.score - a.score || a.similarId.localeCompare(b.similarId))
      .slice(0, perItem);
    rows.push(...scored);
  }
  return rows;
}
