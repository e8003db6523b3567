import fs from 'node:fs';
import { Agent, fetch as undiciFetch } from 'undici';
import { InternalAuth } from '../auth/internalAuth';
import type { Config } from '../config';
import { currentRequestId, REQUEST_ID_HEADER } from '../requestContext';

/** The part of fetch that service-to-service calls use. */
export interface FetchInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
}
export type FetchLike = (url: string, init?: FetchInit) => Promise<Response>;

/**
 * How this process calls the other services: every request signed with the
 * internal secret (when set), https trusted against TLS_CA_FILE (when set).
 * One instance per process; the gateway's subgraph fetcher and
 * `postGraphQL` both go through it.
 */
export interface InternalCalls {
  fetch: FetchLike;
  /** The signature headers alone, for a client that builds its own requests. */
  sign(method: string, url: string, body?: string): Record<string, string>;
  /** TLS options for a client that opens its own connections (an undici Agent/Pool per subgraph). */
  connect: { ca?: Buffer };
  /** INTERNAL_CALL_TIMEOUT_MS: a call without its own signal is abandoned after this long. */
  timeoutMs: number;
  close(): Promise<void>;
}

export function createInternalCalls(config: Pick<Config, 'internalAuth' | 'tls'> & Partial<Pick<Config, 'internalCallTimeoutMs'>>): InternalCalls {
  const timeoutMs = config.internalCallTimeoutMs ?? 2000;
  const auth = config.internalAuth.secret
    ? new InternalAuth({ secret: config.internalAuth.secret, maxAgeMs: config.internalAuth.maxAgeMs })
    : undefined;
  const ca = config.tls.caFile ? fs.readFileSync(config.tls.caFile) : undefined;
  // Node's global fetch cannot take a CA; undici's own fetch with an Agent can.
  const agent = ca ? new Agent({ connect: { ca } }) : undefined;
  const sign = (method: string, url: string, body?: string) => (auth ? auth.sign(method, url, body ?? '') : {});
  return {
    sign,
    connect: { ca },
    timeoutMs,
    fetch: (url, init = {}) => {
      // The request being served, if any, is named in the peer's log lines too.
      const requestId = currentRequestId();
      const headers = {
        ...(requestId ? { [REQUEST_ID_HEADER]: requestId } : {}),
        ...init.headers,
        ...sign(init.method ?? 'GET', url, init.body),
      };
      // A peer that accepts and never answers must not hold the caller's request for minutes.
      const signal = init.signal ?? AbortSignal.timeout(timeoutMs);
      if (!agent) return fetch(url, { ...init, headers, signal });
      return undiciFetch(url, { ...init, headers, signal, dispatcher: agent }) as unknown as Promise<Response>;
    },
    close: async () => {
      await agent?.close();
    },
  };
}
