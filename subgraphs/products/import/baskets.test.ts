import { basketItemSku, basketProductRows, parseBaskets, placeholderPrice } from './baskets';
import { groceryCategory } from './groceryCategories';

describe('baskets files', () => {
  it('splits on commas only, trims names and drops repeats within a basket', () => {
    const text = 'citrus fruit,semi-finished bread,margarine,ready soups\n\npip fruit,yogurt,cream cheese ,meat spreads,yogurt\r\nliquor (appetizer),rolls/buns\n';
    expect(parseBaskets(text)).toEqual([
      { line: 1, items: ['citrus fruit', 'semi-finished bread', 'margarine', 'ready soups'] },
      { line: 3, items: ['pip fruit', 'yogurt', 'cream cheese', 'meat spreads'] },
      { line: 4, items: ['liquor (appetizer)', 'rolls/buns'] },
    ]);
  });

  it('turns each distinct item into one product row with a stable sku, price and category', () => {
    const rows = basketProductRows(parseBaskets('whole milk,butter\nbutter,mystery item\n'));
    expect(rows).toEqual([
      { line: 1, input: expect.objectContaining({ sku: 'groceries-whole-milk', name: 'whole milk', categorySlug: 'milk', stockQuantity: 100 }) },
      { line: 1, input: expect.objectContaining({ sku: 'groceries-butter', name: 'butter', categorySlug: 'butter-cream' }) },
      { line: 2, input: expect.objectContaining({ sku: 'groceries-mystery-item', categorySlug: 'imported' }) },
    ]);
    expect(basketItemSku('liquor (appetizer)')).toBe('groceries-liquor-appetizer');
    expect(groceryCategory('UHT-milk')).toBe('milk');
  });

  it('derives the same placeholder price from the same name, within 0.49–9.99', () => {
    expect(placeholderPrice('whole milk')).toBe(placeholderPrice('whole milk'));
    const prices = ['whole milk', 'butter', 'soda', 'yogurt', 'rolls/buns', 'other vegetables'].map((name) => Number(placeholderPrice(name)));
    for (const price of prices) {
      expect(price).toBeGreaterThanOrEqual(0.49);
      expect(price).toBeLessThanOrEqual(9.99);
    }
    expect(new Set(prices).size).toBeGreaterThan(1);
  });
});
