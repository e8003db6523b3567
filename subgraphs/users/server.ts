import path from 'node:path';
import { openDatabase, type Database } from '../../platform/database/database';
import { GraphQLService } from '../../platform/http/graphqlService';
import { subgraphSchema } from '../../platform/graphql/subgraphSchema';
import type { Infrastructure } from '../../platform/infrastructure';
import type { UsersContext } from './context';
import { ShopperRepository } from './data/shopperRepository';
import { createUsersLoaders } from './loaders';
import { resolvers } from './resolvers';

export const usersSchemaPath = path.join(__dirname, 'schema.graphql');

export interface UsersService {
  service: GraphQLService<UsersContext>;
  db: Database;
  close(): Promise<void>;
}

export function buildUsersService(infra: Infrastructure): UsersService {
  const db = openDatabase(infra.database);
  const logger = infra.logger.child({ service: 'users' });
  const shoppers = new ShopperRepository(db.prisma);
  const service = new GraphQLService<UsersContext>({
    name: 'users',
    logger,
    apollo: { schema: subgraphSchema(usersSchemaPath, resolvers) },
    context: async (req) => {
      const token = req.headers['x-session-token'];
      return {
        db,
        logger,
        shoppers,
        loaders: createUsersLoaders(shoppers),
        sessionToken: typeof token === 'string' && token.length > 0 ? token : undefined,
      };
    },
    ready: async () => {
      await db.ping();
      await infra.ping();
    },
    landingPage: false,
  });
  return {
    service,
    db,
    close: async () => {
      await service.stop();
      await db.close();
    },
  };
}
