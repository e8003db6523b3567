import net from 'node:net';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from './paths';
import { z } from 'zod';
import type { OutboxSettings } from './events/outbox/outboxSettings';

// The only module that reads the environment. Everything else receives the
// typed `Config` object, so a bad value fails once, at start-up, by name.

const port = z.coerce.number().int('must be a whole number').min(0, 'must be 0–65535').max(65535, 'must be 0–65535');
const positiveInt = z.coerce.number().int('must be a whole number').positive('must be greater than 0');
const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const postgresUrl = z.string().refine((value) => {
  try {
    const url = new URL(value);
    return (url.protocol === 'postgres:' || url.protocol === 'postgresql:') && url.hostname !== '' && url.pathname.length > 1;
  } catch {
    return false;
  }
}, 'must be a URL like postgresql://user:password@host:5432/database');

const redisUrl = z.string().refine((value) => {
  try {
    const url = new URL(value);
    return (url.protocol === 'redis:' || url.protocol === 'rediss:') && url.hostname !== '';
  } catch {
    return false;
  }
}, 'must be a URL like redis://host:6379');

const readableFile = z.string().refine((file) => {
  try {
    fs.accessSync(file, fs.constants.R_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}, 'must be a readable file');

const urlString = z.string().refine((value) => /^https?:\/\/[^/]/.test(value), 'must be an absolute http(s) URL');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  HOST: z.string().min(1).default('127.0.0.1'),
  GATEWAY_PORT: port.default(4000),
  PRODUCTS_PORT: port.default(4001),
  USERS_PORT: port.default(4002),
  RECOMMENDATIONS_PORT: port.default(4003),
  DATABASE_URL: postgresUrl.optional(),
  DATABASE_POOL_SIZE: positiveInt.max(500, 'must be at most 500').default(10),
  DATABASE_CONNECT_TIMEOUT_MS: positiveInt.default(5000),
  DATABASE_STATEMENT_TIMEOUT_MS: positiveInt.default(15000),
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: positiveInt.default(60000),
  DATA_DIR: z.string().min(1).default('.data'),
  REDIS_URL: redisUrl.optional(),
  REDIS_COMMAND_TIMEOUT_MS: positiveInt.default(2000),
  REDIS_KEY_PREFIX: z.string().max(100).default('smartcart:'),
  CACHE_TTL_SECONDS: positiveInt.default(300),
  PRODUCTS_ENTITY_CACHE_SIZE: z.coerce.number().int('must be a whole number').min(0, 'must be 0 (off) or more').max(1_000_000, 'must be at most 1000000').default(10_000),
  PRODUCTS_ENTITY_CACHE_TTL_SECONDS: positiveInt.max(86_400, 'must be at most 86400').default(60),
  EVENTS_MAX_DELIVERIES: positiveInt.max(1000, 'must be at most 1000').default(5),
  EVENTS_REDELIVER_AFTER_MS: positiveInt.default(30_000),
  EVENTS_UNHEALTHY_AFTER_MS: positiveInt.default(5000),
  EVENTS_RETRY_MAX_MS: positiveInt.max(300_000, 'must be at most 300000').default(5000),
  MIGRATE_ON_START: bool.default(true),
  SEED_DEMO_DATA: bool.default(true),
  SUPERGRAPH_SOURCE: z.enum(['file', 'introspect']).default('file'),
  SUPERGRAPH_PATH: z.string().min(1).default('gateway/supergraph.graphql'),
  GATEWAY_STOREFRONT: bool.optional(),
  GATEWAY_STOREFRONT_DIR: z.string().min(1).default('dist/client'),
  GATEWAY_FORWARD_HEADERS: z.string().default('x-session-token,x-api-key,x-request-id'),
  SUBGRAPH_TIMEOUT_MS: positiveInt.max(600_000, 'must be at most 600000').default(5000),
  SUBGRAPH_BREAKER_ERROR_PERCENT: positiveInt.max(100, 'must be 1–100').default(50),
  SUBGRAPH_BREAKER_VOLUME: positiveInt.default(5),
  SUBGRAPH_BREAKER_WINDOW_MS: positiveInt.default(10_000),
  SUBGRAPH_BREAKER_RESET_MS: positiveInt.default(10_000),
  GATEWAY_SUBGRAPH_CLIENT: z.enum(['request', 'fetch'], { message: 'must be request or fetch' }).default('request'),
  GATEWAY_SUBGRAPH_CONNECTIONS: positiveInt.max(10_000, 'must be at most 10000').default(64),
  GATEWAY_SUBGRAPH_KEEPALIVE_MS: positiveInt.max(600_000, 'must be at most 600000').default(30_000),
  GATEWAY_DEDUPE_INFLIGHT: bool.default(true),
  INTERNAL_CALL_TIMEOUT_MS: positiveInt.max(600_000, 'must be at most 600000').default(2000),
  GATEWAY_MAX_DEPTH: positiveInt.max(100, 'must be at most 100').default(15),
  GATEWAY_MAX_ALIASES: positiveInt.max(1000, 'must be at most 1000').default(100),
  GATEWAY_MAX_DIRECTIVES: positiveInt.max(1000, 'must be at most 1000').default(50),
  GATEWAY_MAX_TOKENS: positiveInt.max(1_000_000, 'must be at most 1000000').default(10_000),
  GATEWAY_INTROSPECTION: bool.optional(),
  GATEWAY_PLAYGROUND: bool.optional(),
  GATEWAY_ADMIN_CONSOLE: bool.optional(),
  GATEWAY_MAX_COST: positiveInt.max(100_000_000, 'must be at most 100000000').default(50_000),
  GATEWAY_DEFAULT_LIST_SIZE: positiveInt.max(10_000, 'must be at most 10000').default(10),
  GATEWAY_MAX_RESPONSE_BYTES: positiveInt.default(5_000_000),
  GATEWAY_TRUSTED_PROXIES: z.string().default(''),
  GATEWAY_WS_MAX_PAYLOAD_BYTES: positiveInt.max(16 * 1024 * 1024, 'must be at most 16777216').default(64 * 1024),
  GATEWAY_WS_MAX_SUBSCRIPTIONS_PER_CONNECTION: positiveInt.max(1000, 'must be at most 1000').default(10),
  GATEWAY_WS_MAX_CONNECTIONS_PER_ADDRESS: positiveInt.max(100_000, 'must be at most 100000').default(50),
  GATEWAY_WS_INIT_TIMEOUT_MS: positiveInt.max(60_000, 'must be at most 60000').default(3000),
  GATEWAY_WS_KEEPALIVE_MS: positiveInt.max(300_000, 'must be at most 300000').default(12_000),
  RATE_LIMIT_ENABLED: bool.default(true),
  RATE_LIMIT_WINDOW_SECONDS: positiveInt.max(86_400, 'must be at most 86400').default(60),
  RATE_LIMIT_ADDRESS_POINTS: positiveInt.default(250_000),
  RATE_LIMIT_SESSION_POINTS: positiveInt.default(100_000),
  RATE_LIMIT_API_KEY_POINTS: positiveInt.default(1_000_000),
  RATE_LIMIT_STRICT_FIELDS: z.string().default('startSession:60/60'),
  CORS_ORIGINS: z.string().optional(),
  HTTP_MAX_BODY_BYTES: positiveInt.default(1_000_000),
  HTTP_MAX_OPERATION_BODY_BYTES: positiveInt.max(100_000_000, 'must be at most 100000000').optional(),
  HTTP_KEEPALIVE_MS: positiveInt.max(3_600_000, 'must be at most 3600000').default(65_000),
  DEBUG_ERRORS: bool.default(false),
  SHUTDOWN_GRACE_MS: positiveInt.default(10000),
  INSTANCE_ID: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'must be 1–64 letters, digits, dots, dashes or underscores').optional(),
  RECS_TRAIN_INTERVAL_SECONDS: z.coerce.number().int('must be a whole number').min(0, 'must be 0 (off) or more').default(600),
  RECS_REFIT_AFTER_PURCHASES: z.coerce.number().int('must be a whole number').min(0, 'must be 0 (off) or more').default(1000),
  RECS_REFIT_MAX_STALENESS_SECONDS: z.coerce.number().int('must be a whole number').min(0, 'must be 0 (off) or more').max(86_400, 'must be at most 86400').default(20),
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  GATEWAY_METRICS_PORT: port.optional(),
  PRODUCTS_METRICS_PORT: port.optional(),
  USERS_METRICS_PORT: port.optional(),
  RECOMMENDATIONS_METRICS_PORT: port.optional(),
  METRICS_OPERATION_NAMES: z.string().optional(),
  METRICS_MAX_OPERATION_NAMES: positiveInt.max(1000, 'must be at most 1000').default(100),
  OTEL_EXPORTER_OTLP_ENDPOINT: urlString.optional(),
  OTEL_TRACES_SAMPLER_ARG: z.coerce.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1').default(1),
  RECS_CACHE_TTL_SECONDS: z.coerce.number().int('must be a whole number').min(0, 'must be 0 (off) or more').default(60),
  RECS_CACHE_SHOP_WIDE_TTL_SECONDS: positiveInt.default(5),
  RECS_CACHE_LOCAL_ENTRIES: z.coerce.number().int('must be a whole number').min(0, 'must be 0 or more').max(1_000_000, 'must be at most 1000000').default(10_000),
  RECS_MAX_SHOPPERS: positiveInt.default(200_000),
  RECS_STALE_CONSUMER_SECONDS: positiveInt.default(3600),
  RECS_IMAGE_MAX_BYTES: positiveInt.max(50_000_000, 'must be at most 50000000').default(4_000_000),
  RECS_IMAGE_MAX_PIXELS: positiveInt.max(400_000_000, 'must be at most 400000000').default(40_000_000),
  RECS_IMAGE_TIMEOUT_MS: positiveInt.max(120_000, 'must be at most 120000').default(5000),
  RECS_IMAGE_WORKERS: positiveInt.max(64, 'must be at most 64').default(1),
  RECS_IMAGE_QUEUE: z.coerce.number().int('must be a whole number').min(0, 'must be 0 or more').max(10_000, 'must be at most 10000').default(8),
  // Each list reader holds its own OCR model (about 100 MB): a small default, bounded so a typo cannot start hundreds.
  RECS_OCR_WORKERS: positiveInt.max(16, 'must be at most 16').default(1),
  RECS_OCR_QUEUE: z.coerce.number().int('must be a whole number').min(0, 'must be 0 or more').max(1000, 'must be at most 1000').default(4),
  RECS_OCR_TIMEOUT_MS: positiveInt.max(300_000, 'must be at most 300000').default(30_000),
  EXPERIMENT_ATTRIBUTION_HOURS: positiveInt.max(720, 'must be at most 720 (30 days)').default(24),
  EXPERIMENT_IMPRESSION_FLUSH_MS: positiveInt.max(60_000, 'must be at most 60000').default(1000),
  EXPERIMENT_REFRESH_SECONDS: positiveInt.max(300, 'must be at most 300').default(5),
  SESSION_IDLE_TIMEOUT_SECONDS: positiveInt.default(14 * 86_400),
  SESSION_MAX_LIFETIME_SECONDS: positiveInt.default(90 * 86_400),
  ANONYMOUS_RETENTION_DAYS: positiveInt.default(30),
  SESSION_PURGE_INTERVAL_SECONDS: z.coerce.number().int('must be a whole number').min(0, 'must be 0 (off) or more').default(3600),
  IDEMPOTENCY_KEY_RETENTION_HOURS: positiveInt.max(8760, 'must be at most 8760').default(24),
  OUTBOX_POLL_INTERVAL_MS: positiveInt.max(600_000, 'must be at most 600000').default(1000),
  OUTBOX_BATCH_SIZE: positiveInt.max(10_000, 'must be at most 10000').default(500),
  OUTBOX_RETENTION_HOURS: positiveInt.max(8760, 'must be at most 8760').default(24),
  OUTBOX_RETRY_MAX_MS: positiveInt.max(600_000, 'must be at most 600000').default(30_000),
  API_KEY_CACHE_SECONDS: z.coerce.number().int('must be a whole number').min(0, 'must be 0 (no cache) or more').max(300, 'must be at most 300').default(5),
  API_KEY_USAGE_FLUSH_SECONDS: positiveInt.max(3600, 'must be at most 3600').default(60),
  INTERNAL_AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  INTERNAL_AUTH_PREVIOUS_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  INTERNAL_AUTH_MAX_AGE_SECONDS: positiveInt.max(600, 'must be at most 600').default(30),
  JWT_JWKS_URL: urlString.optional(),
  JWT_PUBLIC_KEY: z.string().includes('-----BEGIN PUBLIC KEY-----', { message: 'must be a PEM (SPKI) public key' }).optional(),
  JWT_PUBLIC_KEY_FILE: readableFile.optional(),
  JWT_ISSUER: z.string().min(1).optional(),
  JWT_AUDIENCE: z.string().min(1).optional(),
  JWT_ALGORITHMS: z.string().regex(/^(?:(?:RS|PS|ES)(?:256|384|512)|EdDSA)(?:,(?:(?:RS|PS|ES)(?:256|384|512)|EdDSA))*$/, 'must be a comma-separated list such as RS256,ES256').default('RS256,ES256'),
  JWT_CLOCK_SKEW_SECONDS: z.coerce.number().int('must be a whole number').min(0).max(300, 'must be at most 300').default(30),
  TLS_CERT_FILE: readableFile.optional(),
  TLS_KEY_FILE: readableFile.optional(),
  TLS_CA_FILE: readableFile.optional(),
});

