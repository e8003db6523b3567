import path from 'node:path';
import { openDatabase, type Database } from '../../platform/database/database';
import { GraphQLService } from '../../platform/http/graphqlService';
import { subgraphSchema } from '../../platform/graphql/subgraphSchema';
import type { Infrastructure } from '../../platform/infrastructure';
import type { ProductsContext } from './context';
import { ProductRepository } from './data/productRepository';
import { createProductsLoaders } from './loaders';
import { resolvers } from './resolvers';

export const productsSchemaPath = path.join(__dirname, 'schema.graphql');

export interface ProductsService {
  service: GraphQLService<ProductsContext>;
  db: Database;
  close(): Promise<void>;
}

/** The products subgraph, ready to listen; tests and the entry point share it. */
export function buildProductsService(infra: Infrastructure): ProductsService {
  const db = openDatabase(infra.database);
  const logger = infra.logger.child({ service: 'products' });
  const repository = new ProductRepository(db.prisma);
  const service = new GraphQLService<ProductsContext>({
    name: 'products',
    logger,
    apollo: { schema: subgraphSchema(productsSchemaPath, resolvers) },
    context: async () => ({ db, logger, loaders: createProductsLoaders(repository) }),
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
