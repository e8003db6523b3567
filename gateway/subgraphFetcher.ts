import { STATUS_CODES } from 'node:http';
import { Agent, fetch as undiciFetch, Response } from 'undici';
import type { BreakerConfig } from '../platform/config';
import { serviceUnavailable, type UnavailableReason } from '../platform/errors';
import type { InternalCalls } from '../platform/http/internalCalls';
import type { Logger } from '../platform/logger';
import { serviceMetrics } from '../platform/observability/metrics';
import { currentRequestContext } from '../platform/requestContext';
import { dedupeKey, InFlightDedupe } from './inFlightDedupe';
import { CircuitOpenError, SubgraphBreaker } from './subgraphBreaker';

/** What RemoteGraphQLDataSource hands its fetcher. */
export interface SubgraphFetchInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

/** What `send` asks: a fetch init, and whether an identical request in flight may answer it (queries only). */
export interface SubgraphSendInit extends SubgraphFetchInit {
  sharable?: boolean;
}

/** A subgraph's answer, read whole: no Response object, no web stream. */
export interface SubgraphReply {
  status: number;
  statusText: string;
  /** Lower-case names, as undici gives them. */
  headers: Readonly<Record<string, string | string[] | undefined>>;
  body: string;
}

export interface SubgraphFetcherOptions {
  /** The subgraph's name in the supergraph: its metric label, its breaker, the `service` of its errors. */
  subgraph: string;
  /** The whole exchange (connect, headers and body) must finish within this. */
  timeoutMs: number;
  breaker: BreakerConfig;
  /** Signs every request and trusts TLS_CA_FILE for https subgraphs. */
  calls: InternalCalls;
  logger: Logger;
  /** Most keep-alive sockets to this subgraph (further requests queue); unbounded when omitted. */
  connections?: number;
  /** An idle socket is closed after this long (below the subgraph's own keep-alive timeout). */
  keepAliveMs?: number;
  /** Identical queries in flight at once are sent once (`send` with `sharable`). */
  dedupe?: boolean;
}

/** Answers that mean "not available now" rather than "this request is wrong". */
const UNAVAILABLE_STATUS = new Set([502, 503, 504]);

/** Repeated failures of one subgraph are logged at most this often (the breaker's transitions always are). */
const FAILURE_LOG_INTERVAL_MS = 10_000;