export type DatabaseConfig =
  | { kind: 'pglite'; dataDir: string }
  | {
      kind: 'postgres';
      url: string;
      poolSize: number;
      connectTimeoutMs: number;
      statementTimeoutMs: number;
      /**
       * PostgreSQL ends a session left idle inside a transaction this long. A host that dies
       * mid-transaction (the outbox relay's, holding its advisory lock) then frees its locks
       * within this bound instead of when the server's TCP finally notices, which can be hours.
       */
      idleInTransactionTimeoutMs: number;
      /** Tags this process's outbox rows and picks the rows its relay publishes (REDIS_KEY_PREFIX). */
      outboxNamespace?: string;
    };

export interface RedisConfig {
  url: string;
  commandTimeoutMs: number;
  /** Namespaces every key, channel and stream, so deployments can share one Redis. */
  keyPrefix: string;
}

/** A root field with its own, stricter budget per client address: `count` operations per `seconds`. */
export interface StrictFieldLimit {
  field: string;
  count: number;
  seconds: number;
}

export interface RateLimitConfig {
  enabled: boolean;
  windowSeconds: number;
  /** Points per window; an operation consumes its computed cost (at least 1). */
  addressPoints: number;
  sessionPoints: number;
  apiKeyPoints: number;
  strictFields: StrictFieldLimit[];
}

