import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, configVariables, isConfigVariable, loadConfig } from './config';

describe('loadConfig', () => {
  it('runs embedded with no configuration at all', () => {
    const config = loadConfig({});
    expect(config.database.kind).toBe('pglite');
    expect(config.redis).toBeUndefined();
    expect(config.ports).toEqual({ gateway: 4000, products: 4001, users: 4002, recommendations: 4003 });
    expect(config.cache.ttlSeconds).toBe(300);
  });

  it('switches to PostgreSQL and Redis when their URLs are set', () => {
    const config = loadConfig({ DATABASE_URL: 'postgresql://u:p@db:5432/shop', REDIS_URL: 'redis://cache:6379' });
    expect(config.database).toMatchObject({ kind: 'postgres', url: 'postgresql://u:p@db:5432/shop', poolSize: 10 });
    expect(config.redis).toMatchObject({ url: 'redis://cache:6379', keyPrefix: 'smartcart:' });
  });

  it.each([
    [{ DATABASE_URL: 'mysql://localhost/db' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL'],
    [{ GATEWAY_PORT: '70000' }, 'GATEWAY_PORT'],
    [{ PRODUCTS_PORT: 'abc' }, 'PRODUCTS_PORT'],
    [{ REDIS_URL: 'http://cache' }, 'REDIS_URL'],
    [{ CACHE_TTL_SECONDS: '-5' }, 'CACHE_TTL_SECONDS'],
    [{ SUBGRAPH_PRODUCTS_URL: 'products:4001' }, 'SUBGRAPH_PRODUCTS_URL'],
    [{ SUBGRAPH_REVIEWS_TIMEOUT_MS: '0' }, 'SUBGRAPH_REVIEWS_TIMEOUT_MS'],
    [{ SUBGRAPH_TIMEOUT_MS: 'soon' }, 'SUBGRAPH_TIMEOUT_MS'],
    [{ SUBGRAPH_BREAKER_ERROR_PERCENT: '150' }, 'SUBGRAPH_BREAKER_ERROR_PERCENT'],
    [{ INTERNAL_CALL_TIMEOUT_MS: '-1' }, 'INTERNAL_CALL_TIMEOUT_MS'],
    [{ METRICS_TOKEN: 'short' }, 'METRICS_TOKEN'],
    [{ GATEWAY_METRICS_PORT: '99999' }, 'GATEWAY_METRICS_PORT'],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' }, 'OTEL_EXPORTER_OTLP_ENDPOINT'],
    [{ OTEL_TRACES_SAMPLER_ARG: '1.5' }, 'OTEL_TRACES_SAMPLER_ARG'],
    [{ NODE_ENV: 'production' }, 'INTERNAL_AUTH_SECRET'],
    [{ INTERNAL_AUTH_SECRET: 'too short' }, 'INTERNAL_AUTH_SECRET'],
    [{ TLS_CERT_FILE: '/nonexistent/cert.pem', TLS_KEY_FILE: '/nonexistent/key.pem' }, 'TLS_CERT_FILE'],
    [{ ANONYMOUS_RETENTION_DAYS: '1', SESSION_IDLE_TIMEOUT_SECONDS: '172800' }, 'ANONYMOUS_RETENTION_DAYS'],
  ])('rejects %j naming %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`^Invalid configuration: ${variable}: `));
  });

  it('signs internal calls only when a secret is set, and requires one in production', () => {
    expect(loadConfig({}).internalAuth).toMatchObject({ secret: undefined, required: false });
    const production = loadConfig({ NODE_ENV: 'production', INTERNAL_AUTH_SECRET: 'x'.repeat(32) });
    expect(production.internalAuth).toMatchObject({ secret: 'x'.repeat(32), required: true, maxAgeMs: 30_000 });
  });

  it('reads subgraph URL overrides by name', () => {
    const config = loadConfig({ SUBGRAPH_PRODUCTS_URL: 'http://products:4001/graphql' });
    expect(config.gateway.subgraphUrls).toEqual({ products: 'http://products:4001/graphql' });
  });

  it('times out subgraph fetches after 5 s unless told otherwise, per subgraph of any name', () => {
    const defaults = loadConfig({});
    expect(defaults.gateway).toMatchObject({
      subgraphTimeoutMs: 5000,
      subgraphTimeouts: {},
      breaker: { errorPercent: 50, volume: 5, windowMs: 10_000, resetMs: 10_000 },
    });
    expect(defaults.internalCallTimeoutMs).toBe(2000);
    const config = loadConfig({ SUBGRAPH_TIMEOUT_MS: '3000', SUBGRAPH_RECOMMENDATIONS_TIMEOUT_MS: '800', SUBGRAPH_STORE_LOCATOR_TIMEOUT_MS: '1500' });
    expect(config.gateway.subgraphTimeoutMs).toBe(3000);
    expect(config.gateway.subgraphTimeouts).toEqual({ recommendations: 800, store_locator: 1500 });
  });

  it('serves metrics on every service port unless a metrics port is set, and bounds operation names', () => {
    expect(loadConfig({}).observability.metrics).toEqual({ token: undefined, ports: {}, operationNames: undefined, maxOperationNames: 100 });
    const config = loadConfig({ GATEWAY_METRICS_PORT: '9400', METRICS_TOKEN: 'x'.repeat(16), METRICS_OPERATION_NAMES: 'ProductPage, CartPage' });
    expect(config.observability.metrics).toMatchObject({ token: 'x'.repeat(16), ports: { gateway: 9400 }, operationNames: ['ProductPage', 'CartPage'] });
  });

  it('traces only with an OTLP endpoint, every trace unless a sampling ratio is set', () => {
    expect(loadConfig({}).observability.tracing).toEqual({ otlpEndpoint: undefined, samplingRatio: 1 });
    expect(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/', OTEL_TRACES_SAMPLER_ARG: '0.25' }).observability.tracing).toEqual({
      otlpEndpoint: 'http://collector:4318',
      samplingRatio: 0.25,
    });
  });

  it('serves the storefront while developing, elsewhere only when asked, from dist/client unless told otherwise', () => {
    expect(loadConfig({}).gateway.storefront).toEqual({ enabled: true, dir: expect.stringMatching(/[\\/]dist[\\/]client$/) });
    expect(loadConfig({ NODE_ENV: 'test' }).gateway.storefront.enabled).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', INTERNAL_AUTH_SECRET: 'x'.repeat(32) }).gateway.storefront.enabled).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', INTERNAL_AUTH_SECRET: 'x'.repeat(32), GATEWAY_STOREFRONT: 'true', GATEWAY_STOREFRONT_DIR: '/srv/shop' }).gateway.storefront).toEqual({ enabled: true, dir: '/srv/shop' });
    expect(() => loadConfig({ GATEWAY_STOREFRONT: 'maybe' })).toThrow(/GATEWAY_STOREFRONT: must be true or false/);
  });

  it('opens introspection and CORS while developing and closes them in production', () => {
    expect(loadConfig({}).http).toMatchObject({ introspection: true, corsOrigins: '*', debugErrors: false });
    // Production also requires the internal-call secret.
    const production = { NODE_ENV: 'production', INTERNAL_AUTH_SECRET: 's'.repeat(32) };
    expect(loadConfig(production).http).toMatchObject({ introspection: false, corsOrigins: [], debugErrors: false });
    expect(loadConfig({ ...production, GATEWAY_INTROSPECTION: 'true', CORS_ORIGINS: 'https://shop.example, https://m.shop.example' }).http).toMatchObject({
      introspection: true,
      corsOrigins: ['https://shop.example', 'https://m.shop.example'],
    });
  });

  it('serves the playground while developing, in production only when asked', () => {
    expect(loadConfig({}).gateway.playground).toBe(true);
    const production = { NODE_ENV: 'production', INTERNAL_AUTH_SECRET: 's'.repeat(32) };
    expect(loadConfig(production).gateway.playground).toBe(false);
    expect(loadConfig({ ...production, GATEWAY_PLAYGROUND: 'true' }).gateway.playground).toBe(true);
    expect(loadConfig({ GATEWAY_PLAYGROUND: 'false' }).gateway.playground).toBe(false);
    expect(() => loadConfig({ GATEWAY_PLAYGROUND: 'maybe' })).toThrow(/GATEWAY_PLAYGROUND/);
  });

  it('serves the admin console while developing, in production only when asked', () => {
    const production = { NODE_ENV: 'production', INTERNAL_AUTH_SECRET: 's'.repeat(32) };
    expect(loadConfig({}).gateway.adminConsole).toBe(true);
    expect(loadConfig({ GATEWAY_ADMIN_CONSOLE: 'false' }).gateway.adminConsole).toBe(false);
    expect(loadConfig(production).gateway.adminConsole).toBe(false);
    expect(loadConfig({ ...production, GATEWAY_ADMIN_CONSOLE: 'true' }).gateway.adminConsole).toBe(true);
    expect(() => loadConfig({ GATEWAY_ADMIN_CONSOLE: 'sometimes' })).toThrow(/GATEWAY_ADMIN_CONSOLE: must be true or false/);
  });

  it('reads the rate limits, strict fields and trusted proxies', () => {
    const config = loadConfig({ RATE_LIMIT_STRICT_FIELDS: 'startSession:60/60, checkout:10/1', GATEWAY_TRUSTED_PROXIES: '10.0.0.0/8,::1' });
    expect(config.gateway.rateLimit.strictFields).toEqual([
      { field: 'startSession', count: 60, seconds: 60 },
      { field: 'checkout', count: 10, seconds: 1 },
    ]);
    expect(config.gateway.trustedProxies).toEqual(['10.0.0.0/8', '::1']);
    expect(loadConfig({}).gateway.rateLimit.strictFields).toEqual([{ field: 'startSession', count: 60, seconds: 60 }]);
  });
  it('reads the WebSocket limits, with documented defaults and bounds', () => {
    expect(loadConfig({}).gateway.websocket).toEqual({
      maxPayloadBytes: 65_536,
      maxSubscriptionsPerConnection: 10,
      maxConnectionsPerAddress: 50,
      connectionInitWaitTimeoutMs: 3000,
      keepAliveMs: 12_000,
    });
    const config = loadConfig({ GATEWAY_WS_MAX_SUBSCRIPTIONS_PER_CONNECTION: '25', GATEWAY_WS_MAX_CONNECTIONS_PER_ADDRESS: '500' });
    expect(config.gateway.websocket).toMatchObject({ maxSubscriptionsPerConnection: 25, maxConnectionsPerAddress: 500 });
    expect(() => loadConfig({ GATEWAY_WS_MAX_SUBSCRIPTIONS_PER_CONNECTION: '5000' })).toThrow(/GATEWAY_WS_MAX_SUBSCRIPTIONS_PER_CONNECTION: must be at most 1000/);
    expect(() => loadConfig({ GATEWAY_WS_INIT_TIMEOUT_MS: '0' })).toThrow(/GATEWAY_WS_INIT_TIMEOUT_MS/);
  });

  it('refits the basket model after 1,000 purchases or at 20 s with one, unless told otherwise', () => {
    expect(loadConfig({}).recommendations).toMatchObject({ refitAfterPurchases: 1000, refitMaxStalenessMs: 20_000, trainIntervalMs: 600_000 });
    expect(loadConfig({ RECS_REFIT_AFTER_PURCHASES: '0', RECS_REFIT_MAX_STALENESS_SECONDS: '5' }).recommendations).toMatchObject({ refitAfterPurchases: 0, refitMaxStalenessMs: 5000 });
    expect(() => loadConfig({ RECS_REFIT_AFTER_PURCHASES: '-1' })).toThrow(/RECS_REFIT_AFTER_PURCHASES: must be 0 \(off\) or more/);
    expect(() => loadConfig({ RECS_REFIT_MAX_STALENESS_SECONDS: '1.5' })).toThrow(/RECS_REFIT_MAX_STALENESS_SECONDS: must be a whole number/);
  });

  it('reads the photo limits of recommend(context: { image }), with documented defaults and bounds', () => {
    expect(loadConfig({}).recommendations.images).toEqual({
      maxBytes: 4_000_000,
      maxPixels: 40_000_000,
      timeoutMs: 5000,
      workers: 1,
      queue: 8,
      ocr: { workers: 1, queue: 4, timeoutMs: 30_000 },
    });
    expect(loadConfig({ RECS_IMAGE_WORKERS: '4', RECS_IMAGE_QUEUE: '0' }).recommendations.images).toMatchObject({ workers: 4, queue: 0 });
    expect(() => loadConfig({ RECS_IMAGE_WORKERS: '0' })).toThrow(/RECS_IMAGE_WORKERS/);
    expect(() => loadConfig({ RECS_IMAGE_MAX_PIXELS: '1000000000' })).toThrow(/RECS_IMAGE_MAX_PIXELS: must be at most 400000000/);
  });

  it('reads the shopping-list readers\' pool size, queue and timeout', () => {
    expect(loadConfig({ RECS_OCR_WORKERS: '2', RECS_OCR_QUEUE: '0', RECS_OCR_TIMEOUT_MS: '60000' }).recommendations.images.ocr).toEqual({ workers: 2, queue: 0, timeoutMs: 60_000 });
    expect(() => loadConfig({ RECS_OCR_WORKERS: '0' })).toThrow(/RECS_OCR_WORKERS/);
    expect(() => loadConfig({ RECS_OCR_WORKERS: '17' })).toThrow(/RECS_OCR_WORKERS: must be at most 16/);
    expect(() => loadConfig({ RECS_OCR_QUEUE: '-1' })).toThrow(/RECS_OCR_QUEUE: must be 0 or more/);
    expect(() => loadConfig({ RECS_OCR_TIMEOUT_MS: 'soon' })).toThrow(/RECS_OCR_TIMEOUT_MS/);
  });

  it('caps the bodies an operation may declare at 8 MB, at least HTTP_MAX_BODY_BYTES', () => {
    expect(loadConfig({}).http).toMatchObject({ maxBodyBytes: 1_000_000, maxOperationBodyBytes: 8_000_000 });
    expect(loadConfig({ HTTP_MAX_OPERATION_BODY_BYTES: '6000000' }).http.maxOperationBodyBytes).toBe(6_000_000);
    // An older raised HTTP_MAX_BODY_BYTES keeps working without the new variable.
    expect(loadConfig({ HTTP_MAX_BODY_BYTES: '10000000' }).http.maxOperationBodyBytes).toBe(10_000_000);
    expect(() => loadConfig({ HTTP_MAX_OPERATION_BODY_BYTES: '500000' })).toThrow(/HTTP_MAX_OPERATION_BODY_BYTES: must be at least HTTP_MAX_BODY_BYTES/);
    expect(() => loadConfig({ HTTP_MAX_OPERATION_BODY_BYTES: '200000000' })).toThrow(/HTTP_MAX_OPERATION_BODY_BYTES: must be at most 100000000/);
    expect(() => loadConfig({ HTTP_MAX_OPERATION_BODY_BYTES: 'lots' })).toThrow(/HTTP_MAX_OPERATION_BODY_BYTES/);
  });
});

describe('the README Configuration table', () => {
  // Operators configure from that table: a variable missing from it is one nobody can find, a row
  // for a variable nothing reads is one that silently does nothing.
  const readme = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('\n## Configuration\n'), readme.indexOf('\n## ', readme.indexOf('\n## Configuration\n') + 1));
  const documented = section
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .flatMap((line) => [...line.split('|')[1]!.matchAll(/`([A-Z][A-Z0-9_<>]*)`/g)].map((match) => match[1]!));

  it('lists every variable the configuration reads', () => {
    expect(documented.length).toBeGreaterThan(50);
    expect(configVariables().filter((name) => !documented.includes(name))).toEqual([]);
  });

  it('lists no variable the configuration does not read', () => {
    const concrete = documented.filter((name) => !name.includes('<'));
    expect(concrete.filter((name) => !isConfigVariable(name))).toEqual([]);
  });
});
