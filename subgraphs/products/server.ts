import { ApiKeyVerifier, type ApiKeyPrincipal } from '../../platform/auth/apiKeys';
import { openDatabase, type Database } from '../../platform/database/database';
import { reportOutboxBacklog } from '../../platform/events/outbox/outboxMetrics';
import { OutboxRelay } from '../../platform/events/outbox/outboxRelay';
import { GraphQLService } from '../../platform/http/graphqlService';
import { metricsEndpointOptions } from '../../platform/observability/metricsEndpoint';
import { subgraphSecurity } from '../../platform/http/subgraphSecurity';
import { subgraphBodyLimits, subgraphSchema } from '../../platform/graphql/subgraphSchema';
import type { Infrastructure } from '../../platform/infrastructure';
import { projectFile } from '../../platform/paths';
import type { ProductsContext } from './context';
import { catalogData } from './data/catalogData';
import { catalogWrites, type CatalogWrites } from './domain/catalogWrites';
import { followCatalogInvalidations } from './data/followCatalogInvalidations';
import { ProductEntityCache } from './data/productEntityCache';
import { createProductsLoaders } from './loaders';
import { resolvers } from './resolvers';
import { storageChecks } from '../../platform/http/readiness';

export const productsSchemaPath = projectFile('subgraphs', 'products', 'schema.graphql');

export interface ProductsService {
  service: GraphQLService<ProductsContext>;
  db: Database;
  apiKeys: ApiKeyVerifier;
  relay: OutboxRelay;
  /** Product rows by id in this process; absent when PRODUCTS_ENTITY_CACHE_SIZE=0. */
  entityCache?: ProductEntityCache;
  close(): Promise<void>;
}

/** The products subgraph, ready to listen; tests and the entry point share it. */
export function buildProductsService(infra: Infrastructure): ProductsService {
  const db = openDatabase(infra.database, { service: 'products' });
  const logger = infra.logger.child({ service: 'products' });
  const data = catalogData(db.prisma);
  const entityCache = infra.config.productEntityCache.maxEntries > 0 ? new ProductEntityCache(infra.config.productEntityCache) : undefined;
  const committed = catalogWrites(db.prisma);
  // This replica's writes clear its cache as they commit; the others hear it from the catalog stream.
  const writes: CatalogWrites = entityCache ? (change) => committed(change).finally(() => entityCache.clear()) : committed;
  const invalidations = entityCache ? followCatalogInvalidations(infra.events, entityCache, logger) : undefined;
  // A failed start leaves only the time limit: logged, never fatal.
  invalidations?.catch((error) => logger.warn({ err: error }, 'product cache not following the catalog stream; entries expire by time only'));
  // Publishes what this subgraph's transactions wrote to catalog.outbox_event (also rows left by a CLI run with no API up).
  const relay = new OutboxRelay(db.prisma, 'catalog', infra.events, infra.config.outbox, logger);
  const stopReportingOutbox = reportOutboxBacklog('products', 'catalog', relay);
  relay.start();
  const apiKeys = new ApiKeyVerifier(db.prisma, logger, { ...infra.config.apiKeys, pubsub: infra.pubsub });
  const service = new GraphQLService<ProductsContext>({
    name: 'products',
    logger,
    http: infra.config.http,
    apollo: { schema: subgraphSchema(productsSchemaPath, resolvers) },
    bodyLimits: subgraphBodyLimits(productsSchemaPath),
    context: async (req) => {
      const header = req.headers['x-api-key'];
      let principal: Promise<ApiKeyPrincipal | null> | undefined;
      return {
        db,
        logger,
        data,
        writes,
        // A peer that decides a write on what it reads (the users subgraph's stock and price checks) asks for no-cache.
        loaders: createProductsLoaders(data, /no-cache/i.test(String(req.headers['cache-control'] ?? '')) ? undefined : entityCache),
        principal: () => (principal ??= apiKeys.verify(typeof header === 'string' ? header : undefined)),
      };
    },
    ready: storageChecks(db, infra),
    landingPage: false,
    metrics: metricsEndpointOptions(infra.config, 'products'),
    ...subgraphSecurity(infra.config),
  });
  return {
    service,
    db,
    apiKeys,
    relay,
    entityCache,
    close: async () => {
      await service.stop();
      await (await invalidations?.catch(() => undefined))?.stop();
      stopReportingOutbox();
      await relay.stop();
      await apiKeys.close();
      await db.close();
    },
  };
}