/**
 * A subgraph's breaker opens when, within `windowMs`, at least `volume`
 * fetches were made and `errorPercent` % of them failed or timed out; after
 * `resetMs` open it lets one probe through (half-open) and closes when it succeeds.
 */
export interface BreakerConfig {
  errorPercent: number;
  volume: number;
  windowMs: number;
  resetMs: number;
}

/** What every service's HTTP edge does with requests it must refuse or may not explain. */
export interface HttpConfig {
  introspection: boolean;
  /** `'*'`: any origin; otherwise the allowed origins (none: no CORS headers at all). */
  corsOrigins: '*' | string[];
  maxBodyBytes: number;
  /**
   * The hard cap (HTTP_MAX_OPERATION_BODY_BYTES): the most a root field's
   * `@requestBodyLimit` can raise an operation's body limit to; at least
   * maxBodyBytes. Bodies above it are refused before they are read.
   */
  maxOperationBodyBytes: number;
  /**
   * How long an idle keep-alive connection stays open (HTTP_KEEPALIVE_MS).
   * Above the gateway's own idle time for its subgraph sockets, so the
   * gateway always closes first and never writes to a socket being closed.
   */
  keepAliveMs?: number;
  /** Stack traces in error responses: only when explicitly asked for. */
  debugErrors: boolean;
}

