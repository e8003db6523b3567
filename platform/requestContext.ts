import { AsyncLocalStorage } from 'node:async_hooks';
import crypto from 'node:crypto';

// What one request carries through every await: its id (so every log line of
// the request can name it, platform/logger.ts) and what the gateway's access
// log counts. Set at the HTTP edge of each service (platform/http/graphqlService.ts).

export const REQUEST_ID_HEADER = 'x-request-id';

export interface RequestContext {
  requestId: string;
  /** Subgraph fetches made for this request (the gateway's access log). */
  subgraphCalls: number;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** A client's own id is kept when it looks like an id (no spaces, no control characters, bounded). */
const SANE_ID = /^[A-Za-z0-9._:@/+=-]{1,128}$/;

/** The id to use for a request: the caller's when it is sane, a fresh UUID otherwise. */
export function requestIdFrom(header: string | string[] | undefined): string {
  return typeof header === 'string' && SANE_ID.test(header) ? header : crypto.randomUUID();
}

export function runWithRequestContext<T>(context: RequestContext, run: () => T): T {
  return storage.run(context, run);
}

export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}

export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}
