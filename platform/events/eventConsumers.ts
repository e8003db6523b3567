import { DEFAULT_RETRY, type RetryPolicy } from '../backoff';
import type { Config } from '../config';
import { NotReadyError } from '../errors';
import type { Logger } from '../logger';
import { serviceMetrics } from '../observability/metrics';
import { startWithRetry, type StartupTask } from '../startWithRetry';
import type { BusEvent, ConsumeOptions, ConsumerStatus, EventBus, EventHandler, FollowOptions, Subscription } from './eventBus';

export interface EventConsumersOptions {
  /** The service these consumers belong to: its readiness and its metrics. */
  service: string;
  bus: EventBus;
  logger: Logger;
  /** A consumer unable to consume this long makes the service not ready (EVENTS_UNHEALTHY_AFTER_MS). */
  unhealthyAfterMs: number;
  /** Backoff of start-up tasks (EVENTS_RETRY_MAX_MS caps it). */
  retry?: RetryPolicy;
}

/** Why a service is not ready, as /readyz shows it. */
export type ConsumerProblem =
  | { stream: string; group: string | null; state: ConsumerStatus['state']; since: string; lastError?: string }
  | { task: string; state: string; since: string; attempts: number; lastError?: string };

/** One consumer or follower as the health report shows it. */
export interface ConsumerHealth {
  stream: string;
  /** null for a follower. */
  group: string | null;
  state: ConsumerStatus['state'];
  /** Entries not yet delivered to the group; null for a follower or when the bus cannot tell. */
  lag: number | null;
  /** Delivered and not yet acknowledged; null for a follower. */
  pending: number | null;
  lastError?: string;
}

/** The label of a follower, which has no group. */
const FOLLOWER = 'follower';

/**
 * The event consumers of one service: consume and follow through it (same
 * signatures as the bus), and start-up tasks through `start`. It logs each
 * consumer's failures and recoveries once per change, contains and counts
 * handler failures, exports lag, pending, dead letters and state as metrics,
 * and answers the service's readiness: `check()` throws NotReadyError while
 * a consumer has been failing longer than `unhealthyAfterMs` or a start-up
 * task has not started.
 */
export class EventConsumers {
  private readonly subscriptions = new Set<Subscription>();
  private readonly tasks = new Set<StartupTask<unknown>>();
  private readonly unobserve: (() => void)[] = [];
  private readonly failures;
  private readonly deadLettered;
  private readonly groupLabel;
  private closed = false;

  constructor(private readonly options: EventConsumersOptions) {
    const metrics = serviceMetrics(options.service);
    // Group names come from code (not from requests), so they are few; the cap is a guard all the same.
    this.groupLabel = groupLabels(options.service);
    const labels = ['stream', 'group'] as const;
    this.failures = metrics.counter('smartcart_events_handler_failures_total', 'Event deliveries whose handler threw, by stream and group', labels);
    this.deadLettered = metrics.counter('smartcart_events_dead_lettered_total', 'Events moved to their stream’s dead letters by this process', labels);
    this.unobserve.push(
      metrics.observeGauge('smartcart_events_consumer_healthy', 'Whether a consumer or follower is reading (1) or failing and retrying (0)', labels, (gauge) => {
        for (const status of this.statuses()) gauge.set(this.labels(status), status.state === 'retrying' ? 0 : 1);
      }),
      metrics.observeGauge('smartcart_events_consumer_lag', 'Stream entries not yet delivered to the group (XINFO GROUPS lag)', labels, async (gauge) => {
        for (const [stream, groups] of this.groupsByStream()) {
          for (const info of await options.bus.groups(stream)) if (groups.has(info.name) && info.lag !== null) gauge.set({ stream, group: this.groupLabel.value(info.name) }, info.lag);
        }
      }),
      metrics.observeGauge('smartcart_events_consumer_pending', 'Entries delivered to the group and not yet acknowledged', labels, async (gauge) => {
        for (const [stream, groups] of this.groupsByStream()) {
          for (const info of await options.bus.groups(stream)) if (groups.has(info.name)) gauge.set({ stream, group: this.groupLabel.value(info.name) }, info.pending);
        }
      }),
      metrics.observeGauge('smartcart_events_dead_letters', 'Events waiting in a stream’s dead letters (npm run events -- dead-letters)', ['stream'], async (gauge) => {
        for (const stream of this.groupsByStream().keys()) gauge.set({ stream }, await options.bus.deadLetterCount(stream));
      }),
    );
  }

