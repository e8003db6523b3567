import fs from 'node:fs';
import { Agent, fetch as undiciFetch } from 'undici';
import { InternalAuth } from '../auth/internalAuth';
import type { Config } from '../config';

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
  close(): Promise<void>;
}

export function createInternalCalls(config: Pick<Config, 'internalAuth' | 'tls'>): InternalCalls {
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
    fetch: (url, init = {}) => {
      const headers = { ...init.headers, ...sign(init.method ?? 'GET', url, init.body) };
      if (!agent) return fetch(url, { ...init, headers });
      return undiciFetch(url, { ...init, headers, dispatcher: agent }) as unknown as Promise<Response>;
    },
    close: async () => {
      await agent?.close();
    },
  };
}