export type ServiceName = 'gateway' | 'products' | 'users' | 'recommendations';

export interface Config {
  env: 'development' | 'production' | 'test';
  logLevel: string;
  host: string;
  ports: Record<ServiceName, number>;
  database: DatabaseConfig;
  redis: RedisConfig | undefined;
  cache: { ttlSeconds: number };
  /** The products subgraph's in-process product rows by id (subgraphs/products/data/productEntityCache.ts); size 0 = off. */
  productEntityCache: { maxEntries: number; ttlMs: number };
  /** Event consumers (platform/events): dead letters, redelivery, recovery and readiness. */
  events: {
    /** Failed deliveries before an event goes to its stream's dead letters. */
    maxDeliveries: number;
    /** An event left unacknowledged this long is handed out again. */
    redeliverAfterMs: number;
    /** A consumer unable to consume this long makes its service's /readyz fail. */
    unhealthyAfterMs: number;
    /** Longest wait between a failing consumer's attempts (backoff doubles from 200 ms up to this). */
    retryMaxMs: number;
  };
  migrateOnStart: boolean;
  seedDemoData: boolean;
  gateway: {
    /** Serve the admin console (dist/admin, `npm run build:admin`) at /admin (GATEWAY_ADMIN_CONSOLE). */
    adminConsole: boolean;
    supergraphSource: 'file' | 'introspect';
    supergraphPath: string;
    /** Subgraph URL overrides by subgraph name (lower case), from SUBGRAPH_<NAME>_URL. */
    subgraphUrls: Record<string, string>;
    forwardHeaders: string[];
    /** A subgraph fetch is abandoned after this long (SUBGRAPH_TIMEOUT_MS). */
    subgraphTimeoutMs: number;
    /** Per-subgraph overrides by subgraph name (lower case), from SUBGRAPH_<NAME>_TIMEOUT_MS. */
    subgraphTimeouts: Record<string, number>;
    /** One circuit breaker per subgraph (gateway/subgraphBreaker.ts). */
    breaker: BreakerConfig;
    /**
     * How the gateway talks to a subgraph (docs/performance-internals.md):
     * `request` (undici's request API, no web streams) or `fetch` (the
     * standard Response path); keep-alive sockets per subgraph, and how long
     * an idle one is kept (below the subgraphs' HTTP_KEEPALIVE_MS).
     */
    subgraphClient: { mode: 'request' | 'fetch'; connections: number; keepAliveMs: number };
    /** Identical subgraph queries in flight at once are sent once (gateway/inFlightDedupe.ts). */
    dedupeInflight: boolean;
    /** Per operation, over HTTP and WebSocket alike. */
    limits: { maxDepth: number; maxAliases: number; maxDirectives: number; maxTokens: number };
    /** Estimated cost of one operation (fields × list sizes), over HTTP and WebSocket alike. */
    cost: { maxCost: number; defaultListSize: number };
    /** Largest response the gateway assembles from the subgraphs, in bytes of JSON. */
    maxResponseBytes: number;
    /** GraphiQL for browsers at the API URL (GATEWAY_PLAYGROUND; on unless NODE_ENV=production). */
    playground: boolean;
    /** Proxies (addresses or CIDR ranges) whose X-Forwarded-For is believed. */
    trustedProxies: string[];
    rateLimit: RateLimitConfig;
    /** graphql-ws limits: largest message, subscriptions per connection, connections per client address, init timeout, keep-alive. */
    /**
     * The example storefront (client/storefront, built into `dir` by `npm run build:client`)
     * at `/` with the product images at `/images/*` (gateway/storefront.ts).
     */
    storefront: { enabled: boolean; dir: string };
    websocket: {
      maxPayloadBytes: number;
      maxSubscriptionsPerConnection: number;
      maxConnectionsPerAddress: number;
      connectionInitWaitTimeoutMs: number;
      keepAliveMs: number;
    };
  };
  http: HttpConfig;
  shutdownGraceMs: number;
  /** Names this process among replicas (its own event consumer groups); the host name by default. */
  instanceId: string;
  recommendations: {
    trainIntervalMs: number;
    /** The basket model is refitted in a worker once this many purchases came since its fit (0: off)… */
    refitAfterPurchases: number;
    /** …or once it is this old with at least one purchase since (0: off). */
    refitMaxStalenessMs: number;
    /** Longest a cached list lives: bounds what drifts outside its scopes. */
    cacheTtlSeconds: number;
    /** Longest a list of the whole shop (popular, trending, free text) is cached. */
    cacheShopWideTtlSeconds: number;
    /** Lists a replica also keeps in its own memory (recommendationCache.ts); 0 = off. */
    cacheLocalEntries: number;
    /** Shopper histories kept in memory and in snapshots (least recently active dropped first). */
    maxShoppers: number;
    /** A shared-group member idle this long with nothing pending is a gone replica. */
    staleConsumerMs: number;
    /** Photos sent to recommend(context: { image }) (docs/vision.md). */
    images: ImageLimits;
    experiments: {
      /** An outcome is attributed to an impression served at most this long before it. */
      attributionWindowHours: number;
      /** How often buffered impressions are written (one multi-row insert). */
      impressionFlushMs: number;
      /** How often each replica reloads the experiments (changes are also announced at once). */
      refreshMs: number;
    };
  };
  observability: ObservabilityConfig;
  sessions: {
    /** A session unused this long is refused (SESSION_IDLE_EXPIRED). */
    idleTimeoutMs: number;
    /** A session older than this is refused however active it is (SESSION_EXPIRED). */
    maxLifetimeMs: number;
    /** Anonymous shoppers not seen this long (and without orders) are deleted with their carts. */
    anonymousRetentionMs: number;
    /** How often the users subgraph runs that purge; 0 = never (run `npm run sessions:purge`). */
    purgeIntervalMs: number;
    /** An idempotency key's stored answer is replayed this long, then deleted by the same purge. */
    idempotencyRetentionMs: number;
  };
  /** The transactional outbox's relay (platform/events/outbox/). */
  outbox: OutboxSettings;
  /**
   * Calls between the services are signed with this shared secret
   * (platform/auth/internalAuth.ts). `required`: a subgraph refuses unsigned
   * requests (production, where the secret must be set).
   */
  internalAuth: { secret?: string; previousSecret?: string; maxAgeMs: number; required: boolean };
  /** Service-to-service calls (internalCalls, postGraphQL) are abandoned after this long. */
  internalCallTimeoutMs: number;
  /**
   * Sign-in with the app's identity provider's JWTs (users subgraph): off
   * unless a JWKS URL or a public key is set, and then issuer and audience are required.
   */
  signIn: { jwksUrl?: string; publicKeyPem?: string; issuer?: string; audience?: string; algorithms: string[]; clockSkewSeconds: number };
  /** HTTPS: every service listens with cert+key when both are given; `caFile` is trusted for outgoing https calls. */
  tls: { certFile?: string; keyFile?: string; caFile?: string };
  apiKeys: {
    /** How long a verified key is trusted before it is looked up again: the longest a revocation takes to bite. */
    cacheMs: number;
    /** Last-used times are written in one batch this often, not on every request. */
    usageFlushMs: number;
  };
}

