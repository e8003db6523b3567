import path from 'node:path';
import { openDatabase, type Database } from '../../platform/database/database';
import { GraphQLService } from '../../platform/http/graphqlService';
import { subgraphSchema } from '../../platform/graphql/subgraphSchema';
import type { Infrastructure } from '../../platform/infrastructure';
import type { RecommendationsContext } from './context';
import { SimilarityRepository } from './data/similarityRepository';
import { createRecommendationsLoaders } from './loaders';
import { resolvers } from './resolvers';

export const recommendationsSchemaPath = path.join(__dirname, 'schema.graphql');

export interface RecommendationsService {
  service: GraphQLService<RecommendationsContext>;
  db: Database;
  close(): Promise<void>;
}

export function buildRecommendationsService(infra: Infrastructure): RecommendationsService {
  const db = openDatabase(infra.database);
  const logger = infra.logger.child({ service: 'recommendations' });
  const similarity = new SimilarityRepository(db.prisma);
  const service = new GraphQLService<RecommendationsContext>({
    name: 'recommendations',
    logger,
    apollo: { schema: subgraphSchema(recommendationsSchemaPath, resolvers) },
    context: async () => ({ db, logger, loaders: createRecommendationsLoaders(similarity) }),
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
