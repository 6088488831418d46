import type { Trend } from '@/lib/schemas/insights';
import { atLeast, percentChange, roundMoney, roundMs, roundOrNull, roundPercent, roundRate, successRate } from './math';
import { costTest, durationTest, successTest, volumeTest, type ChangeTest, type CompleteDays } from './change-tests';
import { isSignificant } from './stats';
import type { Thresholds } from '@/lib/schemas/thresholds';
import type { ScopeStats } from './types';

// Trends compare the current window with the previous one.
// - change_percent: (current − previous) ÷ previous × 100; null when previous is 0 or unknown
//   (growth from nothing has no percentage); 0 when both are 0.
// - direction: "stable" when |change| < 5%; otherwise up/down. With a null change it follows the
//   sign of current − previous.
// - is_significant: practically large AND the metric's test (./change-tests.ts, the same the
//   detectors use) rejects "no change" at the significance level (two-sided, 95% by default).
//   Large = |change| ≥ 10% (a change from 0 counts as large) for cost, duration and volume;
//   for the success rate ≥ 2 percentage points (99% → 90% is −9 points, though only −9.1%).

export interface TrendSet {
  cost_trend: Trend;
  performance_trend: Trend;
  reliability_trend: Trend;
  volume_trend: Trend;
}

/** How a trend's practical size is judged: relative change, or percentage points of a rate. */
export type TrendGate = 'percent' | 'points';

export function buildTrend(
  metric: string,
  current: number | null,
  previous: number | null,
  test: ChangeTest,
  t: Thresholds,
  roundValue: (v: number) => number,
  gate: TrendGate = 'percent',
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
  const large =
    gate === 'points'
      ? atLeast(Math.abs(diff) * 100, t.trend_significant_points)
      : change === null
        ? diff !== 0
        : atLeast(Math.abs(change), t.trend_significant_percent);
  return {
    metric_name: metric,
    current_value: current === null ? null : roundValue(current),
    previous_value: previous === null ? null : roundValue(previous),
    change_percent: roundOrNull(change, 2),
    direction,
    is_significant: large && isSignificant(test, t.significance_level),
    p_value: test.p_value === null ? null : roundRate(test.p_value),
    test: test.test,
  };
}

export function computeTrends(scope: ScopeStats, complete: CompleteDays, t: Thresholds): TrendSet {
  const { current: cur, previous: prev } = scope;
  return {
    cost_trend: buildTrend('cost', cur.cost_usd, prev.cost_usd, costTest(scope, complete), t, roundMoney),
    performance_trend: buildTrend('avg_duration_ms', cur.avg_duration_ms, prev.avg_duration_ms, durationTest(scope), t, roundMs),
    reliability_trend: buildTrend(
      'success_rate',
      successRate(cur.successes, cur.failures),
      successRate(prev.successes, prev.failures),
      successTest(scope),
      t,
      roundRate,
      'points',
    ),
    volume_trend: buildTrend('executions', cur.executions, prev.executions, volumeTest(scope, complete), t, (v) => v),
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
