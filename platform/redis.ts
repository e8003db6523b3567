import Redis from 'ioredis';
import type { RedisConfig } from './config';

export type { Redis };

/**
 * A fail-fast client: commands time out, nothing queues while disconnected,
 * so a Redis outage surfaces as an error instead of a hung request.
 */
export async function createRedis(config: RedisConfig, options: { blocking?: boolean; tolerateDown?: boolean } = {}): Promise<Redis> {
  const client = new Redis(config.url, {
    lazyConnect: true,
    connectTimeout: Math.max(config.commandTimeoutMs, 1000),
    // Blocking reads (XREADGROUP BLOCK) wait longer than any command timeout.
    commandTimeout: options.blocking ? undefined : config.commandTimeoutMs,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
  });
  // Reconnection is automatic; an unhandled 'error' event would crash the process.
  let lastError: unknown;
  client.on('error', (error) => (lastError = error));
  try {
    await client.connect();
  } catch (error) {
    // A long-lived connection of a service (`tolerateDown`) keeps trying in the
    // background instead: the service starts, reports not ready, and serves
    // what needs no Redis until Redis comes up.
    if (options.tolerateDown) return client;
    // The caller never gets this client, so it must not go on reconnecting
    // (and keeping the process alive) in the background.
    client.disconnect();
    // connect() only says "Connection is closed."; the 'error' event says why.
    throw lastError ?? error;
  }
  return client;
}
