import type { Product } from '../../../prisma/generated/client/client';
import { changedColumns, pickChanges, toColumns } from './productChanges';
import { Decimal } from './pricing';
import { updateProductSchema } from './productInput';

const stored = {
  id: '0b9c4a52-3f5e-4a8e-9d2b-6b1f0c2d3e4f',
  sku: 'oat-1',
  name: 'Oat drink',
  description: '',
  brand: 'Green Valley',
  categoryId: null,
  price: new Decimal('1.99'),
  currency: 'EUR',
  discountPercent: null,
  images: [{ url: '/a.jpg', alt: '' }],
  stockQuantity: 4,
  rating: new Decimal('4.5'),
  ratingCount: 3,
  tags: ['oat'],
  dietaryTags: ['VEGAN'],
  nutrition: { fat: 1.5, energyKcal: 46 },
  sustainabilityScore: 80,
  carbonFootprintKg: new Decimal('0.310'),
  sustainabilityLabels: ['ORGANIC'],
  archivedAt: null,
  createdAt: new Date(),
  updatedAt: new Date(),
} as unknown as Product;

const columnsOf = (input: unknown) => toColumns(updateProductSchema.parse(input));

describe('product changes', () => {
  it('maps only the fields given, nested sustainability included', () => {
    expect(columnsOf({ price: '2.5', sustainability: { score: 10 } })).toEqual({ price: new Decimal('2.5'), sustainabilityScore: 10 });
    expect(columnsOf({ sustainability: null, brand: null })).toEqual({
      brand: null,
      sustainabilityScore: null,
      carbonFootprintKg: null,
      sustainabilityLabels: [],
    });
  });

  it('sees equal values as unchanged, whatever their representation', () => {
    const same = columnsOf({
      price: '1.990'.slice(0, 4),
      rating: 4.5,
      images: [{ url: '/a.jpg' }],
      nutrition: { energyKcal: 46, fat: 1.5, protein: null },
      sustainability: { carbonFootprintKg: 0.31, labels: ['ORGANIC'] },
      dietaryTags: ['VEGAN', 'VEGAN'],
      brand: 'Green Valley',
    });
    expect(changedColumns(stored, same)).toEqual([]);
  });

  it('picks exactly the columns that differ', () => {
    const { changed, changes } = pickChanges(stored, columnsOf({ name: 'Oat drink', stockQuantity: 5, tags: ['oat', 'barista'], discountPercent: '10' }));
    expect(changed.sort()).toEqual(['discountPercent', 'stockQuantity', 'tags']);
    expect(changes).toEqual({ stockQuantity: 5, tags: ['oat', 'barista'], discountPercent: new Decimal('10') });
  });
});
