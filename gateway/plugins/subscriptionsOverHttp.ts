import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../../platform/errors';

/**
 * A subscription sent as a plain HTTP request (what many playgrounds and
 * clients do by default) cannot be served there: the gateway streams
 * subscriptions over WebSocket only. Without this the query planner fails on
 * it and the client reads "Internal server error"; with it the client is told
 * where to go, as a 400 BAD_REQUEST, before any subgraph is asked.
 */
export function subscriptionsOverHttpPlugin<TContext extends BaseContext>(webSocketPath: string): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation }) {
          if (operation?.operation !== 'subscription') return;
          throw new GraphQLError(
            `Subscriptions are served over WebSocket only: connect to ${webSocketPath} with the graphql-ws protocol (subprotocol "graphql-transport-ws") and subscribe there`,
            { extensions: { code: ErrorCode.BAD_REQUEST, reason: 'SUBSCRIPTION_OVER_HTTP', protocol: 'graphql-transport-ws', path: webSocketPath, http: { status: 400 } } },
          );
        },
      };
    },
  };
}
