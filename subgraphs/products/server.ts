import { ApiKeyVerifier, type ApiKeyPrincipal } from '../../platform/auth/apiKeys';
import { openDatabase, type Database } from '../../platform/database/database';
import { reportOutboxBacklog } from '../../platform/events/outbox/outboxMetrics';
import { OutboxRelay } from '../../platform/events/outbox/outboxRelay';
import { GraphQLService } from '../../platform/http/graphqlService';
import { metricsEndpointOptions } from '../../platform/observability/metricsEndpoint';
import { subgraphSecurity } from '../../platform/http/subgraphSecurity';
import { subgraphSchema } from '../../platform/graphql/subgraphSchema';
import type { Infrastructure } from '../../platform/infrastructure';
import { projectFile } from '../../platform/paths';
import type { ProductsContext } from './context';
import { catalogData } from './data/catalogData';
import { catalogWrites } from './domain/catalogWrites';
import { createProductsLoaders } from './loaders';
import { resolvers } from './resolvers';
import { storageChecks } from '../../platform/http/readiness';

export const productsSchemaPath = projectFile('subgraphs', 'products', 'schema.graphql');

export interface ProductsService {
  service: GraphQLService<ProductsContext>;
  db: Database;
  apiKeys: ApiKeyVerifier;
  relay: OutboxRelay;
  close(): Promise<void>;
}

/** The products subgraph, ready to listen; tests and the entry point share it. */
export function buildProductsService(infra: Infrastructure): ProductsService {
  const db = openDatabase(infra.database, { service: 'products' });
  const logger = infra.logger.child({ service: 'products' });
  const data = catalogData(db.prisma);
  const writes = catalogWrites(db.prisma);
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
    context: async (req) => {
      const header = req.headers['x-api-key'];
      let principal: Promise<ApiKeyPrincipal | null> | undefined;
      return {
        db,
        logger,
        data,
        writes,
        loaders: createProductsLoaders(data),
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
    close: async () => {
      await service.stop();
      stopReportingOutbox();
      await relay.stop();
      await apiKeys.close();
      await db.close();
    },
  };
}
