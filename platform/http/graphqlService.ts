import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerOptions, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { HttpConfig } from '../config';
import type { InternalAuth } from '../auth/internalAuth';
import { createErrorFormatter } from '../errors';
import type { Logger } from '../logger';
import { graphqlMetricsPlugin } from '../observability/graphqlMetricsPlugin';
import { graphqlTracingPlugin } from '../observability/graphqlTracingPlugin';
import { httpRequestMetrics } from '../observability/httpMetrics';
import { serviceMetrics, type ServiceMetrics } from '../observability/metrics';
import { listenMetrics, metricsHandler, type MetricsEndpointOptions } from '../observability/metricsEndpoint';
import { graphqlRequestSteps } from './graphqlRequestSteps';
import type { GraphQLHttpRequest, HttpStep } from './httpStep';
import { jsonErrorHandler, jsonNotFound } from './jsonErrors';
import { isLeanGraphQLRequest, leanGraphQLHandler } from './leanGraphQLHandler';
import { NO_DECLARED_LIMITS, RequestBodyLimits, type DeclaredBodyLimits } from './requestBodyLimits';
import { checkReadiness, type Readiness } from './readiness';
import { requireInternalSignature } from './requireInternalSignature';

/**
 * What a service's context function is given of a /graphql request: its
 * headers and the socket's peer (the gateway's client address,
 * clientAddress.ts). Node's request, whichever of the two paths served it.
 */
export interface ContextRequest {
  readonly headers: GraphQLHttpRequest['headers'];
  readonly socket: { readonly remoteAddress?: string };
}

/** Safe when a service is built without its configuration: nothing shown that need not be. */
const CLOSED: HttpConfig = { introspection: false, corsOrigins: [], maxBodyBytes: 1_000_000, maxOperationBodyBytes: 8_000_000, debugErrors: false };

export interface GraphQLServiceOptions<TContext extends BaseContext> {
  name: string;
  logger: Logger;
  /** A schema (subgraphs) or a gateway: exactly one. */
  apollo: Pick<ApolloServerOptions<TContext>, 'schema' | 'gateway' | 'validationRules' | 'parseOptions'>;
  context: (req: ContextRequest) => Promise<TContext>;
  /** Drives GET /readyz: named checks (platform/http/readiness.ts), or one function that throws when a dependency is unreachable. */
  ready: Readiness;
  /** What GET /healthz reports besides `status` (the recommender: its basket model's age); never makes it fail. */
  health?: () => Record<string, unknown>;
  plugins?: ApolloServerPlugin<TContext>[];
  /** Subgraphs sit behind the gateway: no playground of their own. */
  landingPage?: boolean;
  /** Where GET /metrics is served (the service's own port by default) and how operation names are bounded. */
  metrics?: MetricsEndpointOptions;
  /** Introspection, CORS, body limit, stack traces: `config.http`. */
  http?: HttpConfig;
  /**
   * Root fields allowed a body above HTTP_MAX_BODY_BYTES (their
   * `@requestBodyLimit`), asked per request: a subgraph's from its own SDL,
   * the gateway's from the supergraph it serves now. None by default.
   */
  bodyLimits?: () => DeclaredBodyLimits;
  /** Tokens a large body's query is parsed with at most to find its root fields (the gateway's GATEWAY_MAX_TOKENS). */
  maxTokens?: number;
  /**
   * Registers routes ahead of /graphql's GraphQL handling (the gateway's
   * playground page on GET /graphql and its static assets).
   */
  beforeGraphQL?: (app: express.Express) => void;
  /** Runs on /graphql (both its paths) before the body is read. */
  middleware?: HttpStep[];
  /** More routes beside the API's, tried after /graphql and before the JSON 404 (the gateway's storefront and admin console). */
  routers?: express.RequestHandler[];
  /** Listen on HTTPS with these PEM files (TLS_CERT_FILE / TLS_KEY_FILE). */
  tls?: { certFile?: string; keyFile?: string };
  /**
   * Subgraphs: check the gateway's signature on /graphql. A bad signature is
   * always refused; a missing one only when `required` (production).
   */
  internalAuth?: { verifier: InternalAuth | undefined; required: boolean };
}

/**
 * An HTTP server with POST/GET /graphql, GET /healthz and GET /readyz,
 * built without listening so tests can pick the port.
 */
export class GraphQLService<TContext extends BaseContext = BaseContext> {
  readonly httpServer: http.Server;
  private readonly scheme: 'http' | 'https';
  readonly apollo: ApolloServer<TContext>;
  /** This service's Prometheus registry (shared by every instance of it in the process). */
  readonly metrics: ServiceMetrics;
  private metricsServer: http.Server | undefined;
  private started = false;
  private stopped = false;

  private readonly http: HttpConfig;

