// Small numeric helpers shared by the engine. Every number that leaves the engine is finite:
// divisions by zero return null, never Infinity or NaN.

/** Float tolerance for threshold comparisons: 0.1 + 0.2 must count as ≥ 0.3. */
const EPS = 1e-9;

/** value ≥ threshold, tolerant of binary rounding (e.g. (13 − 10) / 10 × 100 = 30.000000000000004). */
export function atLeast(value: number, threshold: number): boolean {
  return value >= threshold - EPS * Math.max(1, Math.abs(threshold));
}

/** value > threshold, with the same tolerance (rounding noise never tips it over). */
export function greaterThan(value: number, threshold: number): boolean {
  return value > threshold + EPS * Math.max(1, Math.abs(threshold));
}

export function round(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return 0;
  const f = 10 ** decimals;
  const r = Math.round((value + Math.sign(value) * Number.EPSILON * Math.abs(value)) * f) / f;
  return Object.is(r, -0) ? 0 : r;
}

export const roundMoney = (v: number): number => round(v, 6);
export const roundPercent = (v: number): number => round(v, 2);
/** Fractions (rates, shares, confidence). */
export const roundRate = (v: number): number => round(v, 4);
export const roundMs = (v: number): number => round(v, 2);

export function roundOrNull(v: number | null, decimals: number): number | null {
  return v === null ? null : round(v, decimals);
}

export function safeDiv(a: number, b: number): number | null {
  return b === 0 || !Number.isFinite(a) || !Number.isFinite(b) ? null : a / b;
}

/**
 * Percent change from previous to current. Undefined (null) when previous is 0 or unknown:
 * growth from nothing has no percentage. Both 0 is no change (0).
 */
export function percentChange(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null) return null;
  if (previous === 0) return current === 0 ? 0 : null;
  return ((current - previous) / Math.abs(previous)) * 100;
}

/** Success rate = successes ÷ (successes + failures); cancelled runs decide nothing. */
export function successRate(successes: number, failures: number): number | null {
  return safeDiv(successes, successes + failures);
}

/**
 * A percent (45, 12.5) as "45%" / "12.5%" (lib/format.ts formatRatioAsPercent takes a ratio): one
 * decimal, truncated toward zero so a title never shows a crossed threshold.
 */
export function formatPercent(value: number): string {
  const t = Math.trunc(Math.abs(value) * 10 + 1e-6) / 10;
  return `${Number.isInteger(t) ? t.toFixed(0) : t.toFixed(1)}%`;
}

export function formatUsd(value: number): string {
  return `$${value.toFixed(2)}`;
}

export function formatMs(value: number): string {
  return value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${Math.round(value)} ms`;
}

export function sum(values: readonly number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}
