import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { OperationTypeNode } from 'graphql';
import { createClient, type Client } from 'graphql-ws';

/**
 * One Apollo Client for a SmartCart app: queries and mutations over HTTP,
 * subscriptions over graphql-ws, both at the gateway's /graphql and both
 * carrying the shopper's session. Browsers cannot set headers on a WebSocket,
 * so the socket carries the token as the `sessionToken` connection parameter
 * (what the gateway reads there); HTTP sends it as `x-session-token`.
 */
export interface SmartCartClientOptions {
  /** The gateway's GraphQL URL, e.g. `http://127.0.0.1:4000/graphql` (or `/graphql` in a browser on the gateway's origin). */
  httpUrl: string;
  /** Its WebSocket URL (`ws://…/graphql`); derived from httpUrl and the page's location when omitted. */
  wsUrl?: string;
  /** The current session token, or undefined before a session was started. Read on every request. */
  sessionToken: () => string | undefined;
  /** A WebSocket implementation where there is no global one (Node: `ws`). */
  webSocketImpl?: unknown;
  /**
   * Called when the API refuses the session (UNAUTHENTICATED: ended, expired,
   * replaced), so the app can start a new one; `reason` is the API's
   * `extensions.reason` (SESSION_IDLE_EXPIRED …).
   */
  onSessionRefused?: (reason: string | undefined) => void;
}

export interface SmartCartClient {
  apollo: ApolloClient;
  /** Closes the socket; the next subscription opens a new one with the then current token. */
  reconnect(): void;
  close(): void;
}

export const SESSION_HEADER = 'x-session-token';

function webSocketUrl(httpUrl: string): string {
  const base = typeof location === 'undefined' ? undefined : location.href;
  const url = new URL(httpUrl, base);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}

export function createSmartCartClient(options: SmartCartClientOptions): SmartCartClient {
  const ws: Client = createClient({
    url: options.wsUrl ?? webSocketUrl(options.httpUrl),
    webSocketImpl: options.webSocketImpl,
    // Evaluated at every (re)connect, so a token started later is picked up.
    connectionParams: () => {
      const sessionToken = options.sessionToken();
      return sessionToken ? { sessionToken } : {};
    },
    lazy: true,
    retryAttempts: Infinity,
  });
  const session = new SetContextLink((prevContext) => {
    const token = options.sessionToken();
    return token ? { headers: { ...prevContext.headers, [SESSION_HEADER]: token } } : {};
  });
  const refused = new ErrorLink(({ error }) => {
    if (!CombinedGraphQLErrors.is(error) || !options.sessionToken()) return;
    const unauthenticated = error.errors.find((e) => e.extensions?.code === 'UNAUTHENTICATED');
    if (unauthenticated) options.onSessionRefused?.(unauthenticated.extensions?.reason as string | undefined);
  });
  const http = ApolloLink.from([refused, session, new HttpLink({ uri: options.httpUrl })]);
  const link = ApolloLink.split((operation) => operation.operationType === OperationTypeNode.SUBSCRIPTION, new GraphQLWsLink(ws), http);
  const apollo = new ApolloClient({
    link,
    cache: new InMemoryCache({
      typePolicies: {
        // A cart's items and a list's items are replaced as a whole, never merged.
        Cart: { fields: { items: { merge: false } } },
        RecommendationList: { keyFields: false },
        // The session's cart is one object whatever field (cart, me.cart, a mutation) brought it.
        Query: { fields: { cart: { merge: true } } },
      },
    }),
  });
  return {
    apollo,
    reconnect: () => ws.terminate(),
    close: () => {
      void ws.dispose();
      apollo.stop();
    },
  };
}
