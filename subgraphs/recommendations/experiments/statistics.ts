// The statistics of an online experiment, pure: intervals for one variant's
// rates and means, and tests of a treatment against the control. Nothing here
// knows about GraphQL, the database or the engine.

/** A proportion with its confidence interval. */
export interface RateEstimate {
  successes: number;
  trials: number;
  rate: number;
  low: number;
  high: number;
}

/** A mean with its confidence interval. */
export interface MeanEstimate {
  n: number;
  mean: number;
  /** Sample standard deviation (n − 1). */
  sd: number;
  low: number;
  high: number;
}

export interface TestResult {
  /** treatment − control. */
  difference: number;
  /** difference / control; null when the control is 0. */
  relativeLift: number | null;
  /** null when the test is undefined (no trials, no variance). */
  z: number | null;
  /** Two-sided. */
  pValue: number | null;
  significant: boolean;
}

/**
 * Standard normal CDF, by the Abramowitz–Stegun 7.1.26 erf approximation
 * (absolute error under 1.5e-7: far finer than any decision made with it).
 */
export function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-z * z);
  return x >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}

/**
 * Inverse standard normal CDF (Acklam's rational approximation, relative
 * error under 1.2e-9), for the critical value of any confidence level.
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`normalQuantile needs 0 < p < 1, got ${p}`);
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  }
  if (p > 1 - low) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) / (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
}

/** The two-sided critical value for a confidence level (0.95 → 1.959964). */
export function criticalValue(confidence: number): number {
  return normalQuantile(1 - (1 - confidence) / 2);
}

/**
 * Wilson score interval for a proportion: unlike the plain normal interval it
 * stays inside [0, 1] and keeps its coverage for small counts and rates near
 * 0 — which click and conversion rates are.
 */
export function wilsonInterval(successes: number, trials: number, confidence = 0.95): RateEstimate {
  if (!Number.isInteger(successes) || !Number.isInteger(trials) || successes < 0 || trials < 0 || successes > trials) {
    throw new RangeError(`wilsonInterval needs 0 ≤ successes ≤ trials (integers), got ${successes}/${trials}`);
  }
  if (trials === 0) return { successes, trials, rate: 0, low: 0, high: 1 };
  const z = criticalValue(confidence);
  const p = successes / trials;
  const z2n = (z * z) / trials;
  const centre = (p + z2n / 2) / (1 + z2n);
  const half = (z * Math.sqrt((p * (1 - p)) / trials + z2n / (4 * trials))) / (1 + z2n);
  // Exact ends at 0 and n successes (the formula gives them up to rounding).
  return { successes, trials, rate: p, low: successes === 0 ? 0 : Math.max(0, centre - half), high: successes === trials ? 1 : Math.min(1, centre + half) };
}

/**
 * Normal-approximation interval for a mean from its sum and sum of squares
 * (what a database aggregate gives): revenue per impression. Fine for the
 * thousands of impressions an experiment needs; with skewed revenue and few
 * impressions it is optimistic (docs/experiments.md).
 */
export function meanInterval(n: number, sum: number, sumOfSquares: number, confidence = 0.95): MeanEstimate {
  if (n <= 0) return { n: 0, mean: 0, sd: 0, low: 0, high: 0 };
  const mean = sum / n;
  const variance = n > 1 ? Math.max(0, (sumOfSquares - n * mean * mean) / (n - 1)) : 0;
  const sd = Math.sqrt(variance);
  const half = criticalValue(confidence) * (sd / Math.sqrt(n));
  return { n, mean, sd, low: mean - half, high: mean + half };
}

/**
 * Two-proportion z-test with the pooled variance (the null is "same rate"),
 * two-sided; significant when p < alpha.
 */
export function twoProportionZTest(control: { successes: number; trials: number }, treatment: { successes: number; trials: number }, alpha: number): TestResult {
  const p1 = control.trials > 0 ? control.successes / control.trials : 0;
  const p2 = treatment.trials > 0 ? treatment.successes / treatment.trials : 0;
  const difference = p2 - p1;
  const relativeLift = p1 > 0 ? difference / p1 : null;
  if (control.trials === 0 || treatment.trials === 0) return { difference, relativeLift, z: null, pValue: null, significant: false };
  const pooled = (control.successes + treatment.successes) / (control.trials + treatment.trials);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / control.trials + 1 / treatment.trials));
  if (se === 0) return { difference, relativeLift, z: null, pValue: null, significant: false };
  const z = difference / se;
  const pValue = Math.min(1, 2 * (1 - normalCdf(Math.abs(z))));
  return { difference, relativeLift, z, pValue, significant: pValue < alpha };
}

/** Welch's z-test of two means (unpooled variances; normal, not t: experiments have large n). */
export function twoMeanZTest(control: MeanEstimate, treatment: MeanEstimate, alpha: number): TestResult {
  const difference = treatment.mean - control.mean;
  const relativeLift = control.mean !== 0 ? difference / control.mean : null;
  if (control.n < 2 || treatment.n < 2) return { difference, relativeLift, z: null, pValue: null, significant: false };
  const se = Math.sqrt((control.sd * control.sd) / control.n + (treatment.sd * treatment.sd) / treatment.n);
  if (se === 0) return { difference, relativeLift, z: null, pValue: null, significant: false };
  const z = difference / se;
  const pValue = Math.min(1, 2 * (1 - normalCdf(Math.abs(z))));
  return { difference, relativeLift, z, pValue, significant: pValue < alpha };
}
