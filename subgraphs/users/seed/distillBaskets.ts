/**
 * What the demo population takes from a real basket data set, at the level
 * of the shop's categories: how often each category is in a basket, how often
 * two are in one together, how many categories a basket spans, and how often
 * a basket holds two or more items of one category.
 */
export interface BasketStats {
  /** Baskets read, and those left with at least one known category. */
  baskets: number;
  mappedBaskets: number;
  /** Baskets (of the mapped ones) holding each category. */
  categories: Record<string, number>;
  /** [a, b, baskets holding both], a < b, every pair seen at least once. */
  pairs: [string, string, number][];
  /** sizes[k - 1]: mapped baskets spanning k distinct categories (the last entry: that many or more). */
  sizes: number[];
  /** Of the baskets holding a category, those holding 2+ distinct items of it. */
  multiItem: Record<string, number>;
}

const MAX_SIZE = 15;

/**
 * Counts baskets (each a list of item names) by category. `categoryOf` maps
 * an item to its category, or null for items the shop has no category for
 * (they are left out, and a basket left empty is not counted).
 */
export function distillBaskets(baskets: Iterable<readonly string[]>, categoryOf: (item: string) => string | null): BasketStats {
  let read = 0;
  let mapped = 0;
  const categories = new Map<string, number>();
  const pairs = new Map<string, number>();
  const multi = new Map<string, number>();
  const sizes = new Array<number>(MAX_SIZE).fill(0);
  for (const basket of baskets) {
    read++;
    const items = new Map<string, Set<string>>();
    for (const raw of basket) {
      const item = raw.trim();
      const category = item ? categoryOf(item) : null;
      if (!category) continue;
      const set = items.get(category) ?? new Set<string>();
      set.add(item.toLowerCase());
      items.set(category, set);
    }
    if (items.size === 0) continue;
    mapped++;
    const present = [...items.keys()].sort();
    sizes[Math.min(present.length, MAX_SIZE) - 1]! += 1;
    for (const category of present) {
      categories.set(category, (categories.get(category) ?? 0) + 1);
      if (items.get(category)!.size > 1) multi.set(category, (multi.get(category) ?? 0) + 1);
    }
    for (let i = 0; i < present.length; i++) {
      for (let j = i + 1; j < present.length; j++) {
        const key = `${present[i]}\u0000${present[j]}`;
        pairs.set(key, (pairs.get(key) ?? 0) + 1);
      }
    }
  }
  while (sizes.length > 1 && sizes[sizes.length - 1] === 0) sizes.pop();
  const sorted = (map: Map<string, number>) => Object.fromEntries([...map].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));
  return {
    baskets: read,
    mappedBaskets: mapped,
    categories: sorted(categories),
    pairs: [...pairs]
      .map(([key, count]) => [...(key.split('\u0000') as [string, string]), count] as [string, string, number])
      .sort((a, b) => a[0].localeCompare(b[0]) || a[1].localeCompare(b[1])),
    sizes,
    multiItem: Object.fromEntries([...categories.keys()].sort().map((c) => [c, multi.get(c) ?? 0])),
  };
}
