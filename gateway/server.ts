import fs from 'node:fs';
import express from 'express';
import { ApolloGateway, IntrospectAndCompose } from '@apollo/gateway';
import { getOperationAST, type GraphQLSchema } from 'graphql';
import type { Config } from '../platform/config';
import type { EventBus } from '../platform/events/eventBus';
import { GraphQLService } from '../platform/http/graphqlService';
import { createInternalCalls, type InternalCalls } from '../platform/http/internalCalls';
import { metricsEndpointOptions } from '../platform/observability/metricsEndpoint';
import type { Logger } from '../platform/logger';
import type { PubSub } from '../platform/pubsub/pubsub';
import { apolloExecutor } from './subscriptions/gatewayExecutor';
import { buildSubscriptionSchema } from './subscriptions/subscriptionSchema';
import { SubscriptionServer, type SubscriptionLimits } from './subscriptions/subscriptionServer';
import { limitRules } from './queryLimits';
import { HeaderForwardingDataSource, type GatewayContext } from './headerForwardingDataSource';
import { TrustedProxies } from '../platform/http/clientAddress';
import type { Redis } from '../platform/redis';
import { CostLimit, costLimitPlugin } from './plugins/costLimit';
import type { EdgeContext } from './plugins/edgeContext';
import { rateLimitPlugin, rateLimitedError, rootFields as operationRootFields } from './plugins/rateLimit';
import { responseSizeCapPlugin } from './plugins/responseSizeCap';
import { subscriptionsOverHttpPlugin } from './plugins/subscriptionsOverHttp';
import { RateLimits } from './rateLimits';
import { serviceMetrics } from '../platform/observability/metrics';
import { createEventConsumers } from '../platform/events/eventConsumers';
import { supergraphSubgraphs, type SubgraphEndpoint } from './supergraphSubgraphs';
import { SubgraphFetcher } from './subgraphFetcher';
import { accessLogPlugin } from './plugins/accessLog';
import { servePlaygroundPage } from './http/playgroundPage';
import { ADMIN_CONSOLE_PATH, adminConsoleRouter } from './adminConsole';
import type { ReadinessCheck } from '../platform/http/readiness';
import { currentRequestId, REQUEST_ID_HEADER } from '../platform/requestContext';
import { storefrontRoutes } from './storefront';
import { describeBodyLimits, supergraphBodyLimits } from './http/supergraphBodyLimits';
import { NO_DECLARED_LIMITS, type DeclaredBodyLimits } from '../platform/http/requestBodyLimits';

type Fetcher = NonNullable<NonNullable<ConstructorParameters<typeof HeaderForwardingDataSource>[0]>['fetcher']>;

export interface GatewayOptions {
  config: Config;
  logger: Logger;
  /** Supergraph SDL to serve; read from config.gateway.supergraphPath when omitted. */
  supergraphSdl?: string;
  /**
   * With both, the gateway also serves GraphQL subscriptions over WebSocket
   * (graphql-ws) at its /graphql URL, fed by the bus's cart stream and fanned
   * out to every replica through the pub/sub.
   */
  pubsub?: PubSub;
  events?: EventBus;
  subscriptionLimits?: Partial<SubscriptionLimits>;
  /** Where the rate limits are counted (shared by every replica); process memory without it. */
  redis?: Redis;
}

export interface GatewayService {
  service: GraphQLService<GatewayContext & EdgeContext>;
  subgraphs: SubgraphEndpoint[];
  rateLimits: RateLimits;
  /** Present when the gateway was given a pub/sub and an event bus. */
  subscriptions?: SubscriptionServer;
  close(): Promise<void>;
}

/**
 * A subgraph is routable when its process answers /healthz (next to its
 * /graphql). Its own /readyz (database, Redis) is deliberately not asked: a
 * database outage behind one subgraph must not take every gateway out of the
 * load balancer while the other subgraphs still make useful partial answers.
 */
