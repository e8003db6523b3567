import type DataLoader from 'dataloader';
import { uuidLoader } from '../../platform/dataloader';
import type { CatalogClient, CatalogProduct } from './catalog/catalogClient';
import type { Shopper, ShopperRepository } from './data/shopperRepository';

export interface UsersLoaders {
  shopperById: DataLoader<string, Shopper | null>;
  /** Products from the products subgraph: one HTTP call per request tick, whatever the number of items. */
  catalogProduct: DataLoader<string, CatalogProduct | null>;
}

export function createUsersLoaders(shoppers: ShopperRepository, catalog: CatalogClient): UsersLoaders {
  return { shopperById: uuidLoader((ids) => shoppers.findByIds(ids)), catalogProduct: catalog.loader() };
}
