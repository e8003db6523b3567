import type DataLoader from 'dataloader';
import { uuidLoader } from '../../platform/dataloader';
import type { Product, ProductRepository } from './data/productRepository';

export interface ProductsLoaders {
  productById: DataLoader<string, Product | null>;
}

/** Built per request, so batching and memoising never cross requests. */
export function createProductsLoaders(products: ProductRepository): ProductsLoaders {
  return {
    productById: uuidLoader((ids) => products.findByIds(ids)),
  };
}
