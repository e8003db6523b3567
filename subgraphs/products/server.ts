import path from 'node:path';
import { ApiKeyVerifier, type ApiKeyPrincipal } from '../../platform/auth/apiKeys';
import { openDatabase, type Database } from '../../platform/database/database';
import { GraphQLService } from '../../platform/http/graphqlService';
import { metricsEndpointOptions } from '../../platform/observability/metricsEndpoint';
import { subgraphSecurity } from '../../platform/http/subgraphSecurity';
import { subgraphSchema } from '../../platform/graphql/subgraphSchema';
import type { Infrastructure } from '../../platform/infrastructure';
import type { ProductsContext } from './context';
import { catalogData } from './data/catalogData';
import { CatalogEvents } from './domain/catalogEvents';
import { createProductsLoaders } from './loaders';
import { resolvers } from './resolvers';

export const productsSchemaPath = path.join(__dirname, 'schema.graphql');

export interface ProductsService {
  service: GraphQLService<ProductsContext>;
  db: Database;
  apiKeys: ApiKeyVerifier;
  close(): Promise<void>;
}

/** The products subgraph, ready to listen; tests and the entry point share it. */
export function buildProductsService(infra: Infrastructure): ProductsService {
  const db = openDatabase(infra.database, { service: 'products' });
  const logger = infra.logger.child({ service: 'products' });
  const data = catalogData(db.prisma);
  const events = new CatalogEvents(infra.events, data);
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
        events,
        loaders: createProductsLoaders(data),
        principal: () => (principal ??= apiKeys.verify(typeof header === 'string' ? header : undefined)),
      };
    },
    ready: async () => {
      await db.ping();
      await infra.ping();
    },
    landingPage: false,
    metrics: metricsEndpointOptions(infra.config, 'products'),
    ...subgraphSecurity(infra.config),
  });
  return {
    service,
    db,
    apiKeys,
    close: async () => {
      await service.stop();
      await apiKeys.close();
      await db.close();
    },
  };
}
