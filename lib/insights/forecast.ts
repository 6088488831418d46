import type { CostForecast } from '@/lib/schemas/insights';
import { listDays } from './buckets';
import { confidenceOf, level, normalisedHalfWidth, runBacktests, type BacktestSet, type Horizon } from './forecast-backtest';
import { memoMstl, methodFor, pointForecast, type Forecaster, type ForecastMethod } from './forecast-methods';
import { atLeast, roundMoney, roundRate, sum } from './math';
import type { Thresholds } from '@/lib/schemas/thresholds';
import type { DayBucket } from './types';

// Cost forecast (API.md "Forecast"). Input: the scope's complete local days of the last 90
// (./forecast-history.ts trims the days before its first execution), independent of the
// request's `days`. Method by history length (./forecast-methods.ts); intervals and confidence
// from rolling-origin backtests of that method on the same history (./forecast-backtest.ts).
//   current_daily_avg  mean of the last 7 complete days
//   projected_*        sums of the next 1 / 7 / 30 point forecasts (never negative)
//   interval_80/95     intervals of those sums (not sums of daily bounds)
//   daily              the next 30 days with their 80% band
//   trend              next 7 days vs the last 7 complete days; stable below 5%

export const FORECAST_DAYS = 30;
const DAY_MS = 86_400_000;
const SWITCH_MARGIN = 0.95;

const nextDate = (date: string, k: number) => new Date(Date.parse(`${date}T00:00:00Z`) + k * DAY_MS).toISOString().slice(0, 10);

/** The complete days the forecast learns from: from the first day with an execution. */
export function forecastHistory(days: readonly DayBucket[]): DayBucket[] {
  const first = days.findIndex((d) => d.executions > 0 || d.cost_usd > 0);
  return first < 0 ? [] : days.slice(first);
}

function interval(point: number, halfWidth: number) {
  return { lower: roundMoney(Math.max(0, point - halfWidth)), upper: roundMoney(point + halfWidth) };
}

/**
 * The method for this history. From 14 days the candidates compete on their 4 most recent
 * 7-day-ahead backtests: seasonal naive is the default, and a more elaborate candidate replaces
 * the current best only when its mean APE is ≥ 5% lower (four backtests are a small sample;
 * without the margin the choice would chase noise).
 */
function chooseMethod(y: readonly number[], mstl: Forecaster): { method: ForecastMethod; bt: BacktestSet } {
  const first = methodFor(y.length);
  if (first !== 'mstl_ets') return { method: first, bt: runBacktests(first, y, mstl) };
  const candidates: ForecastMethod[] = ['seasonal_naive', 'daily_average', 'mstl_ets', 'mstl_ets_naive_mean'];
  const err = (bt: BacktestSet) => (bt.recentApe7.length === 0 ? Infinity : sum(bt.recentApe7) / bt.recentApe7.length);
  let best = { method: candidates[0], bt: runBacktests(candidates[0], y, mstl) };
  for (const m of candidates.slice(1)) {
    const bt = runBacktests(m, y, mstl);
    if (err(bt) < err(best.bt) * SWITCH_MARGIN) best = { method: m, bt };
  }
  return best;
}

/**
 * `history`: complete local days, oldest first, ending yesterday (zero-filled, see
 * forecastHistory); `today`: the first day forecast (`YYYY-MM-DD`, local).
 */
export function computeCostForecast(history: readonly DayBucket[], today: string, t: Thresholds): CostForecast {
  const y = history.map((d) => d.cost_usd);
  const n = y.length;
  const mstl = memoMstl();
  const { method, bt } = chooseMethod(y, mstl);
  const points = pointForecast(method, y, FORECAST_DAYS, mstl);
  const lvl = level(y);
  const width = (h: Horizon, coverage: number) => normalisedHalfWidth(bt, y, h, coverage) * h * lvl;
  const sums = { daily: sum(points.slice(0, 1)), weekly: sum(points.slice(0, 7)), monthly: sum(points) };
  const bands = (coverage: number) => ({
    daily: interval(sums.daily, width(1, coverage)),
    weekly: interval(sums.weekly, width(7, coverage)),
    monthly: interval(sums.monthly, width(30, coverage)),
  });
  const day80 = width(1, 0.8);
  const last7 = y.slice(-7);
  const currentAvg = last7.length === 0 ? 0 : sum(last7) / last7.length;
  const change = currentAvg > 0 ? ((sums.weekly - currentAvg * 7) / (currentAvg * 7)) * 100 : sums.weekly > 0 ? Infinity : 0;
  const dates = listDays(today, nextDate(today, FORECAST_DAYS - 1));
  return {
    current_daily_avg: roundMoney(currentAvg),
    projected_daily: roundMoney(sums.daily),
    projected_weekly: roundMoney(sums.weekly),
    projected_monthly: roundMoney(sums.monthly),
    interval_80: bands(0.8),
    interval_95: bands(0.95),
    daily: points.map((p, i) => ({
      date: dates[i],
      point: roundMoney(p),
      lower_80: roundMoney(Math.max(0, p - day80)),
      upper_80: roundMoney(p + day80),
    })),
    trend: atLeast(Math.abs(change), t.trend_stable_percent) ? (change > 0 ? 'up' : 'down') : 'stable',
    confidence: roundRate(confidenceOf(bt)),
    method,
    days_used: n,
  };
}
