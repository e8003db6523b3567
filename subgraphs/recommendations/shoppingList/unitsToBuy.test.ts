import type { Quantity } from '../intent/intent';
import { unitsToBuy } from './unitsToBuy';

describe('unitsToBuy', () => {
  it.each([
    // [asked, product, units]
    [{ amount: 2, unit: null }, 'Whole milk 1 L', 2, 'a plain count is bottles, not litres'],
    [{ amount: 2, unit: 'l' }, 'Whole milk 1 L', 2, 'litres against a litre bottle'],
    [{ amount: 2, unit: 'l' }, 'Cola 1.5 l', 2, 'rounded up'],
    [{ amount: 500, unit: 'ml' }, 'Whole milk 1 L', 1, 'less than one unit is one'],
    [{ amount: 1, unit: 'kg' }, 'Spaghetti 500 g', 2, 'kilograms against grams'],
    [{ amount: 12, unit: null }, 'Organic eggs 6 pack', 2, 'a count against a pack'],
    [{ amount: 6, unit: null }, 'Barn eggs 10 pack', 1, 'fewer than a pack is one pack'],
    [{ amount: 3, unit: 'pack' }, 'Barn eggs 10 pack', 3, 'packs asked are packs'],
    [{ amount: 3, unit: null }, 'Baguette', 3, 'a count of a product sold by the piece'],
    [{ amount: 2, unit: 'kg' }, 'Baguette', 1, 'a weight of a product whose unit is unknown'],
    [{ amount: 500, unit: null }, 'Baguette', 99, 'at most 99'],
  ] as [Quantity, string, number, string][])('%j of “%s” is %i (%s)', (asked, product, units) => {
    expect(unitsToBuy(asked, product)).toBe(units);
  });

  it('is one without a quantity', () => {
    expect(unitsToBuy(null, 'Whole milk 1 L')).toBe(1);
  });
});
