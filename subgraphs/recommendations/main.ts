import { runService } from '../../platform/http/runService';
import { buildRecommendationsService } from './server';

// Deployed on its own, its peers are at SUBGRAPH_<NAME>_URL, or on this machine's ports.
void runService('recommendations', (infra) =>
  buildRecommendationsService(infra, {
    productsUrl: infra.config.gateway.subgraphUrls.products ?? `http://127.0.0.1:${infra.config.ports.products}/graphql`,
    usersUrl: infra.config.gateway.subgraphUrls.users ?? `http://127.0.0.1:${infra.config.ports.users}/graphql`,
  }),
);
