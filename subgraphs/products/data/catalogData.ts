import type { Db } from '../../../platform/database/transact';
import { CategoryRepository } from './categoryRepository';
import { ProductRepository } from './productRepository';
import { ProductSearch } from './productSearch';
import { StoreRepository } from './storeRepository';

export interface CatalogData {
  products: ProductRepository;
  categories: CategoryRepository;
  stores: StoreRepository;
  search: ProductSearch;
}

/** Every repository of the catalog, over one Prisma client. */
export function catalogData(prisma: Db): CatalogData {
  return {
    products: new ProductRepository(prisma),
    categories: new CategoryRepository(prisma),
    stores: new StoreRepository(prisma),
    search: new ProductSearch(prisma),
  };
}
