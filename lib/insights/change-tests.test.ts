import { describe, expect, it } from 'vitest';
import { computeWindows, emptyBucket, windowDayLabels } from './buckets';
import { completeDaysOf, costTest } from './change-tests';
import { computeTrends } from './trends';
import { DEFAULT_THRESHOLDS as T } from '@/lib/schemas/thresholds';
import { scope, win } from '@/tests/support/insight-fixtures';

// At noon (the injected NOW) both windows start and end mid-day: their first and last days hold
// half a day of runs. The daily tests must read only the complete days.
const NOON = '2024-01-31T12:00:00.000Z';

/** One run an hour at `perRun` dollars over a window's days; partial days get their half. */
function hourly(days: number, which: 'current' | 'previous', perRun: number, runsPerHour = 1) {
  const w = computeWindows(NOON, days)[which];
  return windowDayLabels(w, 'UTC').map((date, i, all) => {
    const hours = i === 0 || i === all.length - 1 ? 12 : 24;
    return { ...emptyBucket(date), executions: hours * runsPerHour, cost_usd: hours * runsPerHour * perRun, avg_duration_ms: 1000 };
  });
}

describe('tests on complete days only (noon)', () => {
  it('a noiseless +30% cost rise with days=7 is significant (the half days are left out)', () => {
    const s = scope({
      current: win({ cost_usd: 168 * 0.13, executions: 168 }), previous: win({ cost_usd: 168 * 0.1, executions: 168 }),
      days: hourly(7, 'current', 0.13), previous_days: hourly(7, 'previous', 0.1),
    });
    const c = completeDaysOf(NOON, 7, 'UTC');
    expect(c.current.size).toBe(6);
    expect(c.previous.size).toBe(6);
    const t = computeTrends(s, c, T).cost_trend;
    expect(t).toMatchObject({ change_percent: 30, is_significant: true, test: 'welch_t_test_daily_cost', p_value: 0 });
  });

  it('a doubling with days=1 (no complete day on either side) is significant per execution', () => {
    // 4 runs an hour: 96 × $0.20 against 96 × $0.10; Σc² = 96 × 0.04 and 96 × 0.01
    const s = scope({
      current: win({ cost_usd: 96 * 0.2, executions: 96 }), previous: win({ cost_usd: 96 * 0.1, executions: 96 }),
      days: hourly(1, 'current', 0.2, 4), previous_days: hourly(1, 'previous', 0.1, 4),
      cost_sq_usd: { current: 96 * 0.04, previous: 96 * 0.01 },
    });
    const c = completeDaysOf(NOON, 1, 'UTC');
    expect(c.current.size).toBe(0);
    const test = costTest(s, c);
    expect(test.test).toBe('compound_poisson_execution_cost');
    // z = 9.6 ÷ √4.8 = 4.38
    expect(test.statistic).toBeCloseTo(4.38, 2);
    expect(computeTrends(s, c, T).cost_trend).toMatchObject({ change_percent: 100, is_significant: true });
  });

  it('the old samples (partial days included) would not have been decisive', () => {
    // With the half days in, the same +30% reads as noisy: the reason for the rule.
    const s = scope({ days: hourly(7, 'current', 0.13), previous_days: hourly(7, 'previous', 0.1) });
    const all = { current: new Set(s.days.map((d) => d.date)), previous: new Set(s.previous_days!.map((d) => d.date)) };
    expect(costTest(s, all).p_value).toBeGreaterThan(0.05);
  });
});
