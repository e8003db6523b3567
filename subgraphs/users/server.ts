import path from 'node:path';
import { ApiKeyVerifier, type ApiKeyPrincipal } from '../../platform/auth/apiKeys';
import { openDatabase, type Database } from '../../platform/database/database';
import type { Subscription } from '../../platform/events/eventBus';
import { GraphQLService } from '../../platform/http/graphqlService';
import { metricsEndpointOptions } from '../../platform/observability/metricsEndpoint';
import { subgraphSecurity } from '../../platform/http/subgraphSecurity';
import { subgraphSchema } from '../../platform/graphql/subgraphSchema';
import type { Infrastructure } from '../../platform/infrastructure';
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

export const usersSchemaPath = path.join(__dirname, 'schema.graphql');

export interface UsersServiceOptions {
  /** The products subgraph's GraphQL URL: the catalog facts a cart needs come from there. */
  productsUrl: string;
}

export interface UsersService {
  service: GraphQLService<UsersContext>;
  db: Database;
  close(): Promise<void>;
}

export function buildUsersService(infra: Infrastructure, options: UsersServiceOptions): UsersService {
  const db = openDatabase(infra.database, { service: 'users' });
  const logger = infra.logger.child({ service: 'users' });
  const sessions = new SessionRepository(db.prisma, infra.config.sessions);
  const shoppers = new ShopperRepository(db.prisma, sessions);
  const purge = startSessionPurge(sessions, infra.config.sessions, logger);
  const orders = new OrderRepository(db.prisma);
  const interactions = new InteractionRepository(db.prisma);
  const carts = new CartService(new CartRepository(db.prisma), infra.events, logger);
  const signIns = new SignInService(createIdTokenVerifier(infra.config.signIn, infra.internal.fetch), shoppers, sessions, carts);
  const catalog = new CatalogClient(options.productsUrl, logger, infra.internal.fetch);
  const apiKeys = new ApiKeyVerifier(db.prisma, logger, { ...infra.config.apiKeys, pubsub: infra.pubsub });
  const priceSync: Promise<Subscription | undefined> = startCartPriceSync(infra.events, carts, logger).catch((error: unknown) => {
    logger.error({ err: error }, 'cart price sync did not start');
    return undefined;
  });

  const service = new GraphQLService<UsersContext>({
    name: 'users',
    logger,
    http: infra.config.http,
    apollo: { schema: subgraphSchema(usersSchemaPath, resolvers) },
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
      };
    },
    ready: async () => {
      await db.ping();
      await infra.ping();
    },
    landingPage: false,
    metrics: metricsEndpointOptions(infra.config, 'users'),
    ...subgraphSecurity(infra.config),
  });
  return {
    service,
    db,
    close: async () => {
      purge.stop();
      await service.stop();
      await (await priceSync)?.stop();
      await apiKeys.close();
      await db.close();
    },
  };
}
