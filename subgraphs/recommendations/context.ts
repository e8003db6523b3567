import type { ApiKeyPrincipal } from '../../platform/auth/apiKeys';
import type { Database } from '../../platform/database/database';
import type { Logger } from '../../platform/logger';
import type { CategoryVocabulary } from './catalog/categoryVocabulary';
import type { ExperimentRepository } from './data/experimentRepository';
import type { IntentRepository } from './data/intentRepository';
import type { ExperimentRegistry } from './experiments/experimentRegistry';
import type { ExperimentReports } from './experiments/experimentReports';
import type { ImpressionRecorder } from './experiments/impressionRecorder';
import type { EngineHost } from './learning/engineHost';
import type { HealthReport } from './learning/healthReport';
import type { RecommendationCache } from './recommendationCache';
import type { UsersCart } from './shoppingList/usersCart';
import type { PhotoReader } from './vision/photoReader';

export interface RecommendationsContext {
  db: Database;
  logger: Logger;
  host: EngineHost;
  cache: RecommendationCache;
  vocabulary: CategoryVocabulary;
  intents: IntentRepository;
  /** Reads barcodes and shopping lists from photos sent to recommend(context: { image }), off the event loop. */
  photos: PhotoReader;
  /** The session's shopper and cart in the users subgraph, on behalf of the request's token (fillCartFromList). */
  usersCart: UsersCart;
  /** The shopper of the request's session token, if any (resolved on demand). */
  sessionShopperId(): Promise<string | null>;
  /** The request's API key (x-api-key), verified on demand; null without one. */
  principal(): Promise<ApiKeyPrincipal | null>;
  /** Online experiments: the running ones in memory, their storage, impressions and reports. */
  experiments: ExperimentRegistry;
  experimentStore: ExperimentRepository;
  impressions: ImpressionRecorder;
  reports: ExperimentReports;
  /** This replica's recommendationHealth figures, gathered on demand. */
  health(): Promise<HealthReport>;
}
