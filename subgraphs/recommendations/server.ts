import { openDatabase, type Database } from '../../platform/database/database';
import { GraphQLService } from '../../platform/http/graphqlService';
import { metricsEndpointOptions } from '../../platform/observability/metricsEndpoint';
import { subgraphSecurity } from '../../platform/http/subgraphSecurity';
import { subgraphBodyLimits, subgraphSchema } from '../../platform/graphql/subgraphSchema';
import type { Infrastructure } from '../../platform/infrastructure';
import { projectFile } from '../../platform/paths';
import { CategoryVocabulary } from './catalog/categoryVocabulary';
import { sessionShopperId } from './catalog/sessionShopper';
import { UsersCart } from './shoppingList/usersCart';
import { IntentRepository } from './data/intentRepository';
import type { RecommendationsContext } from './context';
import { defaultEngineOptions } from './engine/recommendationEngine';
import { DEFAULT_RETRY } from '../../platform/backoff';
import { createEventConsumers } from '../../platform/events/eventConsumers';
import { startWithRetry } from '../../platform/startWithRetry';
import { EngineHost } from './learning/engineHost';
import { RecommendationCache } from './recommendationCache';
import { resolvers } from './resolvers';
import { storageChecks } from '../../platform/http/readiness';
import { ApiKeyVerifier, type ApiKeyPrincipal } from '../../platform/auth/apiKeys';
import { startExperiments } from './experiments/experimentsService';
import { healthReport } from './learning/healthReport';
import { PhotoReader } from './vision/photoReader';

export const recommendationsSchemaPath = projectFile('subgraphs', 'recommendations', 'schema.graphql');

export interface RecommendationsService {
  service: GraphQLService<RecommendationsContext>;
  db: Database;
  host: EngineHost;
  cache: RecommendationCache;
  close(): Promise<void>;
}

export interface RecommendationsOptions {
  /** The products subgraph, asked for category names (free-text intents). */
  productsUrl: string;
  /** The users subgraph, asked who holds a session token (to keep a shopper's intents). */
  usersUrl: string;
}

/** The recommendations subgraph: loads its engine (snapshot or rebuild), starts learning, then serves. */
export async function buildRecommendationsService(infra: Infrastructure, options: RecommendationsOptions): Promise<RecommendationsService> {
  const db = openDatabase(infra.database, { service: 'recommendations' });
  const logger = infra.logger.child({ service: 'recommendations' });
  const consumers = createEventConsumers(infra.config, 'recommendations', infra.events, logger);
  const host = new EngineHost({
    db,
    events: infra.events,
    consumers,
    logger,
    instanceId: infra.config.instanceId,
    trainIntervalMs: infra.config.recommendations.trainIntervalMs,
    refitPolicy: { afterPurchases: infra.config.recommendations.refitAfterPurchases, maxStalenessMs: infra.config.recommendations.refitMaxStalenessMs },
    staleConsumerMs: infra.config.recommendations.staleConsumerMs,
    engineOptions: { ...defaultEngineOptions, maxShoppers: infra.config.recommendations.maxShoppers },
  });
  const cache = new RecommendationCache(
    infra.cache,
    infra.config.recommendations.cacheTtlSeconds,
    infra.config.recommendations.cacheShopWideTtlSeconds,
    infra.config.recommendations.cacheLocalEntries,
  );
  // Each replica drops what an event changed when it has learned the event itself.
  host.onChange((scopes) => cache.invalidate(scopes));
  // Loading reads the streams' bounds: with Redis down at boot it is retried until Redis answers,
  // rather than the process exiting (the service listens once the model is loaded).
  await startWithRetry('recommendation model load', () => host.start(), { logger, retry: { ...DEFAULT_RETRY, maxMs: infra.config.events.retryMaxMs } }).started;
  const vocabulary = new CategoryVocabulary(options.productsUrl, logger, infra.internal.fetch);
  const intents = new IntentRepository(db.prisma, infra.events, logger);
  // Experiments are defined with API keys (experiments:write / experiments:read).
  const apiKeys = new ApiKeyVerifier(db.prisma, logger, { ...infra.config.apiKeys, pubsub: infra.pubsub });
  const experiments = await startExperiments({ infra, db, consumers, host, logger });
  const health = async () => {
    const [modelBuiltAt, consumerHealth] = await Promise.all([host.modelSavedAt(), consumers.health()]);
    return healthReport({
      instance: infra.config.instanceId,
      engine: host.health(),
      modelBuiltAt,
      consumers: consumerHealth.consumers,
      deadLetters: consumerHealth.deadLetters,
      problems: consumers.problems(),
      now: new Date(),
    });
  };
  // Its worker threads start on the first photo, not here.
  const photos = new PhotoReader(infra.config.recommendations.images);
  const service = new GraphQLService<RecommendationsContext>({
    name: 'recommendations',
    logger,
    http: infra.config.http,
    apollo: { schema: subgraphSchema(recommendationsSchemaPath, resolvers) },
    bodyLimits: subgraphBodyLimits(recommendationsSchemaPath),
    context: async (req) => {
      const token = req.headers['x-session-token'];
      const key = req.headers['x-api-key'];
      let shopper: Promise<string | null> | undefined;
      let principal: Promise<ApiKeyPrincipal | null> | undefined;
      return {
        db,
        logger,
        host,
        cache,
        vocabulary,
        intents,
        photos,
        usersCart: new UsersCart(options.usersUrl, typeof token === 'string' ? token : undefined, infra.internal.fetch),
        sessionShopperId: () => (shopper ??= sessionShopperId(options.usersUrl, typeof token === 'string' ? token : undefined, infra.internal.fetch)),
        principal: () => (principal ??= apiKeys.verify(typeof key === 'string' ? key : undefined)),
        experiments: experiments.registry,
        experimentStore: experiments.repository,
        impressions: experiments.impressions,
        reports: experiments.reports,
        health,
      };
    },
    ready: [...storageChecks(db, infra), { name: 'events', check: async () => consumers.check() }],
    health: () => ({ basketModel: host.basketModelStatus() }),
    landingPage: false,
    metrics: metricsEndpointOptions(infra.config, 'recommendations'),
    ...subgraphSecurity(infra.config),
  });
  return {
    service,
    db,
    host,
    cache,
    close: async () => {
      await service.stop();
      await photos.close();
      await experiments.close();
      await apiKeys.close();
      await host.stop();
      await consumers.close();
      await cache.flush().catch(() => undefined);
      await db.close();
    },
  };
}
