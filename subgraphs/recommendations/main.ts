import { runService } from '../../platform/http/runService';
import { buildRecommendationsService } from './server';

// Deployed on its own, the products subgraph is at SUBGRAPH_PRODUCTS_URL, or on this machine's products port.
void runService('recommendations', (infra) =>
  buildRecommendationsService(infra, {
    productsUrl: infra.config.gateway.subgraphUrls.products ?? `http://127.0.0.1:${infra.config.ports.products}/graphql`,
  }),
);
