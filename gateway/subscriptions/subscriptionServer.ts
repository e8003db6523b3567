import crypto from 'node:crypto';
import type http from 'node:http';
import type { Duplex } from 'node:stream';
import { GraphQLError, parse, print, specifiedRules, subscribe, validate, type DocumentNode, type ExecutionResult, type GraphQLSchema, type ValidationRule } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { LRUCache } from 'lru-cache';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Subscription } from '../../platform/events/eventBus';
import type { EventConsumers } from '../../platform/events/eventConsumers';
import type { StartupTask } from '../../platform/startWithRetry';
import type { Logger } from '../../platform/logger';
import type { PubSub } from '../../platform/pubsub/pubsub';
import { startCartEventBridge } from './cartEventBridge';
import { CartChannels } from './cartChannels';
import { responseKeyResolver } from './forwardedData';
import type { GatewayExecutor } from './gatewayExecutor';
import type { SubscriberShopper, SubscriptionContext } from './subscriptionSchema';
import { serviceMetrics } from '../../platform/observability/metrics';

export interface SubscriptionLimits {
  /** Largest message a client may send; ws defaults to 100 MiB. */
  maxPayloadBytes: number;
  maxSubscriptionsPerConnection: number;
  maxConnectionsPerAddress: number;
  /** A connection that sends no connection_init within this is closed (4408). */
  connectionInitWaitTimeoutMs: number;
  keepAliveMs: number;
  /** How long shutdown waits for payloads being resolved before closing sockets. */
  drainTimeoutMs: number;
}

export const DEFAULT_LIMITS: SubscriptionLimits = {
  maxPayloadBytes: 64 * 1024,
  maxSubscriptionsPerConnection: 10,
  maxConnectionsPerAddress: 50,
  connectionInitWaitTimeoutMs: 3000,
  keepAliveMs: 12_000,
  drainTimeoutMs: 2000,
};

export interface SubscriptionServerOptions {
  httpServer: http.Server;
  pubsub: PubSub;
  /** Where the cart stream is consumed: the gateway's EventConsumers (retried start, readiness). */
  events: EventConsumers;
  logger: Logger;
  execute: GatewayExecutor;
  /** The schema to serve now (the gateway's may be recomposed at run time); undefined before the first load. */
  schema: () => GraphQLSchema | undefined;
  limits?: Partial<SubscriptionLimits>;
  path?: string;
  /** The HTTP endpoint's operation limits (depth, aliases, directives), applied to socket operations too. */
  validationRules?: ValidationRule[];
  /** The HTTP endpoint's token limit per document. */
  maxTokens?: number;
  /** The client's address behind the trusted proxies; the socket's peer without it. */
  clientAddress?: (request: http.IncomingMessage) => string;
  /** The HTTP endpoint's cost limit and rate limits: throws the GraphQL error that refuses the operation. */
  admit?: (operation: AdmittedOperation) => Promise<void>;
}

export interface AdmittedOperation {
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName?: string | null;
  variables?: Record<string, unknown>;
  clientAddress: string;
  sessionToken?: string;
}

/** A refusal as sent over the socket: HTTP-only details (status, headers) left out. */
function socketError(error: unknown): GraphQLError {
  if (!(error instanceof GraphQLError)) return new GraphQLError(String(error));
  const { http: _http, ...extensions } = error.extensions;
  return new GraphQLError(error.message, { extensions });
}

export interface SubscriptionStats {
  connections: number;
  /** Client addresses holding at least one connection. */
  addresses: number;
  /** Carts with at least one subscriber in this process (one pub/sub subscription each). */
  carts: number;
  subscriptions: number;
  authenticated: number;
  inFlight: number;
}

const ME = 'query SubscriptionSession { me { id cart { id } } }';

function timeout(ms: number): { promise: Promise<void>; cancel(): void } {
  let timer: NodeJS.Timeout | undefined;
  const promise = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
  return { promise, cancel: () => clearTimeout(timer) };
}

/**
 * graphql-ws (graphql-transport-ws) on the gateway's own HTTP server and
 * path. Payloads are resolved by running ordinary queries through the gateway,
 * triggered by cart signals that one bridge per process republishes from the bus.
 */
