import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { ServiceMetrics } from '../../platform/observability/metrics';

// The alert rules and the dashboard under deploy/ name metrics by string; the
// code defines them by string. This test ties the two: every metric an alert
// or a panel queries must be defined in the code (a `smartcart_…` name passed
// to the metrics registry, or one of prom-client's Node process metrics), so a
// rename cannot leave an alert that never fires or a panel that stays empty.

const ROOT = path.resolve(__dirname, '../..');

const CODE_DIRS = ['gateway', 'platform', 'subgraphs'];
const HISTOGRAM_SUFFIXES = ['_bucket', '_count', '_sum'];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' || entry.name === 'node_modules' ? [] : sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

/** Every metric name the code defines: `smartcart_…` string literals, and the process metrics every registry collects. */
async function definedMetrics(): Promise<Set<string>> {
  const names = new Set<string>();
  for (const file of CODE_DIRS.flatMap((dir) => sourceFiles(path.join(ROOT, dir)))) {
    for (const match of fs.readFileSync(file, 'utf8').matchAll(/['"`](smartcart_[a-z0-9_]+)['"`]/g)) names.add(match[1]!);
  }
  const text = await new ServiceMetrics('monitoring-test').metrics();
  for (const match of text.matchAll(/^# TYPE (\S+) /gm)) names.add(match[1]!);
  // Prometheus' own: one per scrape target.
  names.add('up');
  return names;
}

/** Metric names a PromQL expression reads (names of this product, of prom-client's process metrics, and `up`). */
export function metricsIn(expr: string): string[] {
  // Label values and matchers are in quotes or braces: take them out so that `{service="gateway"}` names nothing.
  const bare = expr.replace(/"(?:[^"\\]|\\.)*"/g, '""').replace(/\{[^}]*\}/g, '');
  return [...new Set([...bare.matchAll(/\b(smartcart_[a-z0-9_]+|process_[a-z0-9_]+|nodejs_[a-z0-9_]+|up)\b/g)].map((m) => m[1]!))];
}

function undefinedIn(names: string[], defined: Set<string>): string[] {
  return names.filter((name) => {
    const known = (metric: string) => defined.has(metric);
    if (known(name)) return false;
    const suffix = HISTOGRAM_SUFFIXES.find((s) => name.endsWith(s));
    return !(suffix && known(name.slice(0, -suffix.length)));
  });
}

interface Rule {
  alert?: string;
  expr?: string;
  for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

const alerts = parse(fs.readFileSync(path.join(ROOT, 'deploy/prometheus/alerts.yml'), 'utf8')) as { groups: Array<{ name: string; rules: Rule[] }> };
const rules = alerts.groups.flatMap((group) => group.rules);

interface Panel {
  type: string;
  title: string;
  id: number;
  gridPos: { x: number; y: number; w: number; h: number };
  targets?: Array<{ expr?: string }>;
}
const dashboard = JSON.parse(fs.readFileSync(path.join(ROOT, 'deploy/grafana/smartcart-dashboard.json'), 'utf8')) as { uid: string; panels: Panel[]; templating: { list: Array<{ query?: { query?: string } }> } };
const panels = dashboard.panels.filter((panel) => panel.type !== 'row');

let defined: Set<string>;
beforeAll(async () => {
  defined = await definedMetrics();
});

describe('alert rules (deploy/prometheus/alerts.yml)', () => {
  it('cover p99 latency, error ratio, an open breaker, consumer lag, dead letters and a down target', () => {
    const all = rules.map((rule) => rule.expr ?? '').join('\n');
    for (const metric of [
      'smartcart_graphql_operation_duration_seconds_bucket',
      'smartcart_graphql_errors_total',
      'smartcart_gateway_subgraph_breaker_state',
      'smartcart_events_consumer_lag',
      'smartcart_events_dead_letters',
      'up',
    ]) {
      expect(metricsIn(all)).toContain(metric);
    }
  });

  it.each(rules.map((rule) => [rule.alert ?? '(unnamed)', rule] as const))('%s: queries only metrics the code defines, with a severity and a summary', (_name, rule) => {
    expect(rule.alert).toMatch(/^SmartCart[A-Z][A-Za-z0-9]+$/);
    const names = metricsIn(rule.expr ?? '');
    expect(names.length).toBeGreaterThan(0);
    expect(undefinedIn(names, defined)).toEqual([]);
    expect(['warning', 'critical']).toContain(rule.labels?.severity);
    expect(rule.annotations?.summary).toBeTruthy();
    expect(rule.for).toMatch(/^\d+[smh]$/);
  });

  it('alert names are unique', () => {
    const names = rules.map((rule) => rule.alert);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('the Grafana dashboard (deploy/grafana/smartcart-dashboard.json)', () => {
  it('has the panels an operator needs first', () => {
    const queried = new Set(panels.flatMap((panel) => (panel.targets ?? []).flatMap((t) => metricsIn(t.expr ?? ''))));
    for (const metric of [
      'smartcart_graphql_operations_total',
      'smartcart_graphql_operation_duration_seconds_bucket',
      'smartcart_graphql_errors_total',
      'smartcart_gateway_subgraph_breaker_state',
      'smartcart_db_statement_duration_seconds_bucket',
      'smartcart_cache_requests_total',
      'smartcart_gateway_websocket_connections',
      'smartcart_events_consumer_lag',
      'smartcart_events_dead_letters',
    ]) {
      expect(queried).toContain(metric);
    }
  });

  it.each(panels.map((panel) => [panel.title, panel] as const))('%s: queries only metrics the code defines', (_title, panel) => {
    const names = (panel.targets ?? []).flatMap((target) => metricsIn(target.expr ?? ''));
    expect(names.length).toBeGreaterThan(0);
    expect(undefinedIn(names, defined)).toEqual([]);
  });

  it('the service variable reads a metric every service has; panel ids are unique and every panel fits the 24-column grid', () => {
    for (const variable of dashboard.templating.list) expect(undefinedIn(metricsIn(variable.query?.query ?? ''), defined)).toEqual([]);
    const ids = dashboard.panels.map((panel) => panel.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const panel of dashboard.panels) expect(panel.gridPos.x + panel.gridPos.w).toBeLessThanOrEqual(24);
  });
});

describe('the drift check itself', () => {
  it('reads metric names out of PromQL, not label values or matchers', () => {
    expect(metricsIn('sum by (service) (rate(smartcart_graphql_errors_total{code=~"smartcart_fake|X"}[5m])) / sum(rate(smartcart_graphql_operations_total[5m]))')).toEqual([
      'smartcart_graphql_errors_total',
      'smartcart_graphql_operations_total',
    ]);
    expect(metricsIn('up{job="smartcart"} == 0')).toEqual(['up']);
  });

  it('catches a renamed metric and accepts a histogram series of a defined histogram', () => {
    expect(undefinedIn(['smartcart_graphql_operation_latency_seconds_bucket'], defined)).toEqual(['smartcart_graphql_operation_latency_seconds_bucket']);
    expect(undefinedIn(['smartcart_graphql_operation_duration_seconds_bucket', 'process_resident_memory_bytes'], defined)).toEqual([]);
  });
});