  consume(stream: string, group: string, handler: EventHandler, options: ConsumeOptions): Promise<Subscription> {
    const labels = { stream, group: this.groupLabel.value(group) };
    return this.track(
      this.options.bus.consume(stream, group, this.contained(handler, labels), {
        ...options,
        onStateChange: (status) => {
          this.logChange(status);
          options.onStateChange?.(status);
        },
        onError: (error, event, dead) => {
          if (dead) {
            this.deadLettered.inc(labels);
            this.options.logger.error(
              { err: error, stream, group, eventId: event.id, type: event.type },
              'event moved to the dead letters after failing too often (npm run events -- dead-letters)',
            );
          }
          this.safely(() => options.onError?.(error, event, dead));
        },
      }),
    );
  }

  follow(stream: string, handler: EventHandler, options: FollowOptions): Promise<Subscription> {
    const labels = { stream, group: FOLLOWER };
    return this.track(
      this.options.bus.follow(stream, this.contained(handler, labels), {
        ...options,
        onStateChange: (status) => {
          this.logChange(status);
          options.onStateChange?.(status);
        },
        onError: (error, event) => this.safely(() => options.onError?.(error, event)),
      }),
    );
  }

  /**
   * A start-up step retried with backoff until it succeeds (startWithRetry);
   * the service is not ready until it has. A Subscription it resolves to is
   * stopped with the others on close().
   */
  start<T>(name: string, start: () => Promise<T>): StartupTask<T> {
    const task = startWithRetry(name, start, { logger: this.options.logger, retry: this.options.retry ?? DEFAULT_RETRY });
    this.tasks.add(task as StartupTask<unknown>);
    // What a start-up task subscribed is watched like the rest, once it has.
    void task.started.then(
      async (result) => {
        if (!isSubscription(result)) return;
        this.subscriptions.add(result);
        if (this.closed) await result.stop();
      },
      () => undefined,
    );
    return task;
  }

  /** Every consumer's and follower's state, and every start-up task's. */
  report(): { consumers: ConsumerStatus[]; tasks: ReturnType<StartupTask<unknown>['state']>[] } {
    return { consumers: this.statuses(), tasks: [...this.tasks].map((task) => ({ name: task.name, ...task.state() })) };
  }

  /**
   * Every consumer's state with its group's lag and pending entries, and the
   * dead letters waiting on each stream consumed: what /metrics exports, for
   * a caller that wants the figures at once (the recommendationHealth query).
   */
  async health(): Promise<{ consumers: ConsumerHealth[]; deadLetters: { stream: string; count: number }[] }> {
    const statuses = this.statuses();
    const streams = [...new Set(statuses.map((status) => status.stream))];
    const groups = new Map(await Promise.all(streams.map(async (stream) => [stream, await this.options.bus.groups(stream)] as const)));
    const consumers = statuses.map((status): ConsumerHealth => {
      const info = status.group === null ? undefined : groups.get(status.stream)?.find((group) => group.name === status.group);
      return {
        stream: status.stream,
        group: status.group,
        state: status.state,
        lag: info?.lag ?? null,
        pending: info ? info.pending : null,
        ...(status.lastError ? { lastError: status.lastError } : {}),
      };
    });
    const deadLetters = await Promise.all(streams.map(async (stream) => ({ stream, count: await this.options.bus.deadLetterCount(stream) })));
    return { consumers, deadLetters };
  }