async function probeLiveness(endpoint: SubgraphEndpoint, calls: InternalCalls): Promise<void> {
  const url = new URL('healthz', endpoint.url).toString();
  let response: Response;
  try {
    response = await calls.fetch(url);
  } catch (error) {
    throw new Error(`subgraph ${endpoint.name} unreachable at ${url}: ${(error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message}`);
  }
  await response.body?.cancel().catch(() => undefined);
  if (!response.ok) throw new Error(`subgraph ${endpoint.name} unreachable at ${url}: HTTP ${response.status}`);
}

/**
 * The gateway: composes whatever supergraph it is given. Production serves a
 * static supergraph file (no subgraph needs to be up to start); development
 * can compose from the running subgraphs named by SUBGRAPH_<NAME>_URL.
 */
export function buildGateway({ config, logger, supergraphSdl, pubsub, events, subscriptionLimits, redis }: GatewayOptions): GatewayService {
  const gatewayConfig = config.gateway;
  // Node's own fetch (undici) honours the subgraphs' Keep-Alive timeout, so it
  // never reuses a socket the subgraph is closing (the default fetcher does,
  // which surfaces as ECONNRESET under load).
  //
  // Every subgraph request goes through the process's internal calls: signed
  // with the shared secret (subgraphs refuse unsigned calls in production) and
  // trusting TLS_CA_FILE for https subgraphs. A fetcher with its own
  // connection pools signs with `calls.sign` and connects with `calls.connect`.
  const calls = createInternalCalls(config);
  // One fetcher per subgraph name (its pool, timeout and circuit breaker), kept across schema updates.
  const fetchers = new Map<string, SubgraphFetcher>();
  const fetcherFor = (name: string) => {
    let fetcher = fetchers.get(name);
    if (!fetcher) {
      const timeoutMs = gatewayConfig.subgraphTimeouts[name.toLowerCase()] ?? gatewayConfig.subgraphTimeoutMs;
      const { connections, keepAliveMs } = gatewayConfig.subgraphClient;
      fetcher = new SubgraphFetcher({ subgraph: name, timeoutMs, breaker: gatewayConfig.breaker, calls, logger, connections, keepAliveMs, dedupe: gatewayConfig.dedupeInflight });
      fetchers.set(name, fetcher);
    }
    return fetcher;
  };
  const buildService = ({ name, url }: { name: string; url?: string }) => {
    const fetcher = fetcherFor(name);
    // `request`: undici's request API, no web streams (docs/performance-internals.md); `fetch`: the standard Response path.
    const send = gatewayConfig.subgraphClient.mode === 'request' ? fetcher.send : undefined;
    return new HeaderForwardingDataSource({ url, subgraph: name, fetcher: fetcher.fetch as unknown as Fetcher, send });
  };
  let gateway: ApolloGateway;
  let subgraphs: SubgraphEndpoint[];

  if (gatewayConfig.supergraphSource === 'file' || supergraphSdl) {
    const sdl = supergraphSdl ?? fs.readFileSync(gatewayConfig.supergraphPath, 'utf8');
    // Without SUBGRAPH_<NAME>_URL, a subgraph on this machine is where its <NAME>_PORT says.
    subgraphs = supergraphSubgraphs(sdl, gatewayConfig.subgraphUrls, { ports: config.ports, host: config.host });
    const urls = new Map(subgraphs.map((s) => [s.name, s.url]));
    gateway = new ApolloGateway({
      supergraphSdl: sdl,
      buildService: ({ name, url }) => buildService({ name, url: urls.get(name) ?? url }),
      logger,
    });
  } else {
    subgraphs = Object.entries(gatewayConfig.subgraphUrls).map(([name, url]) => ({ name, url }));
    if (subgraphs.length === 0) throw new Error('SUPERGRAPH_SOURCE=introspect needs at least one SUBGRAPH_<NAME>_URL');
    gateway = new ApolloGateway({
      supergraphSdl: new IntrospectAndCompose({ subgraphs, pollIntervalInMs: 10_000 }),
      buildService,
      logger,
    });
  }

  // Readiness = able to route: a loaded supergraph and every subgraph's process alive.
  let supergraphLoaded = false;
  gateway.onSchemaLoadOrUpdate(() => {
    supergraphLoaded = true;
  });
  // Body limits follow the supergraph being served: read again on every load or update.
  let bodyLimits: DeclaredBodyLimits = NO_DECLARED_LIMITS;
  gateway.onSchemaLoadOrUpdate(({ coreSupergraphSdl }) => {
    try {
      bodyLimits = supergraphBodyLimits(coreSupergraphSdl);
      const declared = describeBodyLimits(bodyLimits);
      if (Object.keys(declared).length > 0) logger.info({ bodyLimits: declared }, 'root fields allowed larger request bodies');
    } catch (error) {
      // The gateway swallows what its listeners throw: said here, and the previous limits kept.
      logger.error({ err: error }, 'request body limits not read from the supergraph; keeping the previous ones');
    }
  });
  const routingChecks: ReadinessCheck[] = [
    {
      name: 'supergraph',
      check: async () => {
        if (!supergraphLoaded) throw new Error('no supergraph loaded yet');
      },
    },
    ...subgraphs.map((endpoint) => ({ name: `subgraph:${endpoint.name}`, check: () => probeLiveness(endpoint, calls) })),
  ];

  const forward = new Set(gatewayConfig.forwardHeaders);
  const proxies = new TrustedProxies(gatewayConfig.trustedProxies);
  const costLimit = new CostLimit({ maxCost: gatewayConfig.cost.maxCost, defaultListSize: gatewayConfig.cost.defaultListSize });
  const rateLimits = new RateLimits(gatewayConfig.rateLimit, { logger, redis, keyPrefix: config.redis?.keyPrefix });
  const metrics = serviceMetrics('gateway');
  // The cart stream's consumer (subscriptions): part of the gateway's readiness.
  const consumers = pubsub && events ? createEventConsumers(config, 'gateway', events, logger) : undefined;
  const unobservePubSub = pubsub
    ? metrics.observeGauge('smartcart_pubsub_handler_failures', 'Pub/sub handler calls in this process that threw (contained and logged; a running count)', [], (gauge) => {
        gauge.set(pubsub.handlerFailures());
      })
    : () => undefined;
  const costRejected = metrics.counter('smartcart_gateway_cost_rejected_total', 'Operations refused by the cost limit (GATEWAY_MAX_COST)');
  const rateLimited = metrics.counter('smartcart_gateway_rate_limited_total', 'Operations refused by a rate limit, by budget', ['budget']);
  const responsesTooLarge = metrics.counter('smartcart_gateway_response_too_large_total', 'Answers refused for exceeding GATEWAY_MAX_RESPONSE_BYTES');
  // address, session, apiKey or field_<name>: bounded by the configured strict fields.
  const budgetLabel = (budget: string) => budget.replace(/^field:/, 'field_');
  const header = (value: string | string[] | undefined) => (typeof value === 'string' && value !== '' ? value : undefined);
  const service = new GraphQLService<GatewayContext & EdgeContext>({
    name: 'gateway',
    logger,
    http: config.http,
    apollo: { gateway, validationRules: limitRules(gatewayConfig.limits), parseOptions: { maxTokens: gatewayConfig.limits.maxTokens } },
    bodyLimits: () => bodyLimits,
    maxTokens: gatewayConfig.limits.maxTokens,
    // Order matters: the cost is known before the rate limits charge it.
    plugins: [
      accessLogPlugin(logger),
      subscriptionsOverHttpPlugin('/graphql'),
      costLimitPlugin(costLimit, logger, () => costRejected.inc()),
      rateLimitPlugin(rateLimits, logger, (budget) => rateLimited.inc({ budget: budgetLabel(budget) })),
      responseSizeCapPlugin(gatewayConfig.maxResponseBytes, logger, () => responsesTooLarge.inc()),
    ],
    context: async (req) => {
      const forwardedHeaders: Record<string, string> = {};
      for (const name of forward) {
        const value = req.headers[name];
        if (typeof value === 'string') forwardedHeaders[name] = value;
      }
      // The id this request is logged under (the client's when sane, else generated), for every subgraph.
      const requestId = currentRequestId();
      if (requestId) forwardedHeaders[REQUEST_ID_HEADER] = requestId;
      const edge = { clientAddress: proxies.of(req), sessionToken: header(req.headers['x-session-token']), apiKey: header(req.headers['x-api-key']) };
      return { forwardedHeaders, edge };
    },
    ready: [...routingChecks, ...(consumers ? [{ name: 'events', check: async () => consumers.check() }] : [])],
    metrics: metricsEndpointOptions(config, 'gateway'),
    tls: config.tls,
    // Apollo's landing page loads Sandbox from a CDN: never shown. Browsers get the
    // bundled GraphiQL instead when the playground is on (GATEWAY_PLAYGROUND).
    landingPage: false,
    beforeGraphQL: gatewayConfig.playground ? (app) => servePlaygroundPage(app, '/graphql') : undefined,
    routers: [
      ...(gatewayConfig.adminConsole ? [express.Router().use(ADMIN_CONSOLE_PATH, adminConsoleRouter(logger))] : []),
      ...(gatewayConfig.storefront.enabled ? [storefrontRoutes({ dir: gatewayConfig.storefront.dir, logger })] : []),
    ],
  });
  const stop = async () => {
    unobservePubSub();
    await service.stop();
    await Promise.all([...fetchers.values()].map((fetcher) => fetcher.close()));
    await calls.close();
  };
  if (!pubsub || !events || !consumers) return { service, subgraphs, rateLimits, close: stop };

  let subscriptionSchema: GraphQLSchema | undefined;
  gateway.onSchemaLoadOrUpdate(({ apiSchema }) => {
    // The gateway swallows what its listeners throw; a broken schema must at least be visible.
    try {
      subscriptionSchema = buildSubscriptionSchema(apiSchema);
    } catch (error) {
      logger.error({ err: error }, 'subscription schema not built; subscriptions keep the previous one');
    }
  });
  const subscriptions = new SubscriptionServer({
    httpServer: service.httpServer,
    pubsub,
    events: consumers,
    logger,
    execute: apolloExecutor(service.apollo),
    schema: () => subscriptionSchema,
    // Configured limits; a caller (a test) may override single ones.
    limits: { ...gatewayConfig.websocket, ...subscriptionLimits },
    validationRules: limitRules(gatewayConfig.limits),
    maxTokens: gatewayConfig.limits.maxTokens,
    // The same client address, cost limit and budgets as over HTTP.
    clientAddress: (request) => proxies.of(request),
    admit: async ({ schema, document, operationName, variables, clientAddress, sessionToken }) => {
      let cost: number;
      try {
        cost = costLimit.check(schema, document, operationName, variables);
      } catch (error) {
        costRejected.inc();
        throw error;
      }
      const decision = await rateLimits.consume({ clientAddress, sessionToken }, cost, operationRootFields(getOperationAST(document, operationName) ?? undefined));
      if (decision.allowed) return;
      rateLimited.inc({ budget: budgetLabel(decision.budget) });
      throw rateLimitedError(decision);
    },
  });
  return {
    service,
    subgraphs,
    rateLimits,
    subscriptions,
    async close() {
      // Sockets first: Apollo's HTTP drain would otherwise cut upgraded connections without a close frame.
      await subscriptions.close();
      await consumers.close();
      await stop();
    },
  };
}
