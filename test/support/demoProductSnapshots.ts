import type { NutritionSnapshot, ProductSnapshot } from '../../platform/events/topics';
import { standardCategories } from '../../subgraphs/products/seed/categoryTree';
import { demoCatalog } from '../../subgraphs/products/seed/demoCatalog';

/**
 * The demo catalog as the catalog events' product snapshots, without a
 * database: category ids are the category slugs (path: parent, aisle). For
 * engine tests that need a realistic shop.
 */
export function demoProductSnapshots(): ProductSnapshot[] {
  const parentOf = new Map(standardCategories().map((c) => [c.slug, c.parentSlug]));
  return demoCatalog().products.map((p) => {
    const parent = parentOf.get(p.categorySlug) ?? null;
    const price = p.price.toFixed(2);
    return {
      productId: p.id,
      sku: p.sku,
      name: p.name,
      brand: p.brand ?? null,
      tags: p.tags ?? [],
      categoryId: p.categorySlug,
      categoryPath: parent ? [parent, p.categorySlug] : [p.categorySlug],
      price,
      effectivePrice: price,
      currency: 'EUR',
      stockQuantity: 10,
      dietaryTags: p.dietaryTags ?? [],
      sustainabilityScore: p.sustainabilityScore ?? null,
      carbonFootprintKg: p.carbonFootprintKg?.toFixed(3) ?? null,
      sustainabilityLabels: p.sustainabilityLabels ?? [],
      storeIds: [],
      archived: false,
      kind: 'MERCHANDISE',
      description: p.description ?? '',
      nutrition: (p.nutrition as NutritionSnapshot | null | undefined) ?? null,
    };
  });
}
