import crypto from 'node:crypto';
import { slugify } from '../domain/slug';
import { groceryCategory } from './groceryCategories';
import type { RawRow } from './importRows';

/** One basket of a headerless baskets file: its line and its distinct items, trimmed. */
export interface Basket {
  line: number;
  items: string[];
}

/**
 * Reads a "baskets" file: no header, one basket per line, items separated by
 * commas only (names may hold "/", "(", "." and trailing spaces).
 */
export function parseBaskets(text: string): Basket[] {
  const baskets: Basket[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const items = [...new Set(raw.split(',').map((item) => item.trim()).filter(Boolean))];
    if (items.length > 0) baskets.push({ line: index + 1, items });
  });
  return baskets;
}

export function basketItemSku(item: string): string {
  return `groceries-${slugify(item, 50)}`;
}

/**
 * A stand-in price: the data has none, so one is derived from the name
 * (0.49–9.99, the same on every run). A placeholder, not a real price.
 */
export function placeholderPrice(item: string): string {
  const hash = crypto.createHash('sha256').update(item).digest().readUInt32BE(0);
  return (0.49 + (hash % 951) / 100).toFixed(2);
}

/** The products behind the baskets' distinct items, as import rows (line = first basket naming the item). */
export function basketProductRows(baskets: Basket[]): RawRow[] {
  const firstLine = new Map<string, number>();
  for (const basket of baskets) for (const item of basket.items) if (!firstLine.has(item)) firstLine.set(item, basket.line);
  return [...firstLine].map(([item, line]) => ({
    line,
    input: {
      sku: basketItemSku(item),
      name: item,
      price: placeholderPrice(item),
      stockQuantity: 100,
      categorySlug: groceryCategory(item),
      tags: ['groceries-import'],
    },
  }));
}
