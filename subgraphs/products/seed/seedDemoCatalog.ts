import type { Product } from '../../../prisma/generated/client/client';
import type { CatalogData } from '../data/catalogData';
import type { CatalogEvents } from '../domain/catalogEvents';
import { ensureStandardCategories } from './categoryTree';
import { demoCatalog } from './demoCatalog';

export interface SeededProduct {
  product: Product;
  /** Slugs of its category and that category's parent. */
  categorySlug: string;
  parentSlug: string | null;
}

/**
 * Writes the demo catalog (categories, products, stores and their stock
 * lists) where it is missing, and announces it like any other catalog
 * change (in the outbox of the caller's transaction: run it in `writes`), so subscribers (the recommendations projection) learn it.
 */
export async function seedDemoCatalog(data: CatalogData, events: CatalogEvents): Promise<{ inserted: number; products: SeededProduct[] }> {
  const { bySlug, created } = await ensureStandardCategories(data.categories);
  const { products, stores } = demoCatalog();
  const inserted = await data.products.insertMissing(
    products.map(({ categorySlug, ...product }) => ({ ...product, categoryId: bySlug.get(categorySlug)?.id ?? null })),
  );
  await data.stores.insertMissing(stores.map(({ productIds: _productIds, ...store }) => store));
  await data.stores.addProducts(stores.flatMap((store) => store.productIds.map((productId) => ({ storeId: store.id, productId }))));

  const rows = await data.products.findByIds(products.map((p) => p.id));
  const byId = new Map(rows.map((row) => [row.id, row]));
  const slugOf = new Map([...bySlug.values()].map((c) => [c.id, c]));
  for (const category of created) await events.categoryChanged(category.id, category.parentId);
  await events.productsCreated(rows);
  const storeRows = await data.stores.findByIds(stores.map((s) => s.id));
  for (const store of storeRows) await events.storeChanged(store, await data.stores.productIdsOf(store.id));

  return {
    inserted,
    products: products.flatMap(({ id, categorySlug }) => {
      const product = byId.get(id);
      if (!product) return [];
      const parentId = product.categoryId ? slugOf.get(product.categoryId)?.parentId : null;
      return [{ product, categorySlug, parentSlug: parentId ? (slugOf.get(parentId)?.slug ?? null) : null }];
    }),
  };
}
