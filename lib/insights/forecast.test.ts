import { describe, expect, it } from 'vitest';
import type { CostForecast } from '@/lib/schemas/insights';
import { CostForecast as CostForecastSchema } from '@/lib/schemas/insights';
import { buildReport } from './build';
import { computeCostForecast, forecastHistory } from './forecast';
import { DEFAULT_THRESHOLDS as T } from '@/lib/schemas/thresholds';
import { days, input, scope } from '@/tests/support/insight-fixtures';

// The cases of issue 13's "Why", each asserting the contract's fields (API.md "Forecast").
const TODAY = '2024-03-01';
const sum = (a: readonly number[]) => a.reduce((x, y) => x + y, 0);

/** Every contract rule that holds for any forecast. */
function expectWellFormed(f: CostForecast) {
  expect(CostForecastSchema.parse(f)).toEqual(f);
  for (const v of [f.projected_daily, f.projected_weekly, f.projected_monthly]) expect(v).toBeGreaterThanOrEqual(0);
  for (const band of [f.interval_80, f.interval_95]) {
    expect(band.daily.lower).toBeLessThanOrEqual(f.projected_daily + 1e-6);
    expect(band.daily.upper).toBeGreaterThanOrEqual(f.projected_daily - 1e-6);
    expect(band.weekly.lower).toBeLessThanOrEqual(f.projected_weekly + 1e-6);
    expect(band.weekly.upper).toBeGreaterThanOrEqual(f.projected_weekly - 1e-6);
    expect(band.monthly.lower).toBeLessThanOrEqual(f.projected_monthly + 1e-6);
    expect(band.monthly.upper).toBeGreaterThanOrEqual(f.projected_monthly - 1e-6);
  }
  expect(f.interval_95.monthly.upper).toBeGreaterThanOrEqual(f.interval_80.monthly.upper - 1e-6);
  expect(f.daily).toHaveLength(30);
  expect(f.daily[0].date).toBe(TODAY);
  expect(f.daily[29].date).toBe('2024-03-30');
  expect(sum(f.daily.map((d) => d.point))).toBeCloseTo(f.projected_monthly, 4);
  for (const d of f.daily) expect(d.lower_80 <= d.point + 1e-6 && d.point <= d.upper_80 + 1e-6 && d.lower_80 >= 0).toBe(true);
  expect(f.confidence).toBeGreaterThanOrEqual(0);
  expect(f.confidence).toBeLessThanOrEqual(1);
}

// A perfectly regular week: weekdays $100, weekends $20 (2024-01-01 is a Monday).
const WEEK = [100, 100, 100, 100, 100, 20, 20];
const regular = (offset: number, n: number) => Array.from({ length: n }, (_, i) => WEEK[(i + offset) % 7]);

describe('computeCostForecast: a regular week, whatever weekday the history ends on', () => {
  it.each([0, 1, 2, 3, 4, 5, 6].map((offset) => ({ offset })))('29 complete days starting at weekday offset $offset', ({ offset }) => {
    const y = regular(offset, 29 + 30);
    const f = computeCostForecast(days(y.slice(0, 29)), TODAY, T);
    expectWellFormed(f);
    // The next 30 days truly cost 2,200–2,360 depending on the weekday; the forecast is exact.
    const truth = sum(y.slice(29));
    expect(truth).toBeGreaterThanOrEqual(2200);
    expect(truth).toBeLessThanOrEqual(2360);
    expect(f.projected_monthly).toBeCloseTo(truth, 2);
    expect(f.projected_weekly).toBeCloseTo(540, 2);
    expect(f).toMatchObject({ trend: 'stable', confidence: 1, days_used: 29 });
    expect(f.current_daily_avg).toBeCloseTo(540 / 7, 5);
  });
});

