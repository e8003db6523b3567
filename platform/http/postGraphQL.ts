export interface GraphQLReply<T> {
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

import { injectTraceContext } from '../observability/traceContext';
import type { FetchLike } from './internalCalls';

export interface PostGraphQLOptions {
  /** The process's InternalCalls.fetch: signs the call and trusts the configured CA. Node's fetch otherwise. */
  fetch?: FetchLike;
  variables?: Record<string, unknown>;
  headers?: Record<string, string>;
  /** Without it: the fetch's own timeout (InternalCalls: INTERNAL_CALL_TIMEOUT_MS), or 2 s with Node's fetch. */
  timeoutMs?: number;
}

/**
 * One operation to another service's GraphQL endpoint (a subgraph asking a
 * peer, the gateway probing a subgraph). Throws on network failure, timeout
 * or a non-2xx answer; GraphQL errors come back in the reply.
 */
export async function postGraphQL<T>(url: string, query: string, options: PostGraphQLOptions = {}): Promise<GraphQLReply<T>> {
  const send: FetchLike = options.fetch ?? fetch;
  const response = await send(url, {
    method: 'POST',
    // Apollo's CSRF prevention asks non-browser callers to say so.
    // The trace of the request being served continues in the peer (W3C traceparent).
    headers: injectTraceContext({ 'content-type': 'application/json', 'apollo-require-preflight': 'true', ...options.headers }),
    body: JSON.stringify({ query, variables: options.variables }),
    ...(options.timeoutMs !== undefined || !options.fetch ? { signal: AbortSignal.timeout(options.timeoutMs ?? 2000) } : {}),
  });
  if (!response.ok) throw new Error(`HTTP ${response.status} from ${url}`);
  return (await response.json()) as GraphQLReply<T>;
}
