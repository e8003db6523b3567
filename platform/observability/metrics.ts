import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics, type Metric } from 'prom-client';

// Prometheus metrics, one registry per service. `npm start` and the test stack
// run several services in one process; each still answers its own /metrics
// with its own series (labelled `service`), so a scrape config written for one
// service per process works unchanged for the all-in-one process.
//
// Usage, from anywhere in a service:
//   const requests = serviceMetrics('gateway').counter('smartcart_rate_limited_total', 'Requests refused by the rate limiter', ['budget']);
//   requests.inc({ budget: 'session' });
// Getting the same name again returns the same metric, so a module may declare
// its metrics where it uses them, and a second service instance in the same
// process (a test that restarts a stack) keeps counting into the same series.
//
// Labels must stay bounded: never a raw query, an id, a URL or a message. For a
// value that comes from outside (an operation name), pass it through a
// `BoundedLabel`, which keeps the first N distinct values and folds the rest
// into "other".

/** Every metric this product defines starts with this. */
export const METRIC_PREFIX = 'smartcart_';

/** Latency buckets in seconds: 1 ms … 30 s, fine where user-facing latencies live. */
export const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** Buckets for slow background work (model rebuilds): 10 ms … 10 min. */
export const SLOW_BUCKETS = [0.01, 0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600];

type Source = () => void | Promise<void>;

export class ServiceMetrics {
  readonly registry = new Registry();
  private readonly sources = new Map<string, Set<Source>>();
  private readonly labels = new Map<string, BoundedLabel>();

  constructor(readonly service: string) {
    this.registry.setDefaultLabels({ service });
    // Node's own: CPU, resident memory, heap, event-loop lag, GC, handles.
    collectDefaultMetrics({ register: this.registry });
  }

  counter<L extends string = never>(name: string, help: string, labelNames: readonly L[] = []): Counter<L> {
    return this.getOrCreate(name, Counter, () => new Counter<L>({ name, help, labelNames, registers: [this.registry] }));
  }

  gauge<L extends string = never>(name: string, help: string, labelNames: readonly L[] = []): Gauge<L> {
    return this.getOrCreate(name, Gauge, () => new Gauge<L>({ name, help, labelNames, registers: [this.registry] }));
  }

  histogram<L extends string = never>(name: string, help: string, labelNames: readonly L[] = [], buckets: number[] = LATENCY_BUCKETS): Histogram<L> {
    return this.getOrCreate(name, Histogram, () => new Histogram<L>({ name, help, labelNames, buckets, registers: [this.registry] }));
  }

  /**
   * A gauge read at scrape time (pool usage, stream backlog, model size):
   * `read` sets its values. Several readers may feed one gauge (each service
   * instance its own); the returned function removes this one, so a stopped
   * component stops reporting. The gauge is reset before every scrape, so a
   * label set nobody reports any more disappears.
   */
  observeGauge<L extends string = never>(name: string, help: string, labelNames: readonly L[], read: (gauge: Gauge<L>) => void | Promise<void>): () => void {
    let readers = this.sources.get(name);
    const gauge = this.getOrCreate(name, Gauge, () => {
      readers = new Set();
      this.sources.set(name, readers);
      const all = readers;
      return new Gauge<L>({
        name,
        help,
        labelNames,
        registers: [this.registry],
        async collect() {
          this.reset();
          for (const reader of all) {
            try {
              await reader();
            } catch {
              // A reader whose backend is down reports nothing this scrape; the scrape itself must not fail.
            }
          }
        },
      });
    }) as Gauge<L>;
    if (!readers) throw new Error(`metric ${name} is a plain gauge, not one observed at scrape time`);
    const source: Source = () => read(gauge);
    readers.add(source);
    return () => {
      readers!.delete(source);
    };
  }

  /**
   * The bounded values of one label of this service (see BoundedLabel), shared
   * by every instance of the service in the process, so that restarting a
   * component does not open a fresh budget of label values.
   */
  boundedLabel(key: string, max: number, allowed?: readonly string[]): BoundedLabel {
    let label = this.labels.get(key);
    if (!label) {
      label = new BoundedLabel(max, allowed ? new Set(allowed) : undefined);
      this.labels.set(key, label);
    }
    return label;
  }

  /** The exposition text, as GET /metrics answers it. */
  metrics(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  private getOrCreate<M extends Metric<string>>(name: string, kind: abstract new (...args: any[]) => M, create: () => M): M {
    if (!name.startsWith(METRIC_PREFIX)) throw new Error(`metric ${name} must start with ${METRIC_PREFIX}`);
    const existing = this.registry.getSingleMetric(name);
    if (existing) {
      if (!(existing instanceof kind)) throw new Error(`metric ${name} is already registered as another type`);
      return existing;
    }
    return create();
  }
}

const registries = new Map<string, ServiceMetrics>();

/** The metrics of one service in this process (created on first use). */
export function serviceMetrics(service: string): ServiceMetrics {
  let metrics = registries.get(service);
  if (!metrics) {
    metrics = new ServiceMetrics(service);
    registries.set(service, metrics);
  }
  return metrics;
}

/**
 * Keeps a label's values bounded: an allow-list when given, otherwise the
 * first `max` distinct values seen; anything else (or anything that does not
 * look like a name) becomes "other". Lookups of known values allocate nothing.
 */
export class BoundedLabel {
  private readonly seen = new Set<string>();

  constructor(
    private readonly max: number,
    private readonly allowed?: ReadonlySet<string>,
  ) {}

  value(raw: string | null | undefined, whenMissing = 'anonymous'): string {
    if (raw === undefined || raw === null || raw === '') return whenMissing;
    if (this.allowed) return this.allowed.has(raw) ? raw : 'other';
    if (this.seen.has(raw)) return raw;
    if (this.seen.size >= this.max || !LABEL_VALUE.test(raw)) return 'other';
    this.seen.add(raw);
    return raw;
  }
}

const LABEL_VALUE = /^[A-Za-z_][A-Za-z0-9_]{0,79}$/;
