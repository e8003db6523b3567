import { ensureStandardCategories } from '../seed/categoryTree';
import { basketItemSku, basketProductRows, parseBaskets } from './baskets';
import { importRows, type ImportDependencies, type ImportResult } from './importProducts';
import { jsonField } from './jsonRows';

export interface BasketImport {
  products: ImportResult;
  /** Each basket as product ids, keyed `<source>:<line>`: what purchase history is made of. Empty when the products failed. */
  baskets: { key: string; productIds: string[] }[];
}

/**
 * Imports a baskets file (groceries.csv): every distinct item becomes a
 * product of the standard category tree, and every basket is returned as
 * product ids for the users subgraph's purchase history.
 */
export async function importBaskets(deps: ImportDependencies, text: string, source: string): Promise<BasketImport> {
  const baskets = parseBaskets(text);
  const { created } = await ensureStandardCategories(deps.data.categories);
  for (const category of created) await deps.events.categoryChanged(category.id, category.parentId);
  const products = await importRows(deps, { rows: basketProductRows(baskets), errors: [] }, jsonField);
  if (products.errors.length > 0) return { products, baskets: [] };
  return {
    products,
    baskets: baskets.map(({ line, items }) => ({
      key: `${source}:${line}`,
      productIds: items.map((item) => products.products.get(basketItemSku(item))!.id),
    })),
  };
}
