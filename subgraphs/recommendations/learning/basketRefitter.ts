import { performance } from 'node:perf_hooks';
import { Backoff, type RetryPolicy } from '../../../platform/backoff';
import type { Logger } from '../../../platform/logger';
import { serviceMetrics, SLOW_BUCKETS } from '../../../platform/observability/metrics';
import type { FittedBasketModel } from '../engine/basketModel';
import type { BasketModelFreshness, RecommendationEngine } from '../engine/recommendationEngine';
import type { BasketFitter } from './basketFitter';

/** When the basket model is refitted on its own (RECS_REFIT_* in platform/config.ts). */
export interface RefitPolicy {
  /** Refit once this many purchases were learned since the last fit; 0 turns the volume trigger off. */
  afterPurchases: number;
  /** Refit once the model is this old and at least one purchase came since; 0 turns the staleness bound off. */
  maxStalenessMs: number;
}

export const REFIT_OFF: RefitPolicy = { afterPurchases: 0, maxStalenessMs: 0 };

/** Why a fit ran: a trigger of the policy, the scheduled training, a start-up catch-up or a rebuild. */
export type RefitReason = 'purchases' | 'staleness' | 'scheduled' | 'start' | 'rebuild';

/** Which trigger of the policy is due for a model this fresh, if any. Pure: the clock is an argument. */
export function dueRefit(freshness: BasketModelFreshness, now: number, policy: RefitPolicy): 'purchases' | 'staleness' | null {
  if (freshness.purchasesSinceFit <= 0) return null;
  if (policy.afterPurchases > 0 && freshness.purchasesSinceFit >= policy.afterPurchases) return 'purchases';
  if (policy.maxStalenessMs > 0 && now - freshness.fittedAt >= policy.maxStalenessMs) return 'staleness';
  return null;
}

export interface RefitResult<T> {
  reason: RefitReason;
  /** False when the engine's counts were replaced while it fitted (a rebuild): nothing was installed. */
  installed: boolean;
  /** The installed model as a snapshot keeps it. */
  fitted: FittedBasketModel | null;
  /** Purchases the new model covers that the previous one did not. */
  purchases: number;
  millis: number;
  /** What `atCut` returned, taken at the moment the counts were. */
  cut: T;
}

/** The refitter's state, for health reports. */
export interface RefitStatus {
  fitting: boolean;
  fits: number;
  failures: number;
  lastFitMillis: number | null;
  lastError: string | null;
  /** While a failed fit waits for its retry: when it may run again (ms since the epoch). */
  retryAt: number | null;
}

export interface BasketRefitterOptions {
  /** The engine that serves (it may be replaced: a rebuild). */
  engine: () => RecommendationEngine;
  fitter: BasketFitter;
  policy: RefitPolicy;
  logger: Logger;
  now?: () => number;
  /** Waits after failed fits before the policy may start another. */
  retry?: RetryPolicy;
  /** After a model was swapped in (the host tells its listeners: cached lists change). */
  onInstalled?: () => void;
}

/**
 * Keeps the basket model fresh without blocking requests: when the policy says
 * a refit is due, takes the counts (a pass over the core's pairs, on the event
 * loop), fits them with the fitter (a worker thread), and swaps the new model
 * in when it is done; requests are served by the previous model meanwhile. At
 * most one fit is in flight; a failed fit is logged, the current model keeps
 * serving, and the policy retries it after a backoff.
 */
export class BasketRefitter {
  private inFlight: Promise<unknown> | undefined;
  private timer: NodeJS.Timeout | undefined;
  /** Between start() and stop(): the policy is followed (a host catching up at start does not fit per purchase). */
  private running = false;
  private stopped = false;
  private readonly backoff: Backoff;
  private readonly now: () => number;
  private readonly metrics = refitMetrics();
  private state: RefitStatus = { fitting: false, fits: 0, failures: 0, lastFitMillis: null, lastError: null, retryAt: null };

  constructor(private readonly options: BasketRefitterOptions) {
    this.now = options.now ?? Date.now;
    this.backoff = new Backoff(options.retry ?? { initialMs: 1000, maxMs: 60_000 });
  }

  get status(): RefitStatus {
    return { ...this.state, fitting: this.inFlight !== undefined };
  }

