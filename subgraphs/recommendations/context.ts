import type { Database } from '../../platform/database/database';
import type { Logger } from '../../platform/logger';
import type { RecommendationsLoaders } from './loaders';

export interface RecommendationsContext {
  db: Database;
  loaders: RecommendationsLoaders;
  logger: Logger;
}
