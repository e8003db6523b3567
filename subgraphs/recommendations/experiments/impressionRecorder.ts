import crypto from 'node:crypto';
import type { Logger } from '../../../platform/logger';
import { serviceMetrics } from '../../../platform/observability/metrics';
import type { ExperimentRepository, NewImpression } from '../data/experimentRepository';

export interface ImpressionRecorderOptions {
  /** How often buffered impressions are written. */
  flushMs: number;
  /** Written at once when this many are waiting. */
  batchSize: number;
  /** Held at most while the database is down; the oldest are dropped beyond (counted). */
  maxBuffered: number;
}

/**
 * Impressions are recorded off the request path: a served list is appended
 * to an in-memory buffer, and the buffer is written in one multi-row insert
 * per interval (or per batch). A crash loses at most one interval of
 * impressions, alike for every variant, so rates are unbiased between them.
 */
export class ImpressionRecorder {
  private buffer: NewImpression[] = [];
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | undefined;
  private readonly metrics = recorderMetrics();
  private stopReporting: (() => void) | undefined;

  constructor(
    private readonly repository: ExperimentRepository,
    private readonly logger: Logger,
    private readonly options: ImpressionRecorderOptions,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.flush(), this.options.flushMs);
    this.timer.unref();
    this.stopReporting = this.metrics.reportBuffered(() => this.buffer.length);
  }

  record(impression: Omit<NewImpression, 'id'>): void {
    this.buffer.push({ id: crypto.randomUUID(), ...impression });
    this.metrics.served.inc();
    const over = this.buffer.length - this.options.maxBuffered;
    if (over > 0) {
      this.buffer.splice(0, over);
      this.metrics.dropped.inc(over);
    }
    if (this.buffer.length >= this.options.batchSize) void this.flush();
  }

  /** Writes what is buffered; resolves when written (or put back after a failure). */
  flush(): Promise<void> {
    this.flushing ??= this.writeAll().finally(() => {
      this.flushing = undefined;
    });
    return this.flushing;
  }

  private async writeAll(): Promise<void> {
    while (this.buffer.length > 0) {
      const batch = this.buffer.splice(0, this.options.batchSize);
      try {
        await this.repository.insertImpressions(batch);
      } catch (error) {
        // Back at the front, in order; retried on the next interval.
        this.buffer.unshift(...batch);
        this.logger.warn({ err: error, buffered: this.buffer.length }, 'experiment impressions not written; kept for the next attempt');
        return;
      }
    }
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.flush();
    this.stopReporting?.();
  }
}

function recorderMetrics() {
  const metrics = serviceMetrics('recommendations');
  return {
    served: metrics.counter('smartcart_recs_experiment_impressions_served_total', 'Recommendation lists served inside an experiment (impressions recorded)'),
    dropped: metrics.counter('smartcart_recs_experiment_impressions_dropped_total', 'Experiment impressions dropped because the buffer was full while the database was unavailable'),
    reportBuffered: (size: () => number) =>
      metrics.observeGauge('smartcart_recs_experiment_impressions_buffered', 'Experiment impressions waiting to be written', [], (gauge) => gauge.inc(size())),
  };
}
