import { describe, expect, it } from 'vitest';
import type { CostForecast, TimeseriesBucket } from '@/lib/schemas/insights';
import { addDays, costRows, errorRows, failureRows, latencyRows, totals } from './series';

const bucket = (date: string, executions: number, failures: number, cost: number, avg: number | null, cancelled = 0): TimeseriesBucket => ({
  date, executions, failures, cancelled, cost_usd: cost, avg_duration_ms: avg, p50_duration_ms: avg, p95_duration_ms: avg, p99_duration_ms: avg,
});

describe('chart rows', () => {
  it('adds days as text across month and year ends', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });

  const band = { lower: 0, upper: 0 };
  const forecast = (daily: { date: string; point: number; lower_80: number; upper_80: number }[], days_used = 20): CostForecast => ({
    current_daily_avg: 5, projected_daily: daily[0]?.point ?? 0, projected_weekly: 0, projected_monthly: 0,
    interval_80: { daily: band, weekly: band, monthly: band }, interval_95: { daily: band, weekly: band, monthly: band },
    daily, trend: 'up', confidence: 0.8, method: 'mstl_ets', days_used,
  });

  it("lays the report's daily forecast and its 80% band on today and the days after, recomputing nothing", () => {
    const buckets = [bucket('2026-11-26', 10, 0, 5, 100), bucket('2026-11-27', 10, 0, 6, 100), bucket('2026-11-28', 4, 0, 2, 100)];
    const daily = Array.from({ length: 30 }, (_, i) => ({ date: addDays('2026-11-28', i), point: 7 + i, lower_80: 5 + i, upper_80: 10 + i }));
    const rows = costRows(buckets, forecast(daily));
    expect(rows).toHaveLength(32);
    expect(rows[1]).toMatchObject({ date: '2026-11-27', cost: 6, forecast: null, band_low: null });
    expect(rows[2]).toMatchObject({ date: '2026-11-28', cost: 2, forecast: 7, band_low: 5, band_width: 5 });
    expect(rows[31]).toMatchObject({ date: '2026-12-27', cost: null, forecast: 36, band_low: 34, band_width: 5 });
  });

  it('draws no forecast without a complete day', () => {
    const rows = costRows([bucket('2026-11-28', 1, 0, 1, 1)], forecast([], 0));
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
    const daily = Array.from({ length: 30 }, (_, i) => ({ date: addDays('2026-11-28', i), point: 7, lower_80: 5, upper_80: 9 }));
    const rows = costRows(buckets, forecast(daily));
    expect(rows.map((r) => Boolean(r.partial))).toEqual([true, false, true, ...Array(29).fill(false)]);
  });

  it('leaves a gap, not a zero, where a day had no executions', () => {
    expect(failureRows([bucket('2026-11-28', 0, 0, 0, null)])[0].failure_rate).toBeNull();
    expect(failureRows([bucket('2026-11-28', 8, 2, 0, 5)])[0].failure_rate).toBe(0.25);
  });

  it('one failure rate: failed ÷ (success + failed); cancelled runs are shown apart', () => {
    // 10 runs: 6 success, 2 failed, 2 cancelled → 2 ÷ 8, not 2 ÷ 10
    expect(failureRows([bucket('2026-11-28', 10, 2, 0, 5, 2)])[0]).toMatchObject({ failure_rate: 0.25, cancelled: 2 });
    expect(failureRows([bucket('2026-11-28', 3, 0, 0, 5, 3)])[0].failure_rate).toBeNull(); // nothing decided
    expect(totals([bucket('a', 10, 2, 1, 100, 2), bucket('b', 10, 0, 1, 100, 0)])).toMatchObject({ failures: 2, cancelled: 2, failure_rate: 2 / 18 });
  });

  it('weights the average duration by executions', () => {
    const t = totals([bucket('a', 1, 0, 1, 100), bucket('b', 3, 1, 2, 200), bucket('c', 0, 0, 0, null)]);
    expect(t).toEqual({ executions: 4, failures: 1, cancelled: 0, cost_usd: 3, failure_rate: 0.25, avg_duration_ms: 175 });
  });

  it('lists error types most frequent first with their share', () => {
    expect(errorRows({ timeout: 1, api_error: 3 })).toEqual([
      { error_type: 'api_error', failures: 3, share: 0.75 },
      { error_type: 'timeout', failures: 1, share: 0.25 },
    ]);
    expect(errorRows({})).toEqual([]);
  });
});
