import { seededRandom } from '../../../platform/seededRandom';
import { assignVariant } from './assignment';
import { experimentReport, type VariantTotals } from './experimentReport';

// Two variants with known behaviour, served to simulated shoppers assigned as
// the service assigns them: the report must find what was put in.

interface Truth {
  click: number;
  /** Given a click. */
  addToCart: number;
  /** Given an add to cart. */
  purchase: number;
  /** Revenue of a purchase: uniform in [min, max]. */
  revenue: [number, number];
}

function simulate(experimentId: string, truths: Record<string, Truth>, shoppers: number, impressionsEach: number, seed: number): VariantTotals[] {
  const random = seededRandom(seed);
  const variants = Object.keys(truths).map((key) => ({ key, weight: 1 }));
  const totals = new Map(variants.map(({ key }) => [key, { key, impressions: 0, shoppers: 0, clicked: 0, addedToCart: 0, purchased: 0, revenue: 0, revenueSquares: 0 }]));
  for (let s = 0; s < shoppers; s++) {
    const variant = assignVariant(experimentId, `shopper-${s}`, variants);
    const t = totals.get(variant.key)!;
    const truth = truths[variant.key]!;
    t.shoppers += 1;
    for (let i = 0; i < impressionsEach; i++) {
      t.impressions += 1;
      if (random() >= truth.click) continue;
      t.clicked += 1;
      if (random() >= truth.addToCart) continue;
      t.addedToCart += 1;
      if (random() >= truth.purchase) continue;
      t.purchased += 1;
      const amount = truth.revenue[0] + random() * (truth.revenue[1] - truth.revenue[0]);
      t.revenue += amount;
      t.revenueSquares += amount * amount;
    }
  }
  return [...totals.values()];
}

const control: Truth = { click: 0.04, addToCart: 0.3, purchase: 0.5, revenue: [2, 10] };
const better: Truth = { click: 0.055, addToCart: 0.3, purchase: 0.5, revenue: [2, 10] };

describe('an experiment with a better treatment', () => {
  const report = experimentReport(simulate('sim-ab', { control, better }, 12_000, 2, 42), 0.05);
  const [c, t] = report.variants;

  it('splits the traffic about evenly', () => {
    expect(c!.key).toBe('control');
    expect(Math.abs(c!.shoppers - 6000)).toBeLessThan(300);
    expect(c!.impressions + t!.impressions).toBe(24_000);
  });

  it('finds the click-through difference significant', () => {
    const ctr = report.comparisons.find((x) => x.metric === 'CLICK_THROUGH_RATE')!;
    expect(ctr).toMatchObject({ control: 'control', treatment: 'better', significant: true, alpha: 0.05 });
    expect(ctr.pValue!).toBeLessThan(0.001);
    expect(ctr.difference).toBeGreaterThan(0);
    expect(ctr.summary).toMatch(/^click-through rate: better \d\.\d\d% vs control \d\.\d\d% \(\+\d+\.\d%\); significant at alpha 0\.05/);
  });

  it('holds each true rate inside its 95 % interval', () => {
    const inside = (value: number, interval: { low: number; high: number }) => value >= interval.low && value <= interval.high;
    for (const [variant, truth] of [[c!, control], [t!, better]] as const) {
      expect(inside(truth.click, variant.clickThroughRate)).toBe(true);
      expect(inside(truth.click * truth.addToCart, variant.addToCartRate)).toBe(true);
      expect(inside(truth.click * truth.addToCart * truth.purchase, variant.conversionRate)).toBe(true);
      // Expected revenue per impression: P(purchase) × mean amount (6).
      expect(inside(truth.click * truth.addToCart * truth.purchase * 6, variant.revenuePerImpression)).toBe(true);
      expect(variant.clickThroughRate.low).toBeLessThan(variant.clickThroughRate.rate);
    }
  });
});

describe('an A/A experiment', () => {
  it('finds no significant difference where there is none', () => {
    const report = experimentReport(simulate('sim-aa', { a: control, b: control }, 12_000, 2, 7), 0.05);
    for (const comparison of report.comparisons) {
      expect(comparison.significant).toBe(false);
      expect(comparison.summary).toMatch(/not significant|not testable/);
    }
  });

  it('keeps false positives near alpha over many repetitions', () => {
    let significant = 0;
    const runs = 200;
    for (let run = 0; run < runs; run++) {
      const report = experimentReport(simulate(`sim-aa-${run}`, { a: control, b: control }, 2000, 1, 1000 + run), 0.05);
      if (report.comparisons.find((x) => x.metric === 'CLICK_THROUGH_RATE')!.significant) significant += 1;
    }
    // Binomial(200, 0.05): mean 10, sd 3.1.
    expect(significant).toBeLessThanOrEqual(20);
  });
});

describe('several treatments', () => {
  it('judges each at alpha divided among them (Bonferroni)', () => {
    const report = experimentReport(simulate('sim-abc', { control, b: better, c: control }, 6000, 1, 3), 0.05);
    expect(report.comparisons).toHaveLength(8);
    expect(new Set(report.comparisons.map((x) => x.alpha))).toEqual(new Set([0.025]));
  });
});
