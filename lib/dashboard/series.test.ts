import { describe, expect, it } from 'vitest';
import type { TimeseriesBucket } from '@/lib/schemas/insights';
import { addDays, costRows, errorRows, failureRows, latencyRows, totals } from './series';

const bucket = (date: string, executions: number, failures: number, cost: number, avg: number | null): TimeseriesBucket => ({
  date, executions, failures, cost_usd: cost, avg_duration_ms: avg, p50_duration_ms: avg, p95_duration_ms: avg, p99_duration_ms: avg,
});

describe('chart rows', () => {
  it('adds days as text across month and year ends', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });

  it('draws the forecast line from today over 7 days, its sum matching projected_weekly', () => {
    const buckets = [bucket('2026-11-26', 10, 0, 5, 100), bucket('2026-11-27', 10, 0, 6, 100), bucket('2026-11-28', 4, 0, 2, 100)];
    const rows = costRows(buckets, {
      current_daily_avg: 5, projected_daily: 7, projected_weekly: 70, projected_monthly: 300,
      trend: 'up', confidence: 0.8, method: 'least_squares_linear', days_used: 5,
    });
    expect(rows).toHaveLength(9);
    expect(rows[2]).toMatchObject({ date: '2026-11-28', cost: 2, forecast: 7 });
    expect(rows[8]).toMatchObject({ date: '2026-12-04', cost: null });
    const forecast = rows.slice(2).reduce((s, r) => s + (r.forecast as number), 0);
    expect(forecast).toBeCloseTo(70, 6);
  });

  it('draws no forecast from fewer than 3 days', () => {
    const rows = costRows([bucket('2026-11-28', 1, 0, 1, 1)], {
      current_daily_avg: 1, projected_daily: 1, projected_weekly: 7, projected_monthly: 30,
      trend: 'stable', confidence: 0, method: 'daily_average', days_used: 1,
    });
    expect(rows).toHaveLength(1);
    expect(rows[0].forecast).toBeNull();
  });

  it.each([
    { name: 'a week: the first and the last day', dates: ['2026-11-22', '2026-11-23', '2026-11-24', '2026-11-25'], partial: [true, false, false, true] },
    { name: 'two days: both', dates: ['2026-11-27', '2026-11-28'], partial: [true, true] },
    { name: 'one day: it', dates: ['2026-11-28'], partial: [true] },
    { name: 'no day: nothing', dates: [], partial: [] },
    { name: 'hours: not marked', dates: ['2026-11-28T13:00', '2026-11-28T14:00'], partial: [false, false] },
  ])('marks partial days ($name) on every daily chart', ({ dates, partial }) => {
    const buckets = dates.map((d) => bucket(d, 7, 1, 1, 100));
    expect(failureRows(buckets).map((r) => r.partial)).toEqual(partial);
    expect(latencyRows(buckets).map((r) => r.partial)).toEqual(partial);
    expect(costRows(buckets, null).map((r) => r.partial)).toEqual(partial);
  });

  it('the forecast days after today are not partial days; today is', () => {
    const buckets = [bucket('2026-11-26', 10, 0, 5, 100), bucket('2026-11-27', 10, 0, 6, 100), bucket('2026-11-28', 4, 0, 2, 100)];
    const rows = costRows(buckets, {
      current_daily_avg: 5, projected_daily: 7, projected_weekly: 70, projected_monthly: 300,
      trend: 'up', confidence: 0.8, method: 'least_squares_linear', days_used: 5,
    });
    expect(rows.map((r) => Boolean(r.partial))).toEqual([true, false, true, false, false, false, false, false, false]);
  });

  it('leaves a gap, not a zero, where a day had no executions', () => {
    expect(failureRows([bucket('2026-11-28', 0, 0, 0, null)])[0].failure_rate).toBeNull();
    expect(failureRows([bucket('2026-11-28', 8, 2, 0, 5)])[0].failure_rate).toBe(0.25);
  });

  it('weights the average duration by executions', () => {
    const t = totals([bucket('a', 1, 0, 1, 100), bucket('b', 3, 1, 2, 200), bucket('c', 0, 0, 0, null)]);
    expect(t).toEqual({ executions: 4, failures: 1, cost_usd: 3, failure_rate: 0.25, avg_duration_ms: 175 });
  });

  it('lists error types most frequent first with their share', () => {
    expect(errorRows({ timeout: 1, api_error: 3 })).toEqual([
      { error_type: 'api_error', failures: 3, share: 0.75 },
      { error_type: 'timeout', failures: 1, share: 0.25 },
    ]);
    expect(errorRows({})).toEqual([]);
  });
});
