import type { Database } from '../../platform/database/database';
import type { Logger } from '../../platform/logger';
import type { ProductsLoaders } from './loaders';

export interface ProductsContext {
  db: Database;
  loaders: ProductsLoaders;
  logger: Logger;
}
