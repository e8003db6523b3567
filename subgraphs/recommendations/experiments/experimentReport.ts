import { meanInterval, twoMeanZTest, twoProportionZTest, wilsonInterval, type MeanEstimate, type RateEstimate, type TestResult } from './statistics';

// An experiment's report from per-variant totals (what the database sums up):
// each variant's rates with Wilson intervals, revenue per impression with a
// normal interval, and every treatment tested against the control.

/** Per-impression outcomes of one variant: an impression is one served list. */
export interface VariantTotals {
  key: string;
  impressions: number;
  /** Distinct shoppers those impressions were served to. */
  shoppers: number;
  /** Impressions with at least one attributed click / add to cart / purchase. */
  clicked: number;
  addedToCart: number;
  purchased: number;
  /** Sum over impressions of the revenue attributed to each, and of its square. */
  revenue: number;
  revenueSquares: number;
}

export type ExperimentMetric = 'CLICK_THROUGH_RATE' | 'ADD_TO_CART_RATE' | 'CONVERSION_RATE' | 'REVENUE_PER_IMPRESSION';
export const EXPERIMENT_METRICS: readonly ExperimentMetric[] = ['CLICK_THROUGH_RATE', 'ADD_TO_CART_RATE', 'CONVERSION_RATE', 'REVENUE_PER_IMPRESSION'];

export interface VariantReport {
  key: string;
  impressions: number;
  shoppers: number;
  clickThroughRate: RateEstimate;
  addToCartRate: RateEstimate;
  conversionRate: RateEstimate;
  revenuePerImpression: MeanEstimate;
  revenue: number;
}

export interface Comparison extends TestResult {
  metric: ExperimentMetric;
  control: string;
  treatment: string;
  /** The alpha this comparison was judged at (the experiment's, Bonferroni-divided among treatments). */
  alpha: number;
  summary: string;
}

export interface ExperimentReport {
  /** Of every interval. */
  confidence: number;
  alpha: number;
  variants: VariantReport[];
  comparisons: Comparison[];
}

export const REPORT_CONFIDENCE = 0.95;

export function variantReport(totals: VariantTotals, confidence = REPORT_CONFIDENCE): VariantReport {
  const n = totals.impressions;
  return {
    key: totals.key,
    impressions: n,
    shoppers: totals.shoppers,
    clickThroughRate: wilsonInterval(totals.clicked, n, confidence),
    addToCartRate: wilsonInterval(totals.addedToCart, n, confidence),
    conversionRate: wilsonInterval(totals.purchased, n, confidence),
    revenuePerImpression: meanInterval(n, totals.revenue, totals.revenueSquares, confidence),
    revenue: totals.revenue,
  };
}

/**
 * The first variant is the control. With several treatments each is judged at
 * alpha / (treatments) (Bonferroni), so the chance of any false "significant"
 * per metric stays at most alpha. The four metrics are reported separately:
 * pick the primary one before the experiment starts (docs/experiments.md).
 */
export function experimentReport(totals: readonly VariantTotals[], alpha: number, confidence = REPORT_CONFIDENCE): ExperimentReport {
  const variants = totals.map((t) => variantReport(t, confidence));
  const [control, ...treatments] = variants;
  const comparisons: Comparison[] = [];
  if (control) {
    const perTest = treatments.length > 1 ? alpha / treatments.length : alpha;
    for (const treatment of treatments) {
      for (const metric of EXPERIMENT_METRICS) {
        const result =
          metric === 'REVENUE_PER_IMPRESSION'
            ? twoMeanZTest(control.revenuePerImpression, treatment.revenuePerImpression, perTest)
            : twoProportionZTest(rateOf(control, metric), rateOf(treatment, metric), perTest);
        comparisons.push({ metric, control: control.key, treatment: treatment.key, alpha: perTest, ...result, summary: summarise(metric, control, treatment, result, perTest) });
      }
    }
  }
  return { confidence, alpha, variants, comparisons };
}

function rateOf(variant: VariantReport, metric: Exclude<ExperimentMetric, 'REVENUE_PER_IMPRESSION'>): RateEstimate {
  return metric === 'CLICK_THROUGH_RATE' ? variant.clickThroughRate : metric === 'ADD_TO_CART_RATE' ? variant.addToCartRate : variant.conversionRate;
}

const LABEL: Record<ExperimentMetric, string> = {
  CLICK_THROUGH_RATE: 'click-through rate',
  ADD_TO_CART_RATE: 'add-to-cart rate',
  CONVERSION_RATE: 'conversion rate',
  REVENUE_PER_IMPRESSION: 'revenue per impression',
};

function summarise(metric: ExperimentMetric, control: VariantReport, treatment: VariantReport, result: TestResult, alpha: number): string {
  const value = (v: VariantReport) =>
    metric === 'REVENUE_PER_IMPRESSION' ? v.revenuePerImpression.mean.toFixed(4) : `${(rateOf(v, metric).rate * 100).toFixed(2)}%`;
  const lift = result.relativeLift === null ? '' : ` (${result.relativeLift >= 0 ? '+' : ''}${(result.relativeLift * 100).toFixed(1)}%)`;
  const head = `${LABEL[metric]}: ${treatment.key} ${value(treatment)} vs ${control.key} ${value(control)}${lift}`;
  if (result.pValue === null) return `${head}; not testable yet (no data or no variation)`;
  const p = result.pValue < 0.0001 ? '< 0.0001' : `= ${result.pValue.toFixed(4)}`;
  return result.significant
    ? `${head}; significant at alpha ${alpha} (two-sided p ${p})`
    : `${head}; not significant at alpha ${alpha} (two-sided p ${p})`;
}