class SubgraphFailure extends Error {
  constructor(
    readonly reason: UnavailableReason,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The gateway's fetcher for one subgraph: its own keep-alive connection pool
 * (undici), a timeout on the whole exchange, and a circuit breaker. Whatever
 * makes the subgraph unusable (timeout, refused connection, 502/503/504, open
 * circuit) becomes a SERVICE_UNAVAILABLE GraphQL error naming the subgraph,
 * so the gateway answers the rest of the operation (partial results). Answers
 * the subgraph gave (4xx included) are handed on as they are.
 */
export class SubgraphFetcher {
  private readonly agent: Agent;
  readonly breaker: SubgraphBreaker;
  /** Present when de-duplication is on. */
  readonly dedupe: InFlightDedupe<SubgraphReply> | undefined;
  /** Parsed subgraph URLs: the gateway sends to a handful, over and over. */
  private readonly targets = new Map<string, { origin: string; path: string }>();
  private readonly metrics = fetchMetrics();
  private lastFailureLog = 0;
  private suppressedFailures = 0;

  constructor(private readonly options: SubgraphFetcherOptions) {
    const { timeoutMs, calls, connections, keepAliveMs } = options;
    this.agent = new Agent({
      connect: calls.connect.ca ? { ca: calls.connect.ca } : {},
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
      ...(connections ? { connections } : {}),
      // The subgraph's Keep-Alive hint is believed only up to our own limit, so the gateway closes an idle socket first.
      ...(keepAliveMs ? { keepAliveTimeout: keepAliveMs, keepAliveMaxTimeout: keepAliveMs } : {}),
    });
    this.breaker = new SubgraphBreaker(options.subgraph, options.breaker, options.logger);
    this.dedupe = options.dedupe ? new InFlightDedupe<SubgraphReply>() : undefined;
  }

  /** For RemoteGraphQLDataSource's `fetcher`: the standard Response path. */
  readonly fetch = async (url: string, init: SubgraphFetchInit = {}): Promise<Response> => {
    const request = currentRequestContext();
    if (request) request.subgraphCalls++;
    return this.guarded(() => this.exchange(url, init));
  };

  /**
   * The cheap path (HeaderForwardingDataSource uses it): undici's request API
   * on the same pool, timeout and breaker, the body read as one string. A
   * sharable request joins an identical one in flight when de-duplication is on.
   */
  readonly send = (url: string, init: SubgraphSendInit = {}): Promise<SubgraphReply> => {
    const request = currentRequestContext();
    if (request) request.subgraphCalls++;
    if (!this.dedupe || !init.sharable) return this.guarded(() => this.request(url, init));
    const key = dedupeKey(url, init.body ?? '', init.headers ?? {});
    return this.dedupe.run(key, () => this.guarded(() => this.request(url, init)), () => this.metrics.deduplicated.inc({ subgraph: this.options.subgraph }));
  };

  /** Runs an exchange through the breaker; what makes the subgraph unusable becomes SERVICE_UNAVAILABLE. */
  private async guarded<T>(exchange: () => Promise<T>): Promise<T> {
    const { subgraph } = this.options;
    try {
      return await this.breaker.run(exchange);
    } catch (error) {
      if (error instanceof CircuitOpenError) {
        this.metrics.failures.inc({ subgraph, reason: 'CIRCUIT_OPEN' });
        throw serviceUnavailable(subgraph, 'CIRCUIT_OPEN');
      }
      if (error instanceof SubgraphFailure) {
        this.logFailure(error);
        throw serviceUnavailable(subgraph, error.reason);
      }
      throw error;
    }
  }

  private target(url: string): { origin: string; path: string } {
    let target = this.targets.get(url);
    if (!target) {
      const parsed = new URL(url);
      target = { origin: parsed.origin, path: `${parsed.pathname}${parsed.search}` };
      if (this.targets.size < 100) this.targets.set(url, target);
    }
    return target;
  }

  private async request(url: string, init: SubgraphFetchInit): Promise<SubgraphReply> {
    const { subgraph, timeoutMs, calls } = this.options;
    const method = (init.method ?? 'POST') as 'POST';
    const stop = this.metrics.latency.startTimer({ subgraph });
    const signal = AbortSignal.timeout(timeoutMs);
    try {
      const { origin, path } = this.target(url);
      const response = await this.agent.request({ origin, path, method, headers: { ...init.headers, ...calls.sign(method, url, init.body) }, body: init.body, signal });
      if (UNAVAILABLE_STATUS.has(response.statusCode)) {
        await response.body.dump().catch(() => undefined);
        throw new SubgraphFailure('BAD_GATEWAY', `HTTP ${response.statusCode}`);
      }
      // Read inside the timeout, as `exchange` does.
      const body = await response.body.text();
      return { status: response.statusCode, statusText: STATUS_CODES[response.statusCode] ?? '', headers: response.headers, body };
    } catch (error) {
      throw this.failure(error, signal);
    } finally {
      stop();
    }
  }

  /** Counts a failed exchange and names its reason. */
  private failure(error: unknown, signal: AbortSignal): SubgraphFailure {
    const { subgraph, timeoutMs } = this.options;
    const failure =
      error instanceof SubgraphFailure
        ? error
        : signal.aborted || isTimeout(error)
          ? new SubgraphFailure('TIMEOUT', `no answer within ${timeoutMs} ms`)
          : new SubgraphFailure('UNREACHABLE', causeMessage(error));
    this.metrics.failures.inc({ subgraph, reason: failure.reason });
    if (failure.reason === 'TIMEOUT') this.metrics.timeouts.inc({ subgraph });
    return failure;
  }

  private async exchange(url: string, init: SubgraphFetchInit): Promise<Response> {
    const { subgraph, timeoutMs, calls } = this.options;
    const { latency } = this.metrics;
    const method = init.method ?? 'POST';
    const stop = latency.startTimer({ subgraph });
    const signal = AbortSignal.timeout(timeoutMs);
    try {
      const response = await undiciFetch(url, {
        method,
        headers: { ...init.headers, ...calls.sign(method, url, init.body) },
        body: init.body,
        signal,
        dispatcher: this.agent,
      });
      if (UNAVAILABLE_STATUS.has(response.status)) {
        await response.body?.cancel().catch(() => undefined);
        throw new SubgraphFailure('BAD_GATEWAY', `HTTP ${response.status}`);
      }
      // Read inside the timeout: a subgraph that sends headers and then stalls is as hung as one that sends nothing.
      const body = await response.text();
      return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
    } catch (error) {
      throw this.failure(error, signal);
    } finally {
      stop();
    }
  }

  /** One line for the first failure, then at most one per interval with how many were not logged. */
  private logFailure(failure: SubgraphFailure): void {
    const now = Date.now();
    if (now - this.lastFailureLog < FAILURE_LOG_INTERVAL_MS) {
      this.suppressedFailures++;
      return;
    }
    this.options.logger.warn(
      { subgraph: this.options.subgraph, reason: failure.reason, detail: failure.message, suppressed: this.suppressedFailures },
      `subgraph ${this.options.subgraph} unavailable`,
    );
    this.lastFailureLog = now;
    this.suppressedFailures = 0;
  }

  private closed: Promise<void> | undefined;

  /** Idempotent: a gateway may be closed by its owner and again by a shutdown hook. */
  close(): Promise<void> {
    this.closed ??= (async () => {
      this.breaker.shutdown();
      await this.agent.close();
    })();
    return this.closed;
  }
}

function isTimeout(error: unknown): boolean {
  for (let e = error as { name?: string; code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.name === 'TimeoutError' || e.code === 'UND_ERR_HEADERS_TIMEOUT' || e.code === 'UND_ERR_BODY_TIMEOUT') return true;
  }
  return false;
}

function causeMessage(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message ?? String(error);
}

function fetchMetrics() {
  const gateway = serviceMetrics('gateway');
  return {
    latency: gateway.histogram('smartcart_gateway_subgraph_fetch_duration_seconds', 'Subgraph fetch latency (whole exchange), per subgraph', ['subgraph']),
    failures: gateway.counter(
      'smartcart_gateway_subgraph_failures_total',
      'Subgraph fetches that failed, per subgraph and reason (TIMEOUT, UNREACHABLE, BAD_GATEWAY, CIRCUIT_OPEN)',
      ['subgraph', 'reason'],
    ),
    timeouts: gateway.counter('smartcart_gateway_subgraph_timeouts_total', 'Subgraph fetches abandoned at their timeout, per subgraph', ['subgraph']),
    deduplicated: gateway.counter(
      'smartcart_gateway_subgraph_deduplicated_total',
      'Subgraph queries answered by an identical one already in flight (not sent), per subgraph',
      ['subgraph'],
    ),
  };
}
