import type { Trend } from '@/lib/schemas/insights';
import { atLeast, percentChange, roundMoney, roundMs, roundOrNull, roundPercent, roundRate, successRate } from './math';
import { isSignificant, poissonRateTest, twoProportionZTest, welchTTest, welchTTestSamples, type TestResult } from './stats';
import type { Thresholds } from '@/lib/schemas/thresholds';
import type { DayBucket, ScopeStats } from './types';

// Trends compare the current window with the previous one.
// - change_percent: (current − previous) ÷ previous × 100; null when previous is 0 or unknown
//   (growth from nothing has no percentage); 0 when both are 0.
// - direction: "stable" when |change| < 5%; otherwise up/down. With a null change it follows the
//   sign of current − previous.
// - is_significant: |change| ≥ 10% (a change from 0 counts as large) AND the metric's test
//   rejects "no change" at the significance level (two-sided, 95% by default):
//     cost        Welch's t-test on the daily costs of the two windows (empty days count as 0);
//     performance Welch's t-test on per-execution durations (mean, STDDEV_SAMP, n of each window);
//     reliability two-proportion z-test on success ÷ (success + failed);
//     volume      Welch's t-test on daily execution counts (day-to-day swings make a Poisson test
//                 over-confident); with < 2 days per window, the Poisson equal-exposure test.

export interface TrendSet {
  cost_trend: Trend;
  performance_trend: Trend;
  reliability_trend: Trend;
  volume_trend: Trend;
}

export function buildTrend(
  metric: string,
  current: number | null,
  previous: number | null,
  test: TestResult,
  testName: string,
  t: Thresholds,
  roundValue: (v: number) => number,
): Trend {
  const change = percentChange(current, previous);
  const diff = current !== null && previous !== null ? current - previous : 0;
  const direction: Trend['direction'] =
    change !== null
      ? atLeast(Math.abs(change), t.trend_stable_percent)
        ? change > 0
          ? 'up'
          : 'down'
        : 'stable'
      : diff > 0
        ? 'up'
        : diff < 0
          ? 'down'
          : 'stable';
  const large = change === null ? diff !== 0 : atLeast(Math.abs(change), t.trend_significant_percent);
  return {
    metric_name: metric,
    current_value: current === null ? null : roundValue(current),
    previous_value: previous === null ? null : roundValue(previous),
    change_percent: roundOrNull(change, 2),
    direction,
    is_significant: large && isSignificant(test, t.significance_level),
    p_value: test.p_value === null ? null : roundRate(test.p_value),
    test: testName,
  };
}

export function computeTrends(
  scope: ScopeStats,
  previousDays: readonly DayBucket[],
  t: Thresholds,
): TrendSet {
  const { current: cur, previous: prev } = scope;
  const days = scope.days;

  const costTest = welchTTestSamples(days.map((d) => d.cost_usd), previousDays.map((d) => d.cost_usd));

  const durationSummary = (w: typeof cur) =>
    w.avg_duration_ms === null || w.duration_stddev_ms === null
      ? null
      : { mean: w.avg_duration_ms, variance: w.duration_stddev_ms ** 2, n: w.executions };
  const a = durationSummary(cur);
  const b = durationSummary(prev);
  const perfTest: TestResult = a && b ? welchTTest(a, b) : { p_value: null, statistic: null };

  const relTest = twoProportionZTest(cur.successes, cur.successes + cur.failures, prev.successes, prev.successes + prev.failures);

  const dailyVolume = days.length >= 2 && previousDays.length >= 2;
  const volTest = dailyVolume
    ? welchTTestSamples(days.map((d) => d.executions), previousDays.map((d) => d.executions))
    : poissonRateTest(cur.executions, prev.executions);

  return {
    cost_trend: buildTrend('cost', cur.cost_usd, prev.cost_usd, costTest, 'welch_t_test_daily_cost', t, roundMoney),
    performance_trend: buildTrend(
      'avg_duration_ms',
      cur.avg_duration_ms,
      prev.avg_duration_ms,
      perfTest,
      'welch_t_test_execution_duration',
      t,
      roundMs,
    ),
    reliability_trend: buildTrend(
      'success_rate',
      successRate(cur.successes, cur.failures),
      successRate(prev.successes, prev.failures),
      relTest,
      'two_proportion_z_test',
      t,
      roundRate,
    ),
    volume_trend: buildTrend(
      'executions',
      cur.executions,
      prev.executions,
      volTest,
      dailyVolume ? 'welch_t_test_daily_executions' : 'poisson_rate_test',
      t,
      (v) => v,
    ),
  };
}

/** The summary's change figures, rounded to 2 decimals; null when undefined. */
export function computeChangePercents(scope: ScopeStats): {
  cost_change_percent: number | null;
  performance_change_percent: number | null;
  reliability_change_percent: number | null;
} {
  const { current: c, previous: p } = scope;
  const pct = (x: number | null) => (x === null ? null : roundPercent(x));
  return {
    cost_change_percent: pct(percentChange(c.cost_usd, p.cost_usd)),
    performance_change_percent: pct(percentChange(c.avg_duration_ms, p.avg_duration_ms)),
    reliability_change_percent: pct(
      percentChange(successRate(c.successes, c.failures), successRate(p.successes, p.failures)),
    ),
  };
}
