import { createGraphiQLFetcher, type Fetcher } from '@graphiql/toolkit';
import { getOperationAST, GraphQLError, parse } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import { SESSION_HEADER } from './examples';

/**
 * GraphiQL's fetcher for this gateway: queries and mutations over HTTP with
 * the headers editor's headers, subscriptions over graphql-ws on the same URL.
 *
 * The gateway authenticates a socket once, from `sessionToken` in the
 * connection_init params (gateway/subscriptions/subscriptionServer.ts), not
 * from HTTP headers, so the token typed into the headers editor is mapped onto
 * that parameter: one socket per token, reused while the token stays the same.
 * `onResult` sees every query's and mutation's answer (the session tab's token).
 */
export function createSessionFetcher(httpUrl: string, webSocketUrl: string, onResult: (result: unknown) => void = () => undefined): Fetcher {
  const byToken = new Map<string, { client: Client; fetcher: Fetcher }>();
  const fetcherFor = (token: string): Fetcher => {
    let entry = byToken.get(token);
    if (!entry) {
      // A token typed over replaces the previous one: its socket is no longer wanted.
      for (const old of byToken.values()) void old.client.dispose();
      byToken.clear();
      const client = createClient({ url: webSocketUrl, connectionParams: token ? { sessionToken: token } : {}, retryAttempts: 0 });
      // Plain JSON answers over HTTP: the gateway has no @defer/@stream to stream multipart.
      entry = { client, fetcher: createGraphiQLFetcher({ url: httpUrl, wsClient: client, enableIncrementalDelivery: false }) };
      byToken.set(token, entry);
    }
    return entry.fetcher;
  };
  return (params, options) => {
    const headers = (options?.headers ?? {}) as Record<string, unknown>;
    const token = typeof headers[SESSION_HEADER] === 'string' ? (headers[SESSION_HEADER] as string).trim() : '';
    // Without a session the gateway closes the socket (4403): say what to do instead.
    if (!token && isSubscription(params.query, params.operationName)) {
      return Promise.resolve({
        errors: [
          new GraphQLError(
            `Subscriptions need a session: run the StartSession mutation and put its token in the ${SESSION_HEADER} header (Headers, below the editor), then run the subscription again.`,
            { extensions: { code: 'UNAUTHENTICATED', reason: 'SESSION_TOKEN_MISSING' } },
          ),
        ],
      });
    }
    // An empty header would reach the subgraphs as a (bad) token: send none instead.
    const sent = { ...headers };
    if (!token) delete sent[SESSION_HEADER];
    const result = fetcherFor(token)(params, { ...options, headers: sent });
    // Queries and mutations resolve to their answer: a new session's token is noticed there.
    if (result && typeof (result as PromiseLike<unknown>).then === 'function') void (result as PromiseLike<unknown>).then(onResult, () => undefined);
    return result;
  };
}

function isSubscription(query: string, operationName?: string | null): boolean {
  try {
    return getOperationAST(parse(query), operationName ?? undefined)?.operation === 'subscription';
  } catch {
    // Not parseable: the gateway's answer says why.
    return false;
  }
}
