import { runService } from '../../platform/http/runService';
import { buildUsersService } from './server';

// Deployed on its own, the users subgraph finds the catalog at SUBGRAPH_PRODUCTS_URL,
// or on this machine's products port.
void runService('users', (infra) =>
  buildUsersService(infra, {
    productsUrl: infra.config.gateway.subgraphUrls.products ?? `http://127.0.0.1:${infra.config.ports.products}/graphql`,
  }),
);