export class SubscriptionServer {
  readonly channels: CartChannels;
  private readonly limits: SubscriptionLimits;
  private readonly wss: WebSocketServer;
  private readonly disposer: { dispose(): void | Promise<void> };
  private readonly perAddress = new Map<string, number>();
  private readonly shoppers = new WeakMap<WebSocket, SubscriberShopper>();
  private readonly addresses = new WeakMap<http.IncomingMessage, string>();
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly sessions: LRUCache<string, Promise<SubscriberShopper | undefined>>;
  private readonly bridge: StartupTask<Subscription>;
  private closing: Promise<void> | undefined;
  private readonly onUpgrade = (request: http.IncomingMessage, socket: Duplex, head: Buffer) => this.upgrade(request, socket, head);
  private readonly stopReporting: () => void;
  private readonly refused = serviceMetrics('gateway').counter('smartcart_gateway_websocket_refused_total', 'WebSocket upgrades refused, by reason (per_address_limit, shutting_down)', ['reason']);

  constructor(private readonly options: SubscriptionServerOptions) {
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
    // Read at scrape time from the live server, so the figures cannot drift from the sockets
    // (summed over the gateways of a process, as a test stack may run several).
    const metrics = serviceMetrics('gateway');
    const stops = [
      metrics.observeGauge('smartcart_gateway_websocket_connections', 'Open WebSocket (graphql-ws) connections', [], (gauge) => gauge.inc(this.wss.clients.size)),
      metrics.observeGauge('smartcart_gateway_subscriptions_active', 'Active GraphQL subscriptions over WebSocket', [], (gauge) => gauge.inc(this.channels.listenerCount())),
      metrics.observeGauge('smartcart_gateway_subscription_carts', 'Carts with at least one live subscriber in this process', [], (gauge) => gauge.inc(this.channels.size())),
    ];
    this.stopReporting = () => stops.forEach((stop) => stop());
    this.channels = new CartChannels(options.pubsub);
    // A session's shopper and cart never change: a reconnect storm need not ask the users subgraph again.
    this.sessions = new LRUCache({ max: 10_000, ttl: 60_000 });
    this.wss = new WebSocketServer({ noServer: true, maxPayload: this.limits.maxPayloadBytes });
    this.disposer = useServer<Record<string, unknown> | undefined, { socket: WebSocket; request: http.IncomingMessage }>(
      {
        schema: () => {
          const schema = options.schema();
          if (!schema) throw new Error('the supergraph is not loaded yet');
          return schema;
        },
        connectionInitWaitTimeout: this.limits.connectionInitWaitTimeoutMs,
        onConnect: async (ctx) => {
          const token = ctx.connectionParams?.sessionToken;
          if (typeof token !== 'string' || token === '') return false;
          const shopper = await this.authenticate(token);
          if (!shopper) return false;
          this.shoppers.set(ctx.extra.socket, shopper);
          return true;
        },
        validate: (schema, document) => validate(schema, document, [...specifiedRules, ...(options.validationRules ?? [])]),
        onSubscribe: async (ctx, _id, payload) => {
          let document: DocumentNode;
          try {
            document = parse(payload.query, options.maxTokens !== undefined ? { maxTokens: options.maxTokens } : undefined);
          } catch (error) {
            return [error instanceof GraphQLError ? error : new GraphQLError(String(error))];
          }
          // graphql-ws has already registered this operation, hence `>`.
          if (Object.keys(ctx.subscriptions).length > this.limits.maxSubscriptionsPerConnection) {
            return [
              new GraphQLError(`At most ${this.limits.maxSubscriptionsPerConnection} subscriptions per connection`, {
                extensions: { code: 'TOO_MANY_SUBSCRIPTIONS' },
              }),
            ];
          }
          const schema = options.schema();
          if (options.admit && schema) {
            // Validated before it is priced: the estimator needs a valid operation.
            const invalid = validate(schema, document, [...specifiedRules, ...(options.validationRules ?? [])]);
            if (invalid.length > 0) return invalid;
            try {
              await options.admit({
                schema,
                document,
                operationName: payload.operationName,
                variables: payload.variables ?? undefined,
                clientAddress: this.addresses.get(ctx.extra.request) ?? ctx.extra.request.socket.remoteAddress ?? 'unknown',
                sessionToken: this.shoppers.get(ctx.extra.socket)?.sessionToken,
              });
            } catch (error) {
              return [socketError(error)];
            }
            // Parsed and validated here already: graphql-ws takes these arguments as they are.
            return { schema, document, operationName: payload.operationName, variableValues: payload.variables };
          }
          return undefined;
        },
        context: (ctx): SubscriptionContext => ({
          shopper: this.shoppers.get(ctx.extra.socket) as SubscriberShopper,
          channels: this.channels,
          execute: options.execute,
          track: (work) => this.track(work),
        }),
        // Queries and mutations sent over the socket take the gateway's ordinary path.
        execute: async (args) => {
          const shopper = (args.contextValue as SubscriptionContext).shopper;
          const result = await this.track(
            options.execute(print(args.document), args.variableValues ?? undefined, shopper.sessionToken, args.operationName),
          );
          return result as ExecutionResult;
        },
        subscribe: (args) => subscribe({ ...args, fieldResolver: responseKeyResolver }),
      },
      this.wss,
      this.limits.keepAliveMs,
    );
    options.httpServer.on('upgrade', this.onUpgrade);
    const consumer = `gateway-${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
    // Retried until it starts; the gateway is not ready until then.
    this.bridge = options.events.start('cart event bridge', () => startCartEventBridge(options.events, options.pubsub, options.logger, consumer));
  }

  stats(): SubscriptionStats {
    return {
      connections: this.wss.clients.size,
      addresses: this.perAddress.size,
      carts: this.channels.size(),
      subscriptions: this.channels.listenerCount(),
      authenticated: this.sessions.size,
      inFlight: this.inFlight.size,
    };
  }

  /** Stops accepting sockets, lets payloads being resolved go out, then closes every socket with 1001. */
  close(): Promise<void> {
    this.closing ??= this.shutdown();
    return this.closing;
  }

  private async shutdown(): Promise<void> {
    this.options.httpServer.off('upgrade', this.onUpgrade);
    this.stopReporting();
    // Stopped first, so a bridge still retrying its start does not hold up shutdown.
    this.bridge.stop();
    await (await this.bridge.started)?.stop();
    const drain = timeout(this.limits.drainTimeoutMs);
    await Promise.race([Promise.allSettled([...this.inFlight]), drain.promise]);
    drain.cancel();
    // dispose() sends 1001 and waits for the close handshakes; a peer that never answers is cut off.
    const handshake = timeout(this.limits.drainTimeoutMs);
    await Promise.race([Promise.resolve(this.disposer.dispose()), handshake.promise]);
    handshake.cancel();
    for (const client of this.wss.clients) client.terminate();
    this.sessions.clear();
  }

  private upgrade(request: http.IncomingMessage, socket: Duplex, head: Buffer): void {
    const path = new URL(request.url ?? '/', 'http://gateway').pathname;
    if (path !== (this.options.path ?? '/graphql') || this.closing) {
      if (this.closing) this.refused.inc({ reason: 'shutting_down' });
      socket.end(`HTTP/1.1 ${this.closing ? '503 Service Unavailable' : '404 Not Found'}\r\nConnection: close\r\n\r\n`);
      return;
    }
    const address = this.options.clientAddress?.(request) ?? request.socket.remoteAddress ?? 'unknown';
    this.addresses.set(request, address);
    const open = this.perAddress.get(address) ?? 0;
    if (open >= this.limits.maxConnectionsPerAddress) {
      this.refused.inc({ reason: 'per_address_limit' });
      socket.end('HTTP/1.1 429 Too Many Requests\r\nConnection: close\r\n\r\n');
      return;
    }
    this.perAddress.set(address, open + 1);
    socket.once('close', () => {
      const left = (this.perAddress.get(address) ?? 1) - 1;
      if (left > 0) this.perAddress.set(address, left);
      else this.perAddress.delete(address);
    });
    this.wss.handleUpgrade(request, socket, head, (ws) => this.wss.emit('connection', ws, request));
  }

  /** Concurrent connections of one session share one lookup; only a found shopper is remembered. */
  private authenticate(sessionToken: string): Promise<SubscriberShopper | undefined> {
    const known = this.sessions.get(sessionToken);
    if (known) return known;
    const lookup = this.options.execute(ME, undefined, sessionToken, 'SubscriptionSession').then((result) => {
      const me = result.data?.me as { id: string; cart: { id: string } | null } | null | undefined;
      return me?.cart ? { id: me.id, cartId: me.cart.id, sessionToken } : undefined;
    });
    this.sessions.set(sessionToken, lookup);
    const forget = () => {
      if (this.sessions.get(sessionToken) === lookup) this.sessions.delete(sessionToken);
    };
    lookup.then((shopper) => shopper ?? forget(), forget);
    return lookup;
  }

  private track<T>(work: Promise<T>): Promise<T> {
    this.inFlight.add(work);
    const forget = () => this.inFlight.delete(work);
    work.then(forget, forget);
    return work;
  }
}
