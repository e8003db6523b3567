import { serviceMetrics } from '../../../platform/observability/metrics';
import type { ExperimentRepository } from '../data/experimentRepository';
import type { ExperimentDefinition } from './experimentDefinition';
import { experimentReport, type ExperimentReport } from './experimentReport';
import type { ExperimentRegistry } from './experimentRegistry';

export interface ComputedReport extends ExperimentReport {
  computedAt: Date;
  attributionWindowHours: number;
}

/**
 * Reports from the stored impressions and outcomes. `/metrics` reuses one
 * computed less than `metricsMaxAgeMs` ago, so scrapes cost one aggregate
 * query per running experiment at most that often; the GraphQL query always
 * computes afresh (after writing the impressions still buffered here).
 */
export class ExperimentReports {
  private readonly recent = new Map<string, ComputedReport>();
  private stopReporting: (() => void) | undefined;

  constructor(
    private readonly repository: ExperimentRepository,
    private readonly attributionWindowHours: number,
    private readonly metricsMaxAgeMs = 15_000,
  ) {}

  async compute(experiment: ExperimentDefinition): Promise<ComputedReport> {
    const totals = await this.repository.totals(experiment, this.attributionWindowHours);
    const report = { ...experimentReport(totals, experiment.alpha), computedAt: new Date(), attributionWindowHours: this.attributionWindowHours };
    this.recent.set(experiment.id, report);
    return report;
  }

  private async cached(experiment: ExperimentDefinition): Promise<ComputedReport> {
    const known = this.recent.get(experiment.id);
    return known && Date.now() - known.computedAt.getTime() < this.metricsMaxAgeMs ? known : this.compute(experiment);
  }

  /** Per-variant figures of every running experiment on the recommendations subgraph's /metrics. */
  reportMetrics(registry: Pick<ExperimentRegistry, 'allRunning'>): void {
    const metrics = serviceMetrics('recommendations');
    const each = async (visit: (experiment: ExperimentDefinition, report: ComputedReport) => void) => {
      for (const experiment of registry.allRunning()) visit(experiment, await this.cached(experiment));
    };
    const stops = [
      metrics.observeGauge('smartcart_recs_experiment_impressions', 'Impressions (served lists) of each variant of each running experiment', ['experiment', 'variant'], (gauge) =>
        each((e, r) => r.variants.forEach((v) => gauge.set({ experiment: e.ref, variant: v.key }, v.impressions))),
      ),
      metrics.observeGauge(
        'smartcart_recs_experiment_rate',
        'Per-impression rates of each variant of each running experiment (metric: ctr, add_to_cart, conversion) with the 95 % Wilson interval (bound: estimate, low, high)',
        ['experiment', 'variant', 'metric', 'bound'],
        (gauge) =>
          each((e, r) =>
            r.variants.forEach((v) => {
              for (const [metric, rate] of [['ctr', v.clickThroughRate], ['add_to_cart', v.addToCartRate], ['conversion', v.conversionRate]] as const) {
                gauge.set({ experiment: e.ref, variant: v.key, metric, bound: 'estimate' }, rate.rate);
                gauge.set({ experiment: e.ref, variant: v.key, metric, bound: 'low' }, rate.low);
                gauge.set({ experiment: e.ref, variant: v.key, metric, bound: 'high' }, rate.high);
              }
            }),
          ),
      ),
      metrics.observeGauge(
        'smartcart_recs_experiment_revenue_per_impression',
        'Attributed revenue per impression of each variant of each running experiment, with its 95 % normal interval (bound: estimate, low, high)',
        ['experiment', 'variant', 'bound'],
        (gauge) =>
          each((e, r) =>
            r.variants.forEach((v) => {
              gauge.set({ experiment: e.ref, variant: v.key, bound: 'estimate' }, v.revenuePerImpression.mean);
              gauge.set({ experiment: e.ref, variant: v.key, bound: 'low' }, v.revenuePerImpression.low);
              gauge.set({ experiment: e.ref, variant: v.key, bound: 'high' }, v.revenuePerImpression.high);
            }),
          ),
      ),
      metrics.observeGauge(
        'smartcart_recs_experiment_significant',
        '1 when a treatment differs from the control on a metric at the experiment’s alpha (two-sided; Bonferroni among treatments), else 0',
        ['experiment', 'variant', 'metric'],
        (gauge) => each((e, r) => r.comparisons.forEach((c) => gauge.set({ experiment: e.ref, variant: c.treatment, metric: c.metric.toLowerCase() }, c.significant ? 1 : 0))),
      ),
      metrics.observeGauge(
        'smartcart_recs_experiment_p_value',
        'Two-sided p-value of each treatment against the control, by metric (absent until testable)',
        ['experiment', 'variant', 'metric'],
        (gauge) =>
          each((e, r) =>
            r.comparisons.forEach((c) => {
              if (c.pValue !== null) gauge.set({ experiment: e.ref, variant: c.treatment, metric: c.metric.toLowerCase() }, c.pValue);
            }),
          ),
      ),
    ];
    this.stopReporting = () => stops.forEach((stop) => stop());
  }

  stop(): void {
    this.stopReporting?.();
  }
}