  /** Checks the policy every `checkEveryMs` (the staleness bound needs a clock; purchases also call poke()). */
  start(checkEveryMs: number): void {
    if (this.timer || !(this.options.policy.afterPurchases > 0 || this.options.policy.maxStalenessMs > 0)) return;
    this.running = true;
    this.timer = setInterval(() => this.poke(), checkEveryMs);
    this.timer.unref();
  }

  /**
   * Stops the checks. A fit in flight is not waited for (at a million
   * interactions one takes seconds): closing the fitter ends it, quietly.
   */
  async stop(): Promise<void> {
    this.running = false;
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Starts a fit in the background when one is due and none is in flight. Cheap: call it after every purchase. */
  poke(): void {
    if (!this.running || this.inFlight) return;
    const now = this.now();
    if (this.state.retryAt !== null && now < this.state.retryAt) return;
    const reason = dueRefit(this.options.engine().basketModelFreshness, now, this.options.policy);
    // Failures are logged (and retried) in fit(); nobody awaits this one.
    if (reason) this.run(reason, this.options.engine(), () => undefined).catch(() => undefined);
  }

  /**
   * A fit now, after the one in flight (if any); throws when it fails.
   * `atCut` runs at the moment the counts are taken (the scheduled training
   * packs its snapshot there, so the snapshot and the fit hold the same counts).
   */
  async refitNow<T = undefined>(reason: RefitReason, options: { engine?: RecommendationEngine; atCut?: () => T } = {}): Promise<RefitResult<T>> {
    while (this.inFlight) await this.inFlight.catch(() => undefined);
    return this.run(reason, options.engine ?? this.options.engine(), options.atCut ?? (() => undefined as T));
  }

  private run<T>(reason: RefitReason, engine: RecommendationEngine, atCut: () => T): Promise<RefitResult<T>> {
    const fit = this.fit(reason, engine, atCut);
    this.inFlight = fit;
    const done = () => {
      if (this.inFlight === fit) this.inFlight = undefined;
    };
    fit.then(done, done);
    return fit;
  }

  private async fit<T>(reason: RefitReason, engine: RecommendationEngine, atCut: () => T): Promise<RefitResult<T>> {
    const started = performance.now();
    const pending = engine.prepareRefit();
    const cut = atCut();
    const { logger } = this.options;
    let output;
    try {
      output = await this.options.fitter.fit(pending.input);
    } catch (error) {
      // Ended by a shutdown: nothing to retry, nothing to report.
      if (this.stopped) throw error;
      const retryInMs = this.backoff.next();
      this.state.failures += 1;
      this.state.lastError = (error as Error).message || String(error);
      this.state.retryAt = this.now() + retryInMs;
      this.metrics.failures.inc({ reason });
      logger.error({ err: error, reason, retryInMs }, 'basket model fit failed; the current model keeps serving');
      throw error;
    }
    this.backoff.reset();
    this.state.retryAt = null;
    this.state.lastError = null;
    const before = engine.basketModelFreshness;
    const fitted = engine.installRefit(pending, output);
    const millis = performance.now() - started;
    this.state.fits += 1;
    this.state.lastFitMillis = millis;
    this.metrics.duration.observe({ reason }, millis / 1000);
    const covered = fitted ? before.purchasesSinceFit - engine.basketModelFreshness.purchasesSinceFit : 0;
    logger.info({ reason, millis: Math.round(millis), purchases: covered, coreSize: pending.input.core.length, installed: fitted !== null }, 'basket model refitted');
    if (fitted) this.options.onInstalled?.();
    return { reason, installed: fitted !== null, fitted, purchases: covered, millis, cut };
  }
}

/** One set of series per process: every host of the recommendations service reports into it. */
function refitMetrics() {
  const metrics = serviceMetrics('recommendations');
  return {
    duration: metrics.histogram(
      'smartcart_recs_basket_model_fit_duration_seconds',
      'Basket model fits, from taking the counts to the new model serving (the fit itself runs in a worker thread), by reason',
      ['reason'],
      SLOW_BUCKETS,
    ),
    failures: metrics.counter('smartcart_recs_basket_model_fit_failures_total', 'Basket model fits that failed (the previous model kept serving), by reason', ['reason']),
  };
}