describe('computeCostForecast: the other cases of the issue', () => {
  it.each([
    // The old line reached $0 in two days "with confidence 1": a short history gets the recent
    // average, and no confidence until a backtest could measure one.
    { name: 'falling [13, 11, 9, 7, 5]', costs: [13, 11, 9, 7, 5], method: 'daily_average', daily: 9, monthly: 270, confidence: 0 },
    { name: '[1, 2, 3]: not $555 a month', costs: [1, 2, 3], method: 'daily_average', daily: 2, monthly: 60, confidence: 0 },
    { name: 'a new organisation of 3 days', costs: [5, 6, 7], method: 'daily_average', daily: 6, monthly: 180, confidence: 0 },
    { name: 'one day', costs: [4], method: 'daily_average', daily: 4, monthly: 120, confidence: 0 },
    { name: 'no complete day: zeros', costs: [], method: 'none', daily: 0, monthly: 0, confidence: 0 },
  ])('$name', ({ costs, method, daily, monthly, confidence }) => {
    const f = computeCostForecast(days(costs), TODAY, T);
    expectWellFormed(f);
    expect(f).toMatchObject({ method, projected_daily: daily, confidence, days_used: costs.length });
    expect(f.projected_monthly).toBeCloseTo(monthly, 6);
  });

  it('a single spike in six days: a run rate, not $1,943 a month', () => {
    const f = computeCostForecast(days([10, 10, 10, 10, 10, 30]), TODAY, T);
    expectWellFormed(f);
    expect(f.projected_monthly).toBeGreaterThanOrEqual(300);
    expect(f.projected_monthly).toBeLessThanOrEqual(400);
  });

  it('a single spike in six regular weeks is not extrapolated', () => {
    const y = regular(0, 42);
    y[38] = 600; // a runaway day in the last week
    const f = computeCostForecast(days(y), TODAY, T);
    expectWellFormed(f);
    const truth = sum(regular(42 % 7, 30));
    expect(Math.abs(f.projected_monthly - truth) / truth).toBeLessThan(0.1);
  });

  it('zero spend on every day: a forecast of $0 that its backtests confirm', () => {
    const f = computeCostForecast(days(Array(20).fill(0), { executions: 5 }), TODAY, T);
    expectWellFormed(f);
    expect(f).toMatchObject({ projected_daily: 0, projected_weekly: 0, projected_monthly: 0, trend: 'stable', confidence: 1 });
    expect(f.interval_95.monthly).toEqual({ lower: 0, upper: 0 });
  });

  it('a growing weekly series trends up, with intervals that widen with the horizon', () => {
    const y = regular(0, 63).map((v, i) => v * (1 + 0.02 * i));
    const f = computeCostForecast(days(y), TODAY, T);
    expectWellFormed(f);
    expect(f.trend).toBe('up');
    expect(f.interval_80.monthly.upper - f.interval_80.monthly.lower).toBeGreaterThan(f.interval_80.weekly.upper - f.interval_80.weekly.lower);
  });
});

describe('forecastHistory', () => {
  it('starts at the first day with an execution (days before the organisation existed are not $0 days)', () => {
    const h = forecastHistory([...days([0, 0], { executions: 0 }, '2024-01-01'), ...days([3, 0, 4], {}, '2024-01-03')]);
    expect(h.map((d) => d.date)).toEqual(['2024-01-03', '2024-01-04', '2024-01-05']);
    expect(forecastHistory(days([0, 0], { executions: 0 }))).toEqual([]);
  });
});

describe('the report: one forecast, whatever `days`', () => {
  it('days=1 and days=30 give the same forecast (it is fitted on the history, not the window)', () => {
    const history = days(regular(2, 40), {}, '2024-01-21');
    const report = (d: number) => buildReport(input({ days: d, now: '2024-03-01T12:00:00.000Z', scope: scope(), cost_history: history })).cost_forecast;
    const one = report(1);
    expect(one).toEqual(report(30));
    expect(one?.projected_monthly).toBeGreaterThan(0);
    expect(one?.daily[0].date).toBe('2024-03-01');
  });
});
