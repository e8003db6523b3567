import type { ProductSnapshot } from '../../platform/events/topics';

/**
 * Catalog events' product snapshots for engine tests: each call makes a
 * product with the next numbered id (from `firstId`), the test's defaults,
 * then the product's own overrides. Ids are fixed, so a failing test names
 * the same products on every run.
 */
export function productSnapshots(defaults: Partial<ProductSnapshot> = {}, firstId = 1): (name: string, overrides?: Partial<ProductSnapshot>) => ProductSnapshot {
  let next = firstId;
  return (name, overrides = {}) => {
    const category = overrides.categoryId ?? defaults.categoryId ?? null;
    return {
      productId: `00000000-0000-4000-8000-${String(next++).padStart(12, '0')}`,
      sku: name.toLowerCase().replace(/\W+/g, '-'),
      name,
      brand: null,
      tags: [],
      categoryId: category,
      categoryPath: category ? [category] : [],
      price: '2.00',
      effectivePrice: '2.00',
      currency: 'EUR',
      stockQuantity: 10,
      dietaryTags: [],
      sustainabilityScore: 50,
      carbonFootprintKg: '1.000',
      sustainabilityLabels: [],
      storeIds: [],
      archived: false,
      ...defaults,
      ...overrides,
    };
  };
}
