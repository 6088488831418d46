import { completeDayLabels, computeWindows } from './buckets';
import { poissonRateTest, twoProportionZTest, twoSidedNormal, welchTTest, welchTTestSamples, type TestResult } from './stats';
import type { DayBucket, ScopeStats, WindowStats } from './types';

// One test per metric, shared by the trends and the detectors so that a trend and a finding
// about the same metric and scope can never disagree (API.md "Statistics").
//   cost        Welch's t-test on the daily costs of the COMPLETE local days of both windows;
//               with < 3 complete days on a side, per execution: the compound-Poisson test of
//               the two totals, z = (C₁ − C₂) ÷ √(Σc₁² + Σc₂²) (equal exposure; it sees both a
//               change of volume and of cost per run)
//   volume      Welch's t-test on the daily execution counts of the complete days; with < 3 on a
//               side, the Poisson equal-exposure test of the two counts
//   duration    Welch's t-test on per-execution durations (mean, STDDEV_SAMP, n of each window)
//   success     two-proportion z-test on success ÷ (success + failed)

export interface ChangeTest extends TestResult {
  test: string;
}

export const MIN_COMPLETE_DAYS = 3;

/** The complete days of each window (partial first and last days left out). */
export interface CompleteDays {
  current: Set<string>;
  previous: Set<string>;
}

export function completeDaysOf(now: string, days: number, timeZone: string): CompleteDays {
  const w = computeWindows(now, days);
  return { current: new Set(completeDayLabels(w.current, timeZone)), previous: new Set(completeDayLabels(w.previous, timeZone)) };
}

function dailySides(s: ScopeStats, c: CompleteDays): [DayBucket[], DayBucket[]] | null {
  const cur = s.days.filter((d) => c.current.has(d.date));
  const prev = (s.previous_days ?? []).filter((d) => c.previous.has(d.date));
  return cur.length >= MIN_COMPLETE_DAYS && prev.length >= MIN_COMPLETE_DAYS ? [cur, prev] : null;
}

function compoundPoisson(c1: number, c2: number, sq1: number, sq2: number): TestResult {
  const v = sq1 + sq2;
  if (v <= 0) return c1 === c2 ? { p_value: 1, statistic: 0 } : { p_value: null, statistic: null };
  const z = (c1 - c2) / Math.sqrt(v);
  return { p_value: twoSidedNormal(z), statistic: z };
}

export function costTest(s: ScopeStats, c: CompleteDays): ChangeTest {
  const sides = dailySides(s, c);
  if (sides) return { ...welchTTestSamples(sides[0].map((d) => d.cost_usd), sides[1].map((d) => d.cost_usd)), test: 'welch_t_test_daily_cost' };
  const sq = s.cost_sq_usd;
  const r = sq ? compoundPoisson(s.current.cost_usd, s.previous.cost_usd, sq.current, sq.previous) : { p_value: null, statistic: null };
  return { ...r, test: 'compound_poisson_execution_cost' };
}

export function volumeTest(s: ScopeStats, c: CompleteDays): ChangeTest {
  const sides = dailySides(s, c);
  if (sides) return { ...welchTTestSamples(sides[0].map((d) => d.executions), sides[1].map((d) => d.executions)), test: 'welch_t_test_daily_executions' };
  return { ...poissonRateTest(s.current.executions, s.previous.executions), test: 'poisson_rate_test' };
}

const durationSummary = (w: WindowStats) =>
  w.avg_duration_ms === null || w.duration_stddev_ms === null ? null : { mean: w.avg_duration_ms, variance: w.duration_stddev_ms ** 2, n: w.executions };

export function durationTest(s: ScopeStats): ChangeTest {
  const a = durationSummary(s.current);
  const b = durationSummary(s.previous);
  return { ...(a && b ? welchTTest(a, b) : { p_value: null, statistic: null }), test: 'welch_t_test_execution_duration' };
}

export function successTest(s: ScopeStats): ChangeTest {
  const { current: x, previous: y } = s;
  return { ...twoProportionZTest(x.successes, x.successes + x.failures, y.successes, y.successes + y.failures), test: 'two_proportion_z_test' };
}
