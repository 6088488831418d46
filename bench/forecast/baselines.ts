import { linearRegression } from 'simple-statistics';
import { seasonalNaive } from '@/lib/insights/forecast-methods';

// The two forecasts the new method is measured against.

/** Same weekday last week (with less than a week of history: the mean of the days seen). */
export function seasonalNaiveForecast(y: readonly number[], horizon: number): number[] {
  if (y.length >= 7) return seasonalNaive(y, horizon);
  const avg = y.length === 0 ? 0 : y.reduce((a, b) => a + b, 0) / y.length;
  return Array(horizon).fill(avg);
}

/**
 * The forecast this replaces: a least-squares line through the complete days of the report's
 * default 30-day window (its last 29 complete days), clamped at ≥ 0; below 3 days the mean.
 */
export function oldLineForecast(y: readonly number[], horizon: number): number[] {
  const w = y.slice(-29);
  if (w.length < 3) {
    const avg = w.length === 0 ? 0 : w.reduce((a, b) => a + b, 0) / w.length;
    return Array(horizon).fill(avg);
  }
  const { m, b } = linearRegression(w.map((v, i) => [i, v]));
  return Array.from({ length: horizon }, (_, i) => Math.max(0, m * (w.length + i) + b));
}
