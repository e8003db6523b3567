import type { Database } from '../../platform/database/database';
import type { Logger } from '../../platform/logger';
import type { ShopperRepository } from './data/shopperRepository';
import type { UsersLoaders } from './loaders';

export interface UsersContext {
  db: Database;
  shoppers: ShopperRepository;
  loaders: UsersLoaders;
  logger: Logger;
  /** The raw `x-session-token` header, if any. */
  sessionToken: string | undefined;
}
