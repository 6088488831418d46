import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS as T } from '@/lib/schemas/thresholds';
import { computeChangePercents, computeTrends } from './trends';
import { days, scope, win } from '@/tests/support/insight-fixtures';

describe('cost trend (Welch on daily cost)', () => {
  it('a clear, consistent rise is significant', () => {
    const s = scope({ previous: win({ cost_usd: 70 }), current: win({ cost_usd: 105 }), days: days([14, 16, 15, 14, 16, 15, 15]) });
    const t = computeTrends(s, days([10, 9, 11, 10, 10, 11, 9]), T).cost_trend;
    expect(t).toMatchObject({ metric_name: 'cost', current_value: 105, previous_value: 70, change_percent: 50, direction: 'up', is_significant: true, test: 'welch_t_test_daily_cost' });
  });
  it('a 12% change buried in day-to-day noise is not significant', () => {
    const s = scope({ previous: win({ cost_usd: 100 }), current: win({ cost_usd: 112 }), days: days([2, 30, 5, 25, 20, 10, 20]) });
    const t = computeTrends(s, days([25, 3, 20, 4, 30, 8, 10]), T).cost_trend;
    expect(t.change_percent).toBe(12);
    expect(t.is_significant).toBe(false);
    expect(t.p_value).toBeGreaterThan(0.05);
  });
  it('zero previous cost: change is null, direction still says up, nothing is Infinity', () => {
    const s = scope({ previous: win({ cost_usd: 0 }), current: win({ cost_usd: 5 }) });
    const t = computeTrends(s, [], T).cost_trend;
    expect(t.change_percent).toBeNull();
    expect(t.direction).toBe('up');
    expect(t.is_significant).toBe(false); // no daily series: the test cannot run
    expect(JSON.stringify(t)).not.toMatch(/Infinity|NaN/);
  });
});

describe('direction: stable below 5%', () => {
  it.each([
    { cur: 104.9, want: 'stable' },
    { cur: 105, want: 'up' },
    { cur: 95.1, want: 'stable' },
    { cur: 95, want: 'down' },
  ])('100 → $cur executions: $want', ({ cur, want }) => {
    const s = scope({ previous: win({ executions: 100 }), current: win({ executions: cur }) });
    expect(computeTrends(s, [], T).volume_trend.direction).toBe(want);
  });
});

describe('performance trend (Welch on per-execution durations)', () => {
  it.each([
    // mean 1100 sd 200 n 50 vs 1000 sd 150 n 40: t = 2.709, p = 0.0081 (scipy)
    { cur: 1100, want: true },
    { cur: 1099, want: false }, // 9.9%: below the 10% a significant change needs
  ])('avg $cur ms vs 1000 ms → significant: $want', ({ cur, want }) => {
    const s = scope({
      previous: win({ executions: 40, avg_duration_ms: 1000, duration_stddev_ms: 150 }),
      current: win({ executions: 50, avg_duration_ms: cur, duration_stddev_ms: 200 }),
    });
    const t = computeTrends(s, [], T).performance_trend;
    expect(t.is_significant).toBe(want);
    expect(t.p_value).toBeLessThan(0.05);
  });
});

describe('reliability trend (two-proportion z-test) and volume trend', () => {
  it('success rate 95% → 90% over 1000 runs each', () => {
    const s = scope({ previous: win({ executions: 1000, failures: 50 }), current: win({ executions: 1000, failures: 100 }) });
    expect(computeTrends(s, [], T).reliability_trend).toMatchObject({
      metric_name: 'success_rate', current_value: 0.9, previous_value: 0.95, change_percent: -5.26, direction: 'down', is_significant: false,
    }); // −5.26% relative is below the 10% needed, although the z-test is significant
  });
  it('volume uses the Poisson test without daily series, Welch with them', () => {
    const s = scope({ previous: win({ executions: 100 }), current: win({ executions: 200 }) });
    expect(computeTrends(s, [], T).volume_trend).toMatchObject({ test: 'poisson_rate_test', is_significant: true, change_percent: 100 });
    const withDays = scope({ ...s, days: days([20, 40, 25, 35, 30, 20, 30]) });
    expect(computeTrends(withDays, days([15, 14, 16, 15, 14, 13, 13]), T).volume_trend.test).toBe('welch_t_test_daily_executions');
  });
  it('summary change figures: cost %, duration % (positive = slower), relative success-rate %', () => {
    const s = scope({
      previous: win({ cost_usd: 10, avg_duration_ms: 1000, executions: 100, failures: 10 }),
      current: win({ cost_usd: 15, avg_duration_ms: 948, executions: 100, failures: 7 }),
    });
    expect(computeChangePercents(s)).toEqual({ cost_change_percent: 50, performance_change_percent: -5.2, reliability_change_percent: 3.33 });
    expect(computeChangePercents(scope({ previous: win({ cost_usd: 0 }) })).cost_change_percent).toBeNull();
  });
});
