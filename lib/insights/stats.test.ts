import { describe, expect, it } from 'vitest';
import { isSignificant, poissonRateTest, robustHighOutliers, robustScale, twoProportionZTest, welchTTest, welchTTestSamples } from './stats';

// Reference values computed independently with scipy.stats (ttest_ind, ttest_ind_from_stats)
// and the normal CDF.

describe('twoProportionZTest', () => {
  it.each([
    // 90/100 vs 95/100: pooled p = 0.925, z = −1.3423, p = 0.1795 → not significant
    { x1: 90, n1: 100, x2: 95, n2: 100, z: -1.342312, p: 0.179495, sig: false },
    // same rates on 10× the runs: z = −4.2448, p = 2.19e−5 → significant
    { x1: 900, n1: 1000, x2: 950, n2: 1000, z: -4.244764, p: 0.0000219, sig: true },
  ])('$x1/$n1 vs $x2/$n2', ({ x1, n1, x2, n2, z, p, sig }) => {
    const r = twoProportionZTest(x1, n1, x2, n2);
    expect(r.statistic).toBeCloseTo(z, 5);
    expect(r.p_value).toBeCloseTo(p, 5);
    expect(isSignificant(r, 0.05)).toBe(sig);
  });
  it('identical all-success windows are not different; empty windows cannot be tested', () => {
    expect(twoProportionZTest(50, 50, 80, 80).p_value).toBe(1);
    expect(twoProportionZTest(0, 0, 5, 10).p_value).toBeNull();
    expect(isSignificant(twoProportionZTest(0, 0, 5, 10), 0.05)).toBe(false);
  });
});

describe('welchTTest', () => {
  it('matches scipy on raw samples', () => {
    const r = welchTTestSamples([1, 2, 3, 4, 5], [2, 4, 6, 8, 10, 12]);
    expect(r.statistic).toBeCloseTo(-2.376354, 5);
    expect(r.p_value).toBeCloseTo(0.049284, 5);
  });
  it('matches scipy on summaries (mean, sd, n)', () => {
    const r = welchTTest({ mean: 1100, variance: 200 ** 2, n: 50 }, { mean: 1000, variance: 150 ** 2, n: 40 });
    expect(r.statistic).toBeCloseTo(2.709142, 5);
    expect(r.p_value).toBeCloseTo(0.008112, 5);
  });
  it('needs two values on each side; constant samples differ only if their means do', () => {
    expect(welchTTestSamples([1], [1, 2]).p_value).toBeNull();
    expect(welchTTestSamples([3, 3, 3], [3, 3]).p_value).toBe(1);
    expect(welchTTestSamples([3, 3, 3], [4, 4]).p_value).toBe(0);
  });
});

describe('poissonRateTest', () => {
  it('120 vs 100 over equal exposure: z = 1.3484, p = 0.1775', () => {
    const r = poissonRateTest(120, 100);
    expect(r.statistic).toBeCloseTo(1.348400, 5);
    expect(r.p_value).toBeCloseTo(0.177530, 4);
    expect(poissonRateTest(0, 0).p_value).toBeNull();
  });
});

describe('robust outliers (median + 3.5 × 1.4826 × MAD)', () => {
  // 9 days: median 10, |dev| sorted = [0,0,0,1,1,1,2,2,x−10] → MAD = 1, scale = 1.4826,
  // cut-off = 10 + 3.5 × 1.4826 = 15.1891
  const base = [10, 9, 11, 8, 12, 10, 11, 10];
  it.each([
    { extra: 15.18, want: [] },
    { extra: 15.2, want: [8] },
    { extra: 50, want: [8] },
    { extra: 0, want: [] }, // a quiet day is never flagged: only highs are anomalies
  ])('extra day $extra → $want', ({ extra, want }) => {
    expect(robustHighOutliers([...base, extra], 3.5)).toEqual(want);
  });
  it('falls back to the mean absolute deviation when MAD = 0', () => {
    // median 5, MAD 0; mean |dev| = 35/8 → scale = 1.253314 × 4.375 = 5.4833; 40 − 5 = 35 > 19.19
    expect(robustScale([5, 5, 5, 5, 5, 5, 5, 40])!.scale).toBeCloseTo(5.483249, 5);
    expect(robustHighOutliers([5, 5, 5, 5, 5, 5, 5, 40], 3.5)).toEqual([7]);
    expect(robustHighOutliers([5, 5, 5, 5, 5, 5, 5], 3.5)).toEqual([]);
  });
});
