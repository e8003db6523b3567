import CircuitBreaker from 'opossum';
import type { BreakerConfig } from '../platform/config';
import type { Logger } from '../platform/logger';
import { serviceMetrics } from '../platform/observability/metrics';

/** The breaker state gauge's values. */
export const BreakerState = { closed: 0, halfOpen: 1, open: 2 } as const;

/** Thrown by `run` while the circuit is open: the subgraph was not called at all. */
export class CircuitOpenError extends Error {
  constructor(readonly subgraph: string) {
    super(`circuit open for subgraph ${subgraph}`);
    this.name = 'CircuitOpenError';
  }
}

/**
 * One subgraph's circuit breaker (opossum). Every fetch goes through `run`;
 * failures and timeouts counted in a rolling window open the circuit, which
 * then refuses at once (CircuitOpenError) for `resetMs`, lets one probe
 * through (half-open), and closes again when the probe succeeds. The state is
 * the gauge smartcart_gateway_subgraph_breaker_state{subgraph} (0 closed,
 * 1 half-open, 2 open) and each transition is one log line.
 */
export class SubgraphBreaker {
  private readonly breaker: CircuitBreaker<[() => Promise<unknown>], unknown>;

  constructor(
    readonly subgraph: string,
    config: BreakerConfig,
    logger: Logger,
  ) {
    const state = serviceMetrics('gateway').gauge(
      'smartcart_gateway_subgraph_breaker_state',
      'Circuit breaker state per subgraph: 0 closed, 1 half-open, 2 open',
      ['subgraph'],
    );
    state.set({ subgraph }, BreakerState.closed);
    this.breaker = new CircuitBreaker((action: () => Promise<unknown>) => action(), {
      name: subgraph,
      // The fetch enforces its own timeout (and aborts the request); a timeout here would leave it running.
      timeout: false,
      errorThresholdPercentage: config.errorPercent,
      volumeThreshold: config.volume,
      rollingCountTimeout: config.windowMs,
      rollingCountBuckets: 10,
      resetTimeout: config.resetMs,
      rollingPercentilesEnabled: false,
    });
    const settings = { subgraph, errorPercent: config.errorPercent, volume: config.volume, windowMs: config.windowMs, resetMs: config.resetMs };
    this.breaker.on('open', () => {
      state.set({ subgraph }, BreakerState.open);
      logger.warn(settings, `circuit opened for subgraph ${subgraph}: its fetches fail fast for ${config.resetMs} ms`);
    });
    this.breaker.on('halfOpen', () => {
      state.set({ subgraph }, BreakerState.halfOpen);
      logger.info({ subgraph }, `circuit half-open for subgraph ${subgraph}: the next fetch probes it`);
    });
    this.breaker.on('close', () => {
      state.set({ subgraph }, BreakerState.closed);
      logger.info({ subgraph }, `circuit closed for subgraph ${subgraph}: it answers again`);
    });
  }

  get state(): keyof typeof BreakerState {
    if (this.breaker.opened) return 'open';
    if (this.breaker.halfOpen) return 'halfOpen';
    return 'closed';
  }

  /** Runs `action` unless the circuit is open; its rejection counts as a failure. */
  async run<T>(action: () => Promise<T>): Promise<T> {
    try {
      return (await this.breaker.fire(action)) as T;
    } catch (error) {
      if ((error as { code?: string }).code === 'EOPENBREAKER') throw new CircuitOpenError(this.subgraph);
      throw error;
    }
  }

  /** Stops the breaker's timers. */
  shutdown(): void {
    this.breaker.shutdown();
  }
}
