import type { Database } from '../../platform/database/database';
import type { Logger } from '../../platform/logger';
import type { CategoryVocabulary } from './catalog/categoryVocabulary';
import type { IntentRepository } from './data/intentRepository';
import type { EngineHost } from './learning/engineHost';
import type { RecommendationsLoaders } from './loaders';
import type { RecommendationCache } from './recommendationCache';

export interface RecommendationsContext {
  db: Database;
  loaders: RecommendationsLoaders;
  logger: Logger;
  host: EngineHost;
  cache: RecommendationCache;
  vocabulary: CategoryVocabulary;
  intents: IntentRepository;
  /** The shopper of the request's session token, if any (resolved on demand). */
  sessionShopperId(): Promise<string | null>;
}
