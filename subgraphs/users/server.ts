import { ApiKeyAdmin } from '../../platform/auth/apiKeyAdmin';
import { ApiKeyVerifier, type ApiKeyPrincipal } from '../../platform/auth/apiKeys';
import { openDatabase, type Database } from '../../platform/database/database';
import { createEventConsumers } from '../../platform/events/eventConsumers';
import { reportOutboxBacklog } from '../../platform/events/outbox/outboxMetrics';
import { OutboxRelay } from '../../platform/events/outbox/outboxRelay';
import { GraphQLService } from '../../platform/http/graphqlService';
import { metricsEndpointOptions } from '../../platform/observability/metricsEndpoint';
import { subgraphSecurity } from '../../platform/http/subgraphSecurity';
import { subgraphBodyLimits, subgraphSchema } from '../../platform/graphql/subgraphSchema';
import type { Infrastructure } from '../../platform/infrastructure';
import { projectFile } from '../../platform/paths';
import { CatalogClient } from './catalog/catalogClient';
import { startCartPriceSync } from './catalog/cartPriceSync';
import type { UsersContext } from './context';
import { CartRepository } from './data/cartRepository';
import { InteractionRepository } from './data/interactionRepository';
import { OrderRepository } from './data/orderRepository';
import { SessionRepository } from './data/sessionRepository';
import { ShopperRepository, type Shopper } from './data/shopperRepository';
import { startSessionPurge } from './sessionPurge';
import { sessionShopper } from './session';
import { CartService } from './domain/cartService';
import { SignInService } from './domain/signIn';
import { createIdTokenVerifier } from './identity/idTokens';
import { createUsersLoaders } from './loaders';
import { resolvers } from './resolvers';
import { storageChecks } from '../../platform/http/readiness';

export const usersSchemaPath = projectFile('subgraphs', 'users', 'schema.graphql');

export interface UsersServiceOptions {
  /** The products subgraph's GraphQL URL: the catalog facts a cart needs come from there. */
  productsUrl: string;
}

export interface UsersService {
  service: GraphQLService<UsersContext>;
  db: Database;
  relay: OutboxRelay;
  close(): Promise<void>;
}

export function buildUsersService(infra: Infrastructure, options: UsersServiceOptions): UsersService {
  const db = openDatabase(infra.database, { service: 'users' });
  const logger = infra.logger.child({ service: 'users' });
  const sessions = new SessionRepository(db.prisma, infra.config.sessions);
  const shoppers = new ShopperRepository(db.prisma, sessions);
  const purge = startSessionPurge(sessions, infra.config.sessions, logger);
  // Publishes what this subgraph's transactions wrote to shoppers.outbox_event (also rows left by a CLI run with no API up).
  const relay = new OutboxRelay(db.prisma, 'shoppers', infra.events, infra.config.outbox, logger);
  const stopReportingOutbox = reportOutboxBacklog('users', 'shoppers', relay);
  relay.start();
  const orders = new OrderRepository(db.prisma);
  const interactions = new InteractionRepository(db.prisma);
  const carts = new CartService(new CartRepository(db.prisma));
  const signIns = new SignInService(createIdTokenVerifier(infra.config.signIn, infra.internal.fetch), shoppers, sessions, carts);
  const catalog = new CatalogClient(options.productsUrl, logger, infra.internal.fetch);
  const apiKeys = new ApiKeyVerifier(db.prisma, logger, { ...infra.config.apiKeys, pubsub: infra.pubsub });
  const apiKeyAdmin = new ApiKeyAdmin(db.prisma, infra.pubsub);
  const consumers = createEventConsumers(infra.config, 'users', infra.events, logger);
  // Retried until it starts (a Redis timeout at boot); the service is not ready until then.
  consumers.start('cart price sync', () => startCartPriceSync(consumers, carts, logger));

  const service = new GraphQLService<UsersContext>({
    name: 'users',
    logger,
    http: infra.config.http,
    apollo: { schema: subgraphSchema(usersSchemaPath, resolvers) },
    bodyLimits: subgraphBodyLimits(usersSchemaPath),
    context: async (req) => {
      const header = req.headers['x-session-token'];
      const sessionToken = typeof header === 'string' && header.length > 0 ? header : undefined;
      const keyHeader = req.headers['x-api-key'];
      let session: Promise<Shopper | null> | undefined;
      let principal: Promise<ApiKeyPrincipal | null> | undefined;
      return {
        db,
        logger,
        shoppers,
        sessions,
        orders,
        interactions,
        carts,
        signIns,
        events: infra.events,
        catalog,
        loaders: createUsersLoaders(shoppers, catalog),
        sessionToken,
        session: () => (session ??= sessionShopper(sessions, sessionToken)),
        principal: () => (principal ??= apiKeys.verify(typeof keyHeader === 'string' ? keyHeader : undefined)),
        apiKeyAdmin,
      };
    },
    ready: [...storageChecks(db, infra), { name: 'events', check: async () => consumers.check() }],
    landingPage: false,
    metrics: metricsEndpointOptions(infra.config, 'users'),
    ...subgraphSecurity(infra.config),
  });
  return {
    service,
    db,
    relay,
    close: async () => {
      purge.stop();
      await service.stop();
      stopReportingOutbox();
      await relay.stop();
      await consumers.close();
      await apiKeys.close();
      await db.close();
    },
  };
}
