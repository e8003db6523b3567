import type DataLoader from 'dataloader';
import { uuidLoader } from '../../platform/dataloader';
import type { Shopper, ShopperRepository } from './data/shopperRepository';

export interface UsersLoaders {
  shopperById: DataLoader<string, Shopper | null>;
}

export function createUsersLoaders(shoppers: ShopperRepository): UsersLoaders {
  return { shopperById: uuidLoader((ids) => shoppers.findByIds(ids)) };
}
