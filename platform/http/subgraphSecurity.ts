import { InternalAuth } from '../auth/internalAuth';
import type { Config } from '../config';
import type { GraphQLServiceOptions } from './graphqlService';

/** What every subgraph's GraphQLService gets: HTTPS when configured, and the gateway's signature checked. */
export function subgraphSecurity(config: Config): Pick<GraphQLServiceOptions<never>, 'tls' | 'internalAuth'> {
  const { secret, previousSecret, maxAgeMs, required } = config.internalAuth;
  return {
    tls: config.tls,
    internalAuth: { verifier: secret ? new InternalAuth({ secret, previousSecret, maxAgeMs }) : undefined, required },
  };
}