export interface ImageLimits {
  /** Largest decoded image accepted, in bytes. */
  maxBytes: number;
  /** Largest width × height accepted (sharp's limitInputPixels): a tiny file may inflate to gigabytes. */
  maxPixels: number;
  /** Longest one image may take in a worker, queueing excluded; then it is given up on and its worker replaced. */
  timeoutMs: number;
  /** Worker threads decoding images. */
  workers: number;
  /** Images waiting for a worker; one more is refused (SERVICE_UNAVAILABLE, reason BUSY). */
  queue: number;
  /** Reading shopping lists (text recognition): a pool of its own, apart from the barcode readers. */
  ocr: {
    /** Worker threads reading lists, each with its own copy of the OCR model. */
    workers: number;
    /** Lists waiting for a worker; one more is refused (SERVICE_UNAVAILABLE, reason BUSY). */
    queue: number;
    /** Longest one list may take in a worker, loading the model at a worker's first list included. */
    timeoutMs: number;
  };
}

export interface MetricsConfig {
  /** When set, GET /metrics asks for `Authorization: Bearer <token>`. */
  token?: string;
  /** A service listed here serves /metrics on this port instead of its own. */
  ports: Partial<Record<ServiceName, number>>;
  /** Operation names that get their own label value; unset: the first `maxOperationNames` seen. */
  operationNames?: string[];
  maxOperationNames: number;
}

export interface TracingConfig {
  /** OTLP/HTTP base URL (spans go to `<endpoint>/v1/traces`); unset: tracing off and free. */
  otlpEndpoint?: string;
  /** Share of new traces recorded (0–1); a trace started upstream follows its parent's decision. */
  samplingRatio: number;
}

export interface ObservabilityConfig {
  metrics: MetricsConfig;
  tracing: TracingConfig;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}

const STRICT_FIELD = /^([_A-Za-z][_0-9A-Za-z]*):(\d+)\/(\d+)$/;

function parseStrictFields(value: string, problems: string[]): StrictFieldLimit[] {
  const limits: StrictFieldLimit[] = [];
  for (const entry of value.split(',').map((v) => v.trim()).filter(Boolean)) {
    const match = STRICT_FIELD.exec(entry);
    if (!match || Number(match[2]) < 1 || Number(match[3]) < 1) {
      problems.push(`RATE_LIMIT_STRICT_FIELDS: "${entry}" must look like field:count/seconds, such as startSession:60/60`);
      continue;
    }
    limits.push({ field: match[1]!, count: Number(match[2]), seconds: Number(match[3]) });
  }
  return limits;
}

function parseTrustedProxies(value: string, problems: string[]): string[] {
  const entries = value.split(',').map((v) => v.trim()).filter(Boolean);
  for (const entry of entries) {
    const [address, prefix, extra] = entry.split('/');
    const family = net.isIP(address ?? '');
    const prefixOk = prefix === undefined || (/^\d+$/.test(prefix) && Number(prefix) <= (family === 6 ? 128 : 32));
    if (family === 0 || !prefixOk || extra !== undefined) {
      problems.push(`GATEWAY_TRUSTED_PROXIES: "${entry}" must be an IP address or a CIDR range such as 10.0.0.0/8`);
    }
  }
  return entries;
}

