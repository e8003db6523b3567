import type { ServiceName } from '../platform/config';
import type { Infrastructure } from '../platform/infrastructure';
import type { BuiltService } from '../platform/http/runService';
import { buildProductsService, productsSchemaPath } from './products/server';
import { buildRecommendationsService, recommendationsSchemaPath } from './recommendations/server';
import { buildUsersService, usersSchemaPath } from './users/server';

export type SubgraphName = Exclude<ServiceName, 'gateway'>;

export interface SubgraphDefinition {
  name: SubgraphName;
  schemaPath: string;
  /**
   * `peers` maps the name of each subgraph started before this one to its
   * GraphQL URL, for the few facts a subgraph must ask another for at write time.
   */
  build(infra: Infrastructure, peers: Record<string, string>): Promise<BuiltService> | BuiltService;
}

function peer(peers: Record<string, string>, name: SubgraphName, by: SubgraphName): string {
  const url = peers[name];
  if (!url) throw new Error(`The ${by} subgraph needs the ${name} subgraph's URL: start ${name} first`);
  return url;
}

/**
 * Every subgraph of the product, in start order (a subgraph's peers come
 * before it): used by composition and by the all-in-one start.
 */
export const subgraphs: SubgraphDefinition[] = [
  { name: 'products', schemaPath: productsSchemaPath, build: buildProductsService },
  { name: 'users', schemaPath: usersSchemaPath, build: (infra, peers) => buildUsersService(infra, { productsUrl: peer(peers, 'products', 'users') }) },
  {
    name: 'recommendations',
    schemaPath: recommendationsSchemaPath,
    build: (infra, peers) =>
      buildRecommendationsService(infra, { productsUrl: peer(peers, 'products', 'recommendations'), usersUrl: peer(peers, 'users', 'recommendations') }),
  },
];
