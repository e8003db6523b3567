import { parseExposition } from '../../test/support/scrape';
import { BoundedLabel, ServiceMetrics, serviceMetrics } from './metrics';

describe('service metrics', () => {
  it('gives each service its own registry, labelled with the service, with Node process metrics', async () => {
    const a = serviceMetrics('metrics-test-a');
    const b = serviceMetrics('metrics-test-b');
    expect(serviceMetrics('metrics-test-a')).toBe(a);
    a.counter('smartcart_test_things_total', 'things').inc();
    const scrapeA = parseExposition(await a.metrics());
    const scrapeB = parseExposition(await b.metrics());
    expect(scrapeA.find('smartcart_test_things_total', { service: 'metrics-test-a' })).toEqual([
      { name: 'smartcart_test_things_total', labels: { service: 'metrics-test-a' }, value: 1 },
    ]);
    expect(scrapeB.find('smartcart_test_things_total')).toEqual([]);
    expect(scrapeB.sum('process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(scrapeB.types.get('nodejs_eventloop_lag_seconds')).toBe('gauge');
  });

  it('returns the metric already registered under a name instead of throwing, and refuses a type change', () => {
    const metrics = new ServiceMetrics('twice');
    const first = metrics.counter('smartcart_test_twice_total', 'twice', ['kind']);
    expect(metrics.counter('smartcart_test_twice_total', 'twice', ['kind'])).toBe(first);
    expect(() => metrics.gauge('smartcart_test_twice_total', 'twice')).toThrow(/another type/);
    expect(() => metrics.counter('unprefixed_total', 'no prefix')).toThrow(/smartcart_/);
  });

  it('reads observed gauges at scrape time from every live reader and forgets removed ones', async () => {
    const metrics = new ServiceMetrics('observed');
    const stopA = metrics.observeGauge('smartcart_test_backlog', 'backlog', ['stream'], (g) => g.set({ stream: 'a' }, 3));
    metrics.observeGauge('smartcart_test_backlog', 'backlog', ['stream'], (g) => g.set({ stream: 'b' }, 5));
    metrics.observeGauge('smartcart_test_backlog', 'backlog', ['stream'], () => {
      throw new Error('backend down');
    });
    let scrape = parseExposition(await metrics.metrics());
    expect(scrape.sum('smartcart_test_backlog', { stream: 'a' })).toBe(3);
    expect(scrape.sum('smartcart_test_backlog', { stream: 'b' })).toBe(5);
    stopA();
    scrape = parseExposition(await metrics.metrics());
    expect(scrape.find('smartcart_test_backlog', { stream: 'a' })).toEqual([]);
    expect(scrape.sum('smartcart_test_backlog', { stream: 'b' })).toBe(5);
  });

  it('histograms expose buckets, sum and count', async () => {
    const metrics = new ServiceMetrics('histogram');
    metrics.histogram('smartcart_test_latency_seconds', 'latency', ['op']).observe({ op: 'x' }, 0.02);
    const scrape = parseExposition(await metrics.metrics());
    expect(scrape.sum('smartcart_test_latency_seconds_count', { op: 'x' })).toBe(1);
    expect(scrape.find('smartcart_test_latency_seconds_bucket', { op: 'x', le: '0.01' })[0]!.value).toBe(0);
    expect(scrape.find('smartcart_test_latency_seconds_bucket', { op: 'x', le: '0.025' })[0]!.value).toBe(1);
    expect(scrape.find('smartcart_test_latency_seconds_bucket', { op: 'x', le: '+Inf' })[0]!.value).toBe(1);
  });
});

describe('BoundedLabel', () => {
  it('keeps the first N names and folds the rest, and anything unlike a name, into "other"', () => {
    const label = new BoundedLabel(2);
    expect(label.value('ProductPage')).toBe('ProductPage');
    expect(label.value(undefined)).toBe('anonymous');
    expect(label.value('CartPage')).toBe('CartPage');
    expect(label.value('Checkout')).toBe('other');
    expect(label.value('ProductPage')).toBe('ProductPage');
    expect(new BoundedLabel(10).value('{ product(id: "1") { name } }')).toBe('other');
  });

  it('with an allow-list, only those names', () => {
    const label = new BoundedLabel(100, new Set(['ProductPage']));
    expect(label.value('ProductPage')).toBe('ProductPage');
    expect(label.value('Anything')).toBe('other');
    expect(label.value(null)).toBe('anonymous');
  });
});
