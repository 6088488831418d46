import type { CostForecast } from '@/lib/schemas/insights';
import { linearRegression } from 'simple-statistics';
import { atLeast, roundMoney, roundRate, sum } from './math';
import type { Thresholds } from '@/lib/schemas/thresholds';
import type { DayBucket } from './types';

// Cost forecast: an ordinary least-squares line through the daily costs (x = day index,
// y = that day's cost; days without executions count as $0 — they are real days with no spend).
//   projected_daily   = the line at the next day, clamped at ≥ 0
//   projected_weekly  = Σ of the clamped line over the next 7 days
//   projected_monthly = Σ over the next 30 days
// confidence = 1 − s ÷ ȳ, clamped to [0, 1], where s = √(Σ residual² ÷ (n − 2)) is the
// regression's standard error and ȳ the mean daily cost: how far, relative to a typical day, the
// days stray from the line. A perfect line gives 1 (a flat constant spend too, which R² cannot
// express); noise as large as the mean gives 0. Fewer than 3 days leaves no residual degree of
// freedom: the forecast is then the flat daily average with confidence 0 (method "daily_average").
// No spend at all: everything 0, confidence 0 (nothing to learn from).
// trend: up/down when the projected day differs from the current daily average by ≥ 5%.

export const FORECAST_METHOD = 'least_squares_linear';

/**
 * Only complete days are fitted: drop the first bucket when the series is longer than the window
 * (a rolling window starts mid-day), and `today` (still in progress) if it is the last bucket.
 */
export function completeDays(days: readonly DayBucket[], windowDays: number, today: string | null): DayBucket[] {
  // A rolling window touches windowDays + 1 dates when it starts mid-day: the first is partial.
  let out = days.length > windowDays ? days.slice(days.length - windowDays) : [...days];
  if (today !== null && out.length > 0 && out[out.length - 1].date === today) out = out.slice(0, -1);
  return out;
}

export function computeCostForecast(days: readonly DayBucket[], t: Thresholds): CostForecast {
  const y = days.map((d) => d.cost_usd);
  const n = y.length;
  const avg = n === 0 ? 0 : sum(y) / n;
  const flat = (method: string): CostForecast => ({
    current_daily_avg: roundMoney(avg),
    projected_daily: roundMoney(avg),
    projected_weekly: roundMoney(avg * 7),
    projected_monthly: roundMoney(avg * 30),
    trend: 'stable',
    confidence: 0,
    method,
    days_used: n,
  });
  if (n === 0 || avg === 0) return flat(FORECAST_METHOD);
  if (n < 3) return flat('daily_average');

  const { m, b } = linearRegression(y.map((v, i) => [i, v]));
  const line = (x: number) => Math.max(0, m * x + b);
  const sse = sum(y.map((v, i) => (v - (m * i + b)) ** 2));
  const stdError = Math.sqrt(sse / (n - 2));
  const confidence = Math.min(1, Math.max(0, 1 - stdError / avg));

  const next = (k: number) => sum(Array.from({ length: k }, (_, i) => line(n + i)));
  const projectedDaily = line(n);
  const change = ((projectedDaily - avg) / avg) * 100;
  return {
    current_daily_avg: roundMoney(avg),
    projected_daily: roundMoney(projectedDaily),
    projected_weekly: roundMoney(next(7)),
    projected_monthly: roundMoney(next(30)),
    trend: atLeast(Math.abs(change), t.trend_stable_percent) ? (change > 0 ? 'up' : 'down') : 'stable',
    confidence: roundRate(confidence),
    method: FORECAST_METHOD,
    days_used: n,
  };
}
