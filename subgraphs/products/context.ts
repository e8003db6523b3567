import type { ApiKeyPrincipal } from '../../platform/auth/apiKeys';
import type { Database } from '../../platform/database/database';
import type { Logger } from '../../platform/logger';
import type { CatalogEvents } from './domain/catalogEvents';
import type { CatalogData } from './data/catalogData';
import type { ProductsLoaders } from './loaders';

export interface ProductsContext {
  db: Database;
  loaders: ProductsLoaders;
  logger: Logger;
  data: CatalogData;
  events: CatalogEvents;
  /** Who sent the request's `x-api-key`; looked up on first use, null without a valid key. */
  principal(): Promise<ApiKeyPrincipal | null>;
}