  problems(now = Date.now()): ConsumerProblem[] {
    const problems: ConsumerProblem[] = [];
    for (const task of this.tasks) {
      const state = task.state();
      // A task is given the same grace as a consumer before its first attempt settles.
      if (state.state === 'retrying' || (state.state === 'starting' && now - state.since > this.options.unhealthyAfterMs)) {
        problems.push({ task: task.name, state: state.state, since: new Date(state.since).toISOString(), attempts: state.attempts, lastError: state.lastError });
      }
    }
    for (const status of this.statuses()) {
      if (status.state === 'retrying' && now - status.since > this.options.unhealthyAfterMs) {
        problems.push({ stream: status.stream, group: status.group, state: status.state, since: new Date(status.since).toISOString(), lastError: status.lastError });
      }
    }
    return problems;
  }

  /** For a readiness probe: throws NotReadyError naming what cannot consume. Cheap: no I/O. */
  check(): void {
    const problems = this.problems();
    if (problems.length === 0) return;
    const first = problems[0]!;
    const what =
      'task' in first
        ? `${first.task} has not started`
        : `${first.group === null ? 'follower of' : `consumer group ${first.group} on`} stream ${first.stream} cannot consume since ${first.since}`;
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
    throw new NotReadyError(`${what}${first.lastError ? `: ${first.lastError}` : ''}${more}`, problems);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const task of this.tasks) task.stop();
    for (const task of this.tasks) {
      const result = await task.started.catch(() => undefined);
      if (isSubscription(result)) this.subscriptions.add(result);
    }
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    for (const remove of this.unobserve) remove();
  }

  private async track(subscribing: Promise<Subscription>): Promise<Subscription> {
    const subscription = await subscribing;
    this.subscriptions.add(subscription);
    if (this.closed) await subscription.stop();
    return subscription;
  }

  private statuses(): ConsumerStatus[] {
    return [...this.subscriptions].map((subscription) => subscription.status()).filter((status) => status.state !== 'stopped');
  }

  private groupsByStream(): Map<string, Set<string>> {
    const byStream = new Map<string, Set<string>>();
    for (const status of this.statuses()) {
      if (status.group === null) continue;
      let groups = byStream.get(status.stream);
      if (!groups) byStream.set(status.stream, (groups = new Set()));
      groups.add(status.group);
    }
    return byStream;
  }

  private labels(status: ConsumerStatus): { stream: string; group: string } {
    return { stream: status.stream, group: status.group === null ? FOLLOWER : this.groupLabel.value(status.group) };
  }

  /** Counts what a handler throws and hands it on to the bus (which redelivers or dead-letters it). */
  private contained(handler: EventHandler, labels: { stream: string; group: string }): EventHandler {
    return async (event: BusEvent) => {
      try {
        await handler(event);
      } catch (error) {
        this.failures.inc(labels);
        throw error;
      }
    };
  }

  private logChange(status: ConsumerStatus): void {
    const where = { stream: status.stream, group: status.group };
    if (status.state === 'retrying') this.options.logger.warn({ ...where, error: status.lastError }, 'event consumer cannot consume; retrying with backoff');
    else if (status.state === 'running') this.options.logger.info(where, 'event consumer recovered');
  }

  private safely(call: () => void): void {
    try {
      call();
    } catch (error) {
      this.options.logger.error({ err: error }, 'an event error listener threw');
    }
  }
}

/** A service's consumers with the EVENTS_* settings. */
export function createEventConsumers(config: Config, service: string, bus: EventBus, logger: Logger): EventConsumers {
  return new EventConsumers({ service, bus, logger, unhealthyAfterMs: config.events.unhealthyAfterMs, retry: { ...DEFAULT_RETRY, maxMs: config.events.retryMaxMs } });
}

const labelSets = new Map<string, { value(group: string): string }>();

/** A service's group label values: the names as they are (dashes and all), the first 50 of them, then "other". */
function groupLabels(service: string): { value(group: string): string } {
  let labels = labelSets.get(service);
  if (!labels) {
    const seen = new Set<string>();
    labels = {
      value(group: string) {
        if (seen.has(group)) return group;
        if (seen.size >= 50) return 'other';
        seen.add(group);
        return group;
      },
    };
    labelSets.set(service, labels);
  }
  return labels;
}

function isSubscription(value: unknown): value is Subscription {
  return typeof value === 'object' && value !== null && typeof (value as Subscription).stop === 'function' && typeof (value as Subscription).status === 'function';
}
