import jStat from 'jstat';
import { median } from 'simple-statistics';
import { memoMstl, MIN_DAYS, pointForecast, type Forecaster, type ForecastMethod } from './forecast-methods';
import { sum } from './math';

// Rolling-origin backtests of a method on the scope's own history, and what they measure:
// - accuracy: the absolute percentage error of each backtest's next-7-day sum → `confidence`;
// - calibration: the errors of the 1-, 7- and 30-day sums, normalised by the level before the
//   origin (error ÷ (horizon × mean daily cost of the 28 days before it)), give the width of the
//   intervals of those sums (split-conformal in spirit, with a normal/t shape because a scope
//   has only a handful of backtests: half-width = t(level, m) × RMS of the normalised errors).
// Origins: 4 for the 7-day horizon (3 days apart, the last one 7 days before the end) and 4 for
// the 30-day horizon (the last one 30 days before the end), each fitted on the days before it.
// When a horizon has fewer than 3 backtests, the interval comes from the dispersion of the days
// themselves: the prediction interval of a mean, σ ÷ level × √(1/h + 1/n).

export const HORIZONS = [1, 7, 30] as const;
export type Horizon = (typeof HORIZONS)[number];

const ORIGINS_PER_SET = 4;
const ORIGIN_STEP = 3;
const LEVEL_DAYS = 28;
const RECENT_FOR_CHOICE = 2;

export interface BacktestSet {
  /** Normalised errors of the h-day sums, per horizon. */
  errors: Record<Horizon, number[]>;
  /** Absolute percentage errors of the 7-day sums (0 when both sums are 0, 1 when only the actual is). */
  ape7: number[];
  /** The same, of the 4 most recent origins only (the method choice weighs the present). */
  recentApe7: number[];
}

export function level(y: readonly number[]): number {
  const recent = y.slice(-LEVEL_DAYS);
  return recent.length === 0 ? 0 : sum(recent) / recent.length;
}

function origins(n: number, horizon: number, minTrain: number): number[] {
  const out: number[] = [];
  for (let k = 0; k < ORIGINS_PER_SET; k++) {
    const o = n - horizon - k * ORIGIN_STEP;
    if (o >= Math.max(1, minTrain)) out.push(o);
  }
  return out;
}

export function runBacktests(method: ForecastMethod, y: readonly number[], mstl: Forecaster = memoMstl()): BacktestSet {
  const errors: Record<Horizon, number[]> = { 1: [], 7: [], 30: [] };
  const ape7: number[] = [];
  const recentApe7: number[] = [];
  const n = y.length;
  const minTrain = MIN_DAYS[method];
  if (method === 'none') return { errors, ape7, recentApe7 };
  const recent = origins(n, 7, minTrain);
  const set = [...new Set([...recent, ...origins(n, 30, minTrain)])];
  for (const o of set) {
    const train = y.slice(0, o);
    const ahead = Math.min(30, n - o);
    const pred = pointForecast(method, train, ahead, mstl);
    const lvl = level(train);
    for (const h of HORIZONS) {
      if (h > ahead) continue;
      const a = sum(y.slice(o, o + h));
      const p = sum(pred.slice(0, h));
      if (lvl > 0) errors[h].push((a - p) / (h * lvl));
      else if (a === 0 && p === 0) errors[h].push(0);
      if (h !== 7) continue;
      const e = a > 0 ? Math.abs(a - p) / a : p === 0 ? 0 : 1;
      ape7.push(e);
      if (recent.slice(0, RECENT_FOR_CHOICE).includes(o)) recentApe7.push(e);
    }
  }
  return { errors, ape7, recentApe7 };
}

/** 1 − median APE of the 7-day-ahead backtests, in [0, 1]; 0 when none could run. */
export function confidenceOf(bt: BacktestSet): number {
  if (bt.ape7.length === 0) return 0;
  return Math.min(1, Math.max(0, 1 - median(bt.ape7)));
}

/**
 * Half-width of the central `level` interval of an h-day sum, in units of (h × daily level).
 */
export function normalisedHalfWidth(bt: BacktestSet, y: readonly number[], h: Horizon, coverage: number): number {
  const own = bt.errors[h];
  const e = own.length >= 3 ? own : h === 30 && bt.errors[7].length >= 3 ? bt.errors[7] : null;
  const tail = (1 + coverage) / 2;
  if (e !== null) {
    const rms = Math.sqrt(sum(e.map((v) => v * v)) / e.length);
    return jStat.studentt.inv(tail, e.length) * rms;
  }
  const n = y.length;
  const lvl = level(y);
  if (n === 0 || lvl === 0) return 0;
  const mean = sum(y) / n;
  const sd = n >= 2 ? Math.sqrt(sum(y.map((v) => (v - mean) ** 2)) / (n - 1)) : lvl;
  const df = Math.max(1, n - 1);
  return jStat.studentt.inv(tail, df) * (sd / lvl) * Math.sqrt(1 / h + 1 / n);
}
