import type { ApiKeyPrincipal } from '../../platform/auth/apiKeys';
import type { Database } from '../../platform/database/database';
import type { Logger } from '../../platform/logger';
import type { CatalogWrites } from './domain/catalogWrites';
import type { CatalogData } from './data/catalogData';
import type { ProductsLoaders } from './loaders';

export interface ProductsContext {
  db: Database;
  loaders: ProductsLoaders;
  logger: Logger;
  data: CatalogData;
  /** Catalog changes with their events, in one transaction (the events go to the outbox). */
  writes: CatalogWrites;
  /** Who sent the request's `x-api-key`; looked up on first use, null without a valid key. */
  principal(): Promise<ApiKeyPrincipal | null>;
}