  constructor(private readonly options: GraphQLServiceOptions<TContext>) {
    this.http = options.http ?? CLOSED;
    this.metrics = serviceMetrics(options.name);
    const { certFile, keyFile } = options.tls ?? {};
    // https.Server has every method of http.Server that Apollo's drain and graphql-ws use.
    this.httpServer = certFile && keyFile
      ? (https.createServer({ cert: fs.readFileSync(certFile), key: fs.readFileSync(keyFile) }) as unknown as http.Server)
      : http.createServer();
    this.scheme = certFile && keyFile ? 'https' : 'http';
    if (this.http.keepAliveMs !== undefined) {
      this.httpServer.keepAliveTimeout = this.http.keepAliveMs;
      // Node wants the header timeout above the keep-alive one, or an idle socket's next request may be cut.
      this.httpServer.headersTimeout = Math.max(this.httpServer.headersTimeout, this.http.keepAliveMs + 1000);
    }
    const plugins: ApolloServerPlugin<TContext>[] = [
      ApolloServerPluginDrainHttpServer({ httpServer: this.httpServer }),
      // Traces are for Apollo's hosted studio, which this product does not report to.
      ApolloServerPluginInlineTraceDisabled(),
      ...(options.landingPage === false ? [ApolloServerPluginLandingPageDisabled()] : []),
      graphqlMetricsPlugin<TContext>(this.metrics, options.metrics),
      graphqlTracingPlugin<TContext>(),
      ...(options.plugins ?? []),
    ];
    this.apollo = new ApolloServer<TContext>({
      ...(options.apollo as ApolloServerOptions<TContext>),
      plugins,
      formatError: createErrorFormatter(options.logger, { debug: this.http.debugErrors, service: options.name }),
      includeStacktraceInErrorResponses: this.http.debugErrors,
      introspection: this.http.introspection,
      // "Did you mean …?" suggestions name fields a client never saw: shown only where introspection is.
      hideSchemaDetailsFromClientErrors: !this.http.introspection,
      // Shutdown is ours (runUntilSignalled): Apollo's own handler would re-raise the signal.
      stopOnTerminationSignals: false,
    });
  }

  get name(): string {
    return this.options.name;
  }

  /** Starts Apollo and listens; resolves to the GraphQL URL. Port 0 picks a free one. */
  async listen(port: number, host = '127.0.0.1'): Promise<string> {
    await this.apollo.start();
    this.started = true;
    const app = express();
    app.disable('x-powered-by');
    const countRequest = httpRequestMetrics(this.metrics);
    app.use(countRequest);
    const metricsOptions = this.options.metrics ?? {};
    if (metricsOptions.port === undefined) app.get('/metrics', metricsHandler(this.metrics, metricsOptions.token));
    else this.metricsServer = await listenMetrics(this.metrics, { ...metricsOptions, port: metricsOptions.port }, host);
    app.get('/healthz', (_req, res) => {
      let details: Record<string, unknown> = {};
      try {
        details = this.options.health?.() ?? {};
      } catch (error) {
        // Liveness is the process answering: a broken report is shown, not fatal.
        details = { healthError: (error as Error).message };
      }
      res.json({ status: 'ok', service: this.options.name, ...details });
    });
    app.get('/readyz', async (_req, res) => {
      const report = await checkReadiness(this.options.ready, 3000);
      if (report.ready) res.json({ status: 'ready', service: this.options.name, checks: report.checks });
      // A consumer or start-up task names itself in `problems` (stream, group, last error, since when).
      else res.status(503).json({ status: 'not ready', service: this.options.name, reason: report.reason, checks: report.checks, ...(report.problems ? { problems: report.problems } : {}) });
    });
    this.options.beforeGraphQL?.(app);
    const bodyLimits = new RequestBodyLimits({
      maxBodyBytes: this.http.maxBodyBytes,
      maxOperationBodyBytes: this.http.maxOperationBodyBytes,
      declared: this.options.bodyLimits ?? (() => NO_DECLARED_LIMITS),
      maxTokens: this.options.maxTokens,
    });
    const steps = graphqlRequestSteps({
      service: this.options.name,
      corsOrigins: this.http.corsOrigins,
      middleware: this.options.middleware,
      bodyLimits,
      internalSignature: this.options.internalAuth ? requireInternalSignature(this.options.internalAuth, this.metrics) : undefined,
    });
    // POST and OPTIONS on /graphql never reach Express (leanGraphQLHandler.ts); what does
    // (GET queries, other methods and spellings of the path) takes the same steps.
    app.use('/graphql', ...steps, expressMiddleware(this.apollo, { context: async ({ req }) => this.options.context(req) }));
    for (const router of this.options.routers ?? []) app.use(router);
    app.use(jsonNotFound);
    app.use(jsonErrorHandler(this.options.logger, { debug: this.http.debugErrors }));
    const lean = leanGraphQLHandler({
      apollo: this.apollo,
      before: [countRequest],
      steps,
      context: (req) => this.options.context(req),
      logger: this.options.logger,
      debug: this.http.debugErrors,
    });
    this.httpServer.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
      if (isLeanGraphQLRequest(req)) lean(req, res);
      else app(req, res);
    });
    await new Promise<void>((resolve, reject) => {
      this.httpServer.once('error', reject);
      this.httpServer.listen(port, host, () => {
        this.httpServer.off('error', reject);
        resolve();
      });
    });
    const address = this.httpServer.address() as AddressInfo;
    const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
    return `${this.scheme}://${shownHost}:${address.port}/graphql`;
  }

  get port(): number {
    return (this.httpServer.address() as AddressInfo).port;
  }

  /** The URL Prometheus scrapes: this service's own port, or its separate metrics port. */
  get metricsUrl(): string {
    const server = this.metricsServer ?? this.httpServer;
    const address = server.address() as AddressInfo;
    const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    const scheme = this.metricsServer ? 'http' : this.scheme;
    return `${scheme}://${host === '0.0.0.0' || host === '[::]' ? '127.0.0.1' : host}:${address.port}/metrics`;
  }

  /** Stops accepting requests and waits for the ones in flight (Apollo's drain plugin). */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    if (this.started) await this.apollo.stop();
    if (this.httpServer.listening) await new Promise<void>((resolve) => this.httpServer.close(() => resolve()));
    const metricsServer = this.metricsServer;
    if (metricsServer?.listening) await new Promise<void>((resolve) => metricsServer.close(() => resolve()));
  }
}