const SUBGRAPH_URL = /^SUBGRAPH_([A-Z0-9_]+)_URL$/;
const SUBGRAPH_TIMEOUT = /^SUBGRAPH_([A-Z0-9_]+)_TIMEOUT_MS$/;

/** Every variable `loadConfig` reads by its own name (besides the SUBGRAPH_<NAME>_… families): the README documents each. */
export function configVariables(): string[] {
  return Object.keys(envSchema.shape);
}

/** Whether `loadConfig` reads this variable: deployment manifests are checked against it, so a misspelt one fails a test instead of being ignored. */
export function isConfigVariable(name: string): boolean {
  return Object.hasOwn(envSchema.shape, name) || SUBGRAPH_URL.test(name) || SUBGRAPH_TIMEOUT.test(name);
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const problems: string[] = [];
  // An empty variable means "not set", as in most deployment tools.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(`${issue.path.join('.')}: ${issue.message}`);
  }

  const subgraphUrls: Record<string, string> = {};
  for (const [key, value] of Object.entries(present)) {
    const match = SUBGRAPH_URL.exec(key);
    if (!match || value === undefined) continue;
    const checked = urlString.safeParse(value);
    if (checked.success) subgraphUrls[match[1]!.toLowerCase()] = value;
    else problems.push(`${key}: ${checked.error.issues[0]?.message}`);
  }

  const subgraphTimeouts: Record<string, number> = {};
  for (const [key, value] of Object.entries(present)) {
    const match = SUBGRAPH_TIMEOUT.exec(key);
    if (!match || value === undefined) continue;
    const checked = positiveInt.max(600_000, 'must be at most 600000').safeParse(value);
    if (checked.success) subgraphTimeouts[match[1]!.toLowerCase()] = checked.data;
    else problems.push(`${key}: ${checked.error.issues[0]?.message}`);
  }

  const strictFields = parsed.success ? parseStrictFields(parsed.data.RATE_LIMIT_STRICT_FIELDS, problems) : [];
  const trustedProxies = parsed.success ? parseTrustedProxies(parsed.data.GATEWAY_TRUSTED_PROXIES, problems) : [];

  if (parsed.success && parsed.data.ANONYMOUS_RETENTION_DAYS * 86_400 < parsed.data.SESSION_IDLE_TIMEOUT_SECONDS) {
    problems.push('ANONYMOUS_RETENTION_DAYS: must be at least SESSION_IDLE_TIMEOUT_SECONDS, or live sessions would be purged');
  }
  if (parsed.success && parsed.data.NODE_ENV === 'production' && !parsed.data.INTERNAL_AUTH_SECRET) {
    problems.push('INTERNAL_AUTH_SECRET: required when NODE_ENV=production (the secret the services sign their calls to each other with)');
  }
  if (parsed.success && parsed.data.HTTP_MAX_OPERATION_BODY_BYTES !== undefined && parsed.data.HTTP_MAX_OPERATION_BODY_BYTES < parsed.data.HTTP_MAX_BODY_BYTES) {
    problems.push('HTTP_MAX_OPERATION_BODY_BYTES: must be at least HTTP_MAX_BODY_BYTES (it is the cap a larger per-operation limit may reach)');
  }
  if (parsed.success && Boolean(parsed.data.TLS_CERT_FILE) !== Boolean(parsed.data.TLS_KEY_FILE)) {
    problems.push('TLS_CERT_FILE: TLS_CERT_FILE and TLS_KEY_FILE go together');
  }
  if (parsed.success) {
    const d = parsed.data;
    const keySources = [d.JWT_JWKS_URL, d.JWT_PUBLIC_KEY, d.JWT_PUBLIC_KEY_FILE].filter(Boolean).length;
    if (keySources > 1) problems.push('JWT_JWKS_URL: set only one of JWT_JWKS_URL, JWT_PUBLIC_KEY and JWT_PUBLIC_KEY_FILE');
    if (keySources > 0 && !d.JWT_ISSUER) problems.push('JWT_ISSUER: required when sign-in is configured');
    if (keySources > 0 && !d.JWT_AUDIENCE) problems.push('JWT_AUDIENCE: required when sign-in is configured');
  }
  if (problems.length > 0 || !parsed.success) throw new ConfigError(problems);
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  // CORS: permissive while developing, closed in production until origins are listed.
  const corsList = (e.CORS_ORIGINS ?? (production ? '' : '*')).split(',').map((o) => o.trim()).filter(Boolean);

  return {
    env: e.NODE_ENV,
    logLevel: e.LOG_LEVEL,
    host: e.HOST,
    ports: { gateway: e.GATEWAY_PORT, products: e.PRODUCTS_PORT, users: e.USERS_PORT, recommendations: e.RECOMMENDATIONS_PORT },
    database: e.DATABASE_URL
      ? {
          kind: 'postgres',
          url: e.DATABASE_URL,
          poolSize: e.DATABASE_POOL_SIZE,
          connectTimeoutMs: e.DATABASE_CONNECT_TIMEOUT_MS,
          statementTimeoutMs: e.DATABASE_STATEMENT_TIMEOUT_MS,
          idleInTransactionTimeoutMs: e.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS,
          outboxNamespace: e.REDIS_KEY_PREFIX,
        }
      : { kind: 'pglite', dataDir: path.resolve(e.DATA_DIR) },
    redis: e.REDIS_URL ? { url: e.REDIS_URL, commandTimeoutMs: e.REDIS_COMMAND_TIMEOUT_MS, keyPrefix: e.REDIS_KEY_PREFIX } : undefined,
    cache: { ttlSeconds: e.CACHE_TTL_SECONDS },
    productEntityCache: { maxEntries: e.PRODUCTS_ENTITY_CACHE_SIZE, ttlMs: e.PRODUCTS_ENTITY_CACHE_TTL_SECONDS * 1000 },
    events: {
      maxDeliveries: e.EVENTS_MAX_DELIVERIES,
      redeliverAfterMs: e.EVENTS_REDELIVER_AFTER_MS,
      unhealthyAfterMs: e.EVENTS_UNHEALTHY_AFTER_MS,
      retryMaxMs: e.EVENTS_RETRY_MAX_MS,
    },
    migrateOnStart: e.MIGRATE_ON_START,
    seedDemoData: e.SEED_DEMO_DATA,
    gateway: {
      // The page holds no secret (every operation needs an API key), but a public
      // gateway need not advertise a back office: off in production unless asked for.
      adminConsole: e.GATEWAY_ADMIN_CONSOLE ?? !production,
      supergraphSource: e.SUPERGRAPH_SOURCE,
      // From the project root, so a service started from another working directory finds the file.
      supergraphPath: path.resolve(projectRoot, e.SUPERGRAPH_PATH),
      subgraphUrls,
      forwardHeaders: e.GATEWAY_FORWARD_HEADERS.split(',').map((h) => h.trim().toLowerCase()).filter(Boolean),
      subgraphTimeoutMs: e.SUBGRAPH_TIMEOUT_MS,
      subgraphTimeouts,
      breaker: {
        errorPercent: e.SUBGRAPH_BREAKER_ERROR_PERCENT,
        volume: e.SUBGRAPH_BREAKER_VOLUME,
        windowMs: e.SUBGRAPH_BREAKER_WINDOW_MS,
        resetMs: e.SUBGRAPH_BREAKER_RESET_MS,
      },
      subgraphClient: { mode: e.GATEWAY_SUBGRAPH_CLIENT, connections: e.GATEWAY_SUBGRAPH_CONNECTIONS, keepAliveMs: e.GATEWAY_SUBGRAPH_KEEPALIVE_MS },
      dedupeInflight: e.GATEWAY_DEDUPE_INFLIGHT,
      limits: { maxDepth: e.GATEWAY_MAX_DEPTH, maxAliases: e.GATEWAY_MAX_ALIASES, maxDirectives: e.GATEWAY_MAX_DIRECTIVES, maxTokens: e.GATEWAY_MAX_TOKENS },
      cost: { maxCost: e.GATEWAY_MAX_COST, defaultListSize: e.GATEWAY_DEFAULT_LIST_SIZE },
      maxResponseBytes: e.GATEWAY_MAX_RESPONSE_BYTES,
      playground: e.GATEWAY_PLAYGROUND ?? !production,
      trustedProxies,
      rateLimit: {
        enabled: e.RATE_LIMIT_ENABLED,
        windowSeconds: e.RATE_LIMIT_WINDOW_SECONDS,
        addressPoints: e.RATE_LIMIT_ADDRESS_POINTS,
        sessionPoints: e.RATE_LIMIT_SESSION_POINTS,
        apiKeyPoints: e.RATE_LIMIT_API_KEY_POINTS,
        strictFields,
      },
      // On while developing (`npm start`), off elsewhere unless asked for.
      storefront: { enabled: e.GATEWAY_STOREFRONT ?? e.NODE_ENV === 'development', dir: path.resolve(e.GATEWAY_STOREFRONT_DIR) },
      websocket: {
        maxPayloadBytes: e.GATEWAY_WS_MAX_PAYLOAD_BYTES,
        maxSubscriptionsPerConnection: e.GATEWAY_WS_MAX_SUBSCRIPTIONS_PER_CONNECTION,
        maxConnectionsPerAddress: e.GATEWAY_WS_MAX_CONNECTIONS_PER_ADDRESS,
        connectionInitWaitTimeoutMs: e.GATEWAY_WS_INIT_TIMEOUT_MS,
        keepAliveMs: e.GATEWAY_WS_KEEPALIVE_MS,
      },
    },
    http: {
      introspection: e.GATEWAY_INTROSPECTION ?? !production,
      corsOrigins: corsList.includes('*') ? '*' : corsList,
      maxBodyBytes: e.HTTP_MAX_BODY_BYTES,
      // Unset: 8 MB, or HTTP_MAX_BODY_BYTES when that is larger (an older raised limit keeps working).
      maxOperationBodyBytes: e.HTTP_MAX_OPERATION_BODY_BYTES ?? Math.max(8_000_000, e.HTTP_MAX_BODY_BYTES),
      keepAliveMs: e.HTTP_KEEPALIVE_MS,
      debugErrors: e.DEBUG_ERRORS,
    },
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    instanceId: e.INSTANCE_ID ?? os.hostname().replace(/[^A-Za-z0-9_.-]/g, '-').slice(0, 64),
    recommendations: {
      trainIntervalMs: e.RECS_TRAIN_INTERVAL_SECONDS * 1000,
      refitAfterPurchases: e.RECS_REFIT_AFTER_PURCHASES,
      refitMaxStalenessMs: e.RECS_REFIT_MAX_STALENESS_SECONDS * 1000,
      cacheTtlSeconds: e.RECS_CACHE_TTL_SECONDS,
      cacheShopWideTtlSeconds: e.RECS_CACHE_SHOP_WIDE_TTL_SECONDS,
      cacheLocalEntries: e.RECS_CACHE_LOCAL_ENTRIES,
      maxShoppers: e.RECS_MAX_SHOPPERS,
      staleConsumerMs: e.RECS_STALE_CONSUMER_SECONDS * 1000,
      images: {
        maxBytes: e.RECS_IMAGE_MAX_BYTES,
        maxPixels: e.RECS_IMAGE_MAX_PIXELS,
        timeoutMs: e.RECS_IMAGE_TIMEOUT_MS,
        workers: e.RECS_IMAGE_WORKERS,
        queue: e.RECS_IMAGE_QUEUE,
        ocr: { workers: e.RECS_OCR_WORKERS, queue: e.RECS_OCR_QUEUE, timeoutMs: e.RECS_OCR_TIMEOUT_MS },
      },
      experiments: {
        attributionWindowHours: e.EXPERIMENT_ATTRIBUTION_HOURS,
        impressionFlushMs: e.EXPERIMENT_IMPRESSION_FLUSH_MS,
        refreshMs: e.EXPERIMENT_REFRESH_SECONDS * 1000,
      },
    },
    observability: {
      metrics: {
        token: e.METRICS_TOKEN,
        ports: Object.fromEntries(
          (
            [
              ['gateway', e.GATEWAY_METRICS_PORT],
              ['products', e.PRODUCTS_METRICS_PORT],
              ['users', e.USERS_METRICS_PORT],
              ['recommendations', e.RECOMMENDATIONS_METRICS_PORT],
            ] as const
          ).filter(([, value]) => value !== undefined),
        ),
        operationNames: e.METRICS_OPERATION_NAMES?.split(',').map((name) => name.trim()).filter(Boolean),
        maxOperationNames: e.METRICS_MAX_OPERATION_NAMES,
      },
      tracing: { otlpEndpoint: e.OTEL_EXPORTER_OTLP_ENDPOINT?.replace(/\/+$/, ''), samplingRatio: e.OTEL_TRACES_SAMPLER_ARG },
    },
    sessions: {
      idleTimeoutMs: e.SESSION_IDLE_TIMEOUT_SECONDS * 1000,
      maxLifetimeMs: e.SESSION_MAX_LIFETIME_SECONDS * 1000,
      anonymousRetentionMs: e.ANONYMOUS_RETENTION_DAYS * 86_400_000,
      purgeIntervalMs: e.SESSION_PURGE_INTERVAL_SECONDS * 1000,
      idempotencyRetentionMs: e.IDEMPOTENCY_KEY_RETENTION_HOURS * 3_600_000,
    },
    outbox: {
      pollIntervalMs: e.OUTBOX_POLL_INTERVAL_MS,
      batchSize: e.OUTBOX_BATCH_SIZE,
      retentionMs: e.OUTBOX_RETENTION_HOURS * 3_600_000,
      retryMaxMs: e.OUTBOX_RETRY_MAX_MS,
    },
    internalAuth: {
      secret: e.INTERNAL_AUTH_SECRET,
      previousSecret: e.INTERNAL_AUTH_PREVIOUS_SECRET,
      maxAgeMs: e.INTERNAL_AUTH_MAX_AGE_SECONDS * 1000,
      required: e.NODE_ENV === 'production',
    },
    internalCallTimeoutMs: e.INTERNAL_CALL_TIMEOUT_MS,
    signIn: {
      jwksUrl: e.JWT_JWKS_URL,
      publicKeyPem: e.JWT_PUBLIC_KEY ?? (e.JWT_PUBLIC_KEY_FILE ? fs.readFileSync(e.JWT_PUBLIC_KEY_FILE, 'utf8') : undefined),
      issuer: e.JWT_ISSUER,
      audience: e.JWT_AUDIENCE,
      algorithms: e.JWT_ALGORITHMS.split(','),
      clockSkewSeconds: e.JWT_CLOCK_SKEW_SECONDS,
    },
    tls: {
      certFile: e.TLS_CERT_FILE && path.resolve(e.TLS_CERT_FILE),
      keyFile: e.TLS_KEY_FILE && path.resolve(e.TLS_KEY_FILE),
      caFile: e.TLS_CA_FILE && path.resolve(e.TLS_CA_FILE),
    },
    apiKeys: { cacheMs: e.API_KEY_CACHE_SECONDS * 1000, usageFlushMs: e.API_KEY_USAGE_FLUSH_SECONDS * 1000 },
  };
}

/** For entry points: a bad configuration stops the process with one clear line. */
export function loadConfigOrExit(env: Record<string, string | undefined> = process.env): Config {
  try {
    const config = loadConfig(env);
    // @apollo/gateway reads this itself; there is no reason to phone home.
    process.env.APOLLO_TELEMETRY_DISABLED ??= 'true';
    return config;
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}
