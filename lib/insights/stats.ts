import jStat from 'jstat';
import { mean, median, medianAbsoluteDeviation, sampleVariance } from 'simple-statistics';

// Statistical tests behind "is this change real?". Each returns a two-sided p-value, or null when
// the test cannot run (too little data); callers treat null as "not significant".

export interface TestResult {
  /** Two-sided p-value; null when the test could not run. */
  p_value: number | null;
  statistic: number | null;
}

const NO_TEST: TestResult = { p_value: null, statistic: null };

/** P(|Z| ≥ |z|) for a standard normal. */
export function twoSidedNormal(z: number): number {
  return 2 * (1 - jStat.normal.cdf(Math.abs(z), 0, 1));
}

/**
 * Two-proportion z-test (pooled) for rates such as the success rate: H0 p1 = p2.
 * z = (p1 − p2) / sqrt(p̂(1 − p̂)(1/n1 + 1/n2)) with p̂ the pooled rate.
 */
export function twoProportionZTest(x1: number, n1: number, x2: number, n2: number): TestResult {
  if (n1 <= 0 || n2 <= 0) return NO_TEST;
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const pooled = (x1 + x2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  // Both windows all-success (or all-failure): identical rates, nothing to test.
  if (se === 0) return { p_value: 1, statistic: 0 };
  const z = (p1 - p2) / se;
  return { p_value: twoSidedNormal(z), statistic: z };
}

export interface SampleSummary {
  mean: number;
  /** Sample variance (n − 1 denominator). */
  variance: number;
  n: number;
}

/**
 * Welch's unequal-variance t-test on two sample summaries, with Welch–Satterthwaite degrees of
 * freedom. Needs n ≥ 2 on both sides. Two constant samples with different means differ for sure.
 */
export function welchTTest(a: SampleSummary, b: SampleSummary): TestResult {
  if (a.n < 2 || b.n < 2) return NO_TEST;
  const va = a.variance / a.n;
  const vb = b.variance / b.n;
  const se2 = va + vb;
  if (se2 === 0) return a.mean === b.mean ? { p_value: 1, statistic: 0 } : { p_value: 0, statistic: null };
  const t = (a.mean - b.mean) / Math.sqrt(se2);
  const df = (se2 * se2) / ((va * va) / (a.n - 1) + (vb * vb) / (b.n - 1));
  return { p_value: 2 * jStat.studentt.cdf(-Math.abs(t), df), statistic: t };
}

/** Welch's t-test on two lists of values (e.g. daily costs of the two windows). */
export function welchTTestSamples(a: readonly number[], b: readonly number[]): TestResult {
  if (a.length < 2 || b.length < 2) return NO_TEST;
  const summary = (x: readonly number[]): SampleSummary => ({
    mean: mean(x as number[]),
    variance: sampleVariance(x as number[]),
    n: x.length,
  });
  return welchTTest(summary(a), summary(b));
}

/**
 * Two Poisson counts over equal exposure (same window length): conditional on the total, the
 * current count is Binomial(total, 1/2) under H0; normal approximation z = (c1 − c2)/√(c1 + c2).
 */
export function poissonRateTest(c1: number, c2: number): TestResult {
  if (c1 + c2 === 0) return NO_TEST;
  const z = (c1 - c2) / Math.sqrt(c1 + c2);
  return { p_value: twoSidedNormal(z), statistic: z };
}

/** Consistency constant: 1.4826 × MAD estimates the standard deviation of normal data. */
const MAD_TO_SD = 1.4826;
/** Iglewicz–Hoaglin fallback when MAD = 0: 1.253314 × mean absolute deviation. */
const MEAN_AD_TO_SD = 1.253314;

export interface RobustScale {
  median: number;
  /** Robust standard deviation; 0 when every value is the same. */
  scale: number;
}

export function robustScale(values: readonly number[]): RobustScale | null {
  if (values.length === 0) return null;
  const med = median(values as number[]);
  const mad = medianAbsoluteDeviation(values as number[]);
  if (mad > 0) return { median: med, scale: MAD_TO_SD * mad };
  const meanAd = mean(values.map((v) => Math.abs(v - med)));
  return { median: med, scale: MEAN_AD_TO_SD * meanAd };
}

/**
 * Indexes of values more than `k` robust standard deviations ABOVE the median
 * (x − median > k × scale). Only highs: a quiet day (weekend, holiday) is not an anomaly of
 * cost or latency, and drops in volume are the usage_drop detector's job.
 */
export function robustHighOutliers(values: readonly number[], k: number): number[] {
  const rs = robustScale(values);
  if (!rs || rs.scale === 0) return [];
  const out: number[] = [];
  values.forEach((v, i) => {
    if (v - rs.median > k * rs.scale) out.push(i);
  });
  return out;
}

/** Significant at level alpha (two-sided). A test that could not run is not significant. */
export function isSignificant(result: TestResult, alpha: number): boolean {
  return result.p_value !== null && result.p_value < alpha;
}
