import { describe, expect, it } from 'vitest';
import { completeDays, computeCostForecast } from './forecast';
import { DEFAULT_THRESHOLDS as T } from '@/lib/schemas/thresholds';
import { days } from '@/tests/support/insight-fixtures';

describe('computeCostForecast (least-squares line over daily cost)', () => {
  it('a perfect line: exact projections and confidence 1', () => {
    // cost = day + 1 → $1 … $10; next day $11; next 7 days 11..17 = $98; next 30 days 11..40 = $765
    const f = computeCostForecast(days([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), T);
    expect(f).toEqual({
      current_daily_avg: 5.5,
      projected_daily: 11,
      projected_weekly: 98,
      projected_monthly: 765,
      trend: 'up',
      confidence: 1,
      method: 'least_squares_linear',
      days_used: 10,
    });
  });

  it('a flat, steady spend is fully predictable (R² could not say so)', () => {
    expect(computeCostForecast(days(Array(10).fill(5)), T)).toMatchObject({
      projected_daily: 5, projected_weekly: 35, projected_monthly: 150, trend: 'stable', confidence: 1,
    });
  });

  it('noise gets a low confidence', () => {
    // $1/$9 alternating: slope 0.2424, intercept 3.9091, residual SE 4.4039, mean 5 → 1 − 0.8808
    const f = computeCostForecast(days([1, 9, 1, 9, 1, 9, 1, 9, 1, 9]), T);
    expect(f.confidence).toBeCloseTo(0.1192, 4);
    expect(f.projected_daily).toBeCloseTo(6.333333, 5);
  });

  it('a falling line is clamped at $0, never negative', () => {
    const f = computeCostForecast(days([10, 8, 6, 4, 2]), T);
    expect(f).toMatchObject({ projected_daily: 0, projected_weekly: 0, projected_monthly: 0, trend: 'down' });
  });

  it('counts empty days as $0 (no division by active days only)', () => {
    const f = computeCostForecast(days([6, 0, 0, 6, 0, 0]), T);
    expect(f.current_daily_avg).toBe(2);
  });

  it.each([
    { name: 'no days', costs: [], want: { current_daily_avg: 0, projected_daily: 0, confidence: 0 } },
    { name: 'all-zero days', costs: [0, 0, 0, 0], want: { projected_monthly: 0, confidence: 0, trend: 'stable' } },
    { name: 'two days: flat average', costs: [2, 4], want: { projected_daily: 3, projected_weekly: 21, confidence: 0, method: 'daily_average' } },
  ])('$name', ({ costs, want }) => {
    expect(computeCostForecast(days(costs), T)).toMatchObject(want);
  });
});

describe('completeDays', () => {
  it('drops today (in progress) and the partial first day of a rolling window', () => {
    const series = days([1, 2, 3, 4, 5]); // 2024-01-01 … 2024-01-05, a 4-day window touches 5 dates
    expect(completeDays(series, 4, '2024-01-05').map((d) => d.cost_usd)).toEqual([2, 3, 4]);
    expect(completeDays(series, 5, '2024-02-01').map((d) => d.cost_usd)).toEqual([1, 2, 3, 4, 5]);
  });
});
