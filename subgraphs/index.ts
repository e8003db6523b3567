import type { ServiceName } from '../platform/config';
import type { Infrastructure } from '../platform/infrastructure';
import type { BuiltService } from '../platform/http/runService';
import { buildProductsService, productsSchemaPath } from './products/server';
import { buildRecommendationsService, recommendationsSchemaPath } from './recommendations/server';
import { buildUsersService, usersSchemaPath } from './users/server';

export interface SubgraphDefinition {
  name: Exclude<ServiceName, 'gateway'>;
  schemaPath: string;
  build(infra: Infrastructure): BuiltService;
}

/** Every subgraph of the product: used by composition and by the all-in-one start. */
export const subgraphs: SubgraphDefinition[] = [
  { name: 'products', schemaPath: productsSchemaPath, build: buildProductsService },
  { name: 'users', schemaPath: usersSchemaPath, build: buildUsersService },
  { name: 'recommendations', schemaPath: recommendationsSchemaPath, build: buildRecommendationsService },
];
