import type { Cache } from './cache/cache';
import { MemoryCache } from './cache/memoryCache';
import { RedisCache } from './cache/redisCache';
import type { Config } from './config';
import { createDatabaseDriver, type DatabaseDriver } from './database/database';
import { DEFAULT_RETRY } from './backoff';
import type { EventBus, EventBusOptions } from './events/eventBus';
import { MemoryEventBus } from './events/memoryEventBus';
import { RedisEventBus } from './events/redisEventBus';
import { createLogger, type Logger } from './logger';
import type { PubSub } from './pubsub/pubsub';
import { MemoryPubSub } from './pubsub/memoryPubSub';
import { RedisPubSub } from './pubsub/redisPubSub';
import { createRedis, type Redis } from './redis';
import { createInternalCalls, type InternalCalls } from './http/internalCalls';

/**
 * What every service runs on. Embedded: one PGlite and in-process cache,
 * pub/sub and bus. With DATABASE_URL / REDIS_URL: PostgreSQL and Redis.
 * Services started in one process share one Infrastructure.
 */
export interface Infrastructure {
  readonly config: Config;
  readonly logger: Logger;
  readonly database: DatabaseDriver;
  readonly cache: Cache;
  readonly pubsub: PubSub;
  readonly events: EventBus;
  /** Signed (and CA-trusting) calls to the other services. */
  readonly internal: InternalCalls;
  /** Reachability of the backing services, for readiness probes. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export async function createInfrastructure(config: Config, logger = createLogger(config.logLevel)): Promise<Infrastructure> {
  const database = await createDatabaseDriver(config.database);
  let messaging: Messaging;
  try {
    messaging = await createMessaging(config, logger);
  } catch (error) {
    await database.close();
    throw error;
  }
  const { pubsub, events, redis } = messaging;
  const internal = createInternalCalls(config);
  // The cache shares the messaging's command connection.
  const cache: Cache = redis && config.redis
    ? new RedisCache(redis, config.cache.ttlSeconds, `${config.redis.keyPrefix}cache:`)
    : new MemoryCache(config.cache.ttlSeconds);
  return {
    config,
    logger,
    database,
    cache,
    pubsub,
    events,
    internal,
    async ping() {
      if (redis) await redis.ping();
    },
    async close() {
      // Every part is closed even when one fails (Redis gone): a stop must not leave the database pool open.
      const failures: unknown[] = [];
      for (const part of [cache, internal, messaging, database]) await part.close().catch((error: unknown) => failures.push(error));
      if (failures.length > 0) throw failures[0];
    },
  };
}

/** The pub/sub and event bus alone, for a process that needs no database or cache (the gateway). */
export interface Messaging {
  readonly pubsub: PubSub;
  readonly events: EventBus;
  /** The Redis command connection, when Redis is configured (others may share it). */
  readonly redis?: Redis;
  close(): Promise<void>;
}

/** The bus settings of EVENTS_* (config.events). */
export function eventBusOptions(config: Config): EventBusOptions {
  return {
    maxDeliveries: config.events.maxDeliveries,
    redeliverAfterMs: config.events.redeliverAfterMs,
    retry: { ...DEFAULT_RETRY, maxMs: config.events.retryMaxMs },
  };
}

export async function createMessaging(config: Config, logger?: Logger): Promise<Messaging> {
  const onHandlerError = (error: unknown, channel: string) => logger?.error({ err: error, channel }, 'pub/sub handler failed; the message is dropped for it');
  if (!config.redis) {
    const pubsub = new MemoryPubSub(onHandlerError);
    const events = new MemoryEventBus(eventBusOptions(config));
    return {
      pubsub,
      events,
      async close() {
        await events.close();
        await pubsub.close();
      },
    };
  }
  // Redis down at start is an outage like any other: the connections keep
  // trying, readiness says why, the consumers catch up once it is back.
  const redis = await createRedis(config.redis, { tolerateDown: true });
  const subscriber = await createRedis(config.redis, { blocking: true, tolerateDown: true });
  const clients = [redis, subscriber];
  const prefix = config.redis.keyPrefix;
  const pubsub = new RedisPubSub(redis, subscriber, `${prefix}pubsub:`, onHandlerError);
  const events = new RedisEventBus(redis, config.redis, `${prefix}stream:`, eventBusOptions(config));
  return {
    pubsub,
    events,
    redis,
    async close() {
      await events.close();
      await pubsub.close();
      for (const client of clients) client.disconnect();
    },
  };
}
