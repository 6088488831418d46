import { median } from 'simple-statistics';
import { mstlEtsForecast } from './forecast-mstl';
import { sum } from './math';

// The point-forecast methods, chosen by how many complete days of history a scope has:
//   ≥ 14 days  mstl_ets        MSTL (weekly period) + AutoETS trend (./forecast-mstl.ts)
//   7–13 days  seasonal_naive  each next day = the same weekday of the last week seen
//   1–6 days   daily_average   each next day = the mean of the days seen (of the last 28)
//   0 days     none            zeros
// From 14 days, four candidates compete on the scope's own backtests (lowest mean 7-day-ahead
// APE wins, MSTL on ties; ./forecast.ts): mstl_ets, seasonal_naive (a fresh level shift, a
// perfectly repeating week), daily_average (no weekly pattern, pure noise) and mstl_ets_naive_mean, the day-by-day mean of the two (a forecast
// combination: their errors are partly independent, so the mean is often better than either).
// Every method fits a copy of the history whose one-off spikes are capped (capSpikes), so a single
// runaway day is not extrapolated; the days themselves are left alone everywhere else.
// Every point is clamped at ≥ 0 (spend is never negative).

export const FORECAST_METHODS = ['mstl_ets', 'mstl_ets_naive_mean', 'seasonal_naive', 'daily_average', 'none'] as const;
export type ForecastMethod = (typeof FORECAST_METHODS)[number];

/** Complete days a method needs before it is used. */
export const MIN_DAYS: Record<ForecastMethod, number> = { mstl_ets: 14, mstl_ets_naive_mean: 14, seasonal_naive: 7, daily_average: 1, none: 0 };

export function methodFor(days: number): ForecastMethod {
  if (days >= MIN_DAYS.mstl_ets) return 'mstl_ets';
  if (days >= MIN_DAYS.seasonal_naive) return 'seasonal_naive';
  if (days >= MIN_DAYS.daily_average) return 'daily_average';
  return 'none';
}

/** Same weekday last week, repeated: the baseline every seasonal forecast must beat. */
export function seasonalNaive(y: readonly number[], horizon: number): number[] {
  const week = y.slice(-7);
  return Array.from({ length: horizon }, (_, i) => week[i % week.length]);
}

/** The mean of the last 28 days (all days when fewer). */
export function dailyAverage(y: readonly number[], horizon: number): number[] {
  const recent = y.slice(-28);
  const avg = recent.length === 0 ? 0 : sum(recent) / recent.length;
  return Array(horizon).fill(avg);
}

/**
 * Caps one-off high spikes before fitting: a day more than 5 robust standard deviations
 * (1.4826 × MAD of the deviations) above the median of the same weekday in the 2 weeks around
 * it (i ± 7, i ± 14) is set to that bound (with MAD = 0, to that median), when its neighbours
 * are not high too. Reference and rule are local so that a level shift (every day after it is
 * high) is not mistaken for spikes. Every method fits the capped copy; the backtests score them
 * against the days as they were.
 */
export function capSpikes(y: readonly number[]): number[] {
  const ref = y.map((v, i) => median([v, ...[-14, -7, 7, 14].map((k) => y[i + k]).filter((x) => x !== undefined)]));
  if (y.length < 8) return [...y];
  const dev = y.map((v, i) => v - ref[i]);
  const center = median(dev);
  // MAD = 0: most days sit exactly on their weekday's level, so a day above it is the exception.
  const scale = 1.4826 * median(dev.map((d) => Math.abs(d - center)));
  const bound = y.map((_, i) => ref[i] + 5 * scale);
  const high = y.map((v, i) => v > bound[i]);
  // Only an isolated day is a spike: two high days in a row are a change of level.
  return y.map((v, i) => (high[i] && !high[i - 1] && !high[i + 1] ? bound[i] : v));
}

export type Forecaster = (y: readonly number[], horizon: number) => number[];

/** MSTL forecasts memoised by history length (backtests of two candidates share the fits of one); seasonal naive where augurs finds no model. */
export function memoMstl(): Forecaster {
  const memo = new Map<number, number[]>();
  return (y, horizon) => {
    let f = memo.get(y.length);
    if (!f || f.length < horizon) memo.set(y.length, (f = mstlEtsForecast(y, horizon) ?? seasonalNaive(y, horizon)));
    return f.slice(0, horizon);
  };
}

/** The method's point forecasts, clamped at ≥ 0. `mstl` lets callers share fits (memoMstl). */
export function pointForecast(method: ForecastMethod, history: readonly number[], horizon: number, mstl: Forecaster = memoMstl()): number[] {
  const y = capSpikes(history);
  const raw =
    method === 'mstl_ets'
      ? mstl(y, horizon)
      : method === 'mstl_ets_naive_mean'
        ? mstl(y, horizon).map((v, i) => (v + seasonalNaive(y, horizon)[i]) / 2)
        : method === 'seasonal_naive'
          ? seasonalNaive(y, horizon)
          : method === 'daily_average'
            ? dailyAverage(y, horizon)
            : Array(horizon).fill(0);
  return raw.map((v) => Math.max(0, v));
}
