import { expect } from 'vitest';

// Test helper: asserts two answers are the same — counts, money and every other number exact
// (up to float8 noise, 1e-9 relative, for averages and standard deviations computed in numeric),
// percentiles within the histogram's relative error (1%). Returns how many numbers it compared,
// so a test can insist it compared something.

const PERCENTILE = /(^|_)p(50|95|99)(_|$)/;
const NOISY = /avg|stddev|mttr|per_1k|latency|_ms$|percent|rate|projected|trend|confidence|savings|slope/;

export function expectSameAnswer(rollup: unknown, raw: unknown, path = '$', counter = { n: 0 }): number {
  if (typeof raw === 'number' && typeof rollup === 'number') {
    counter.n += 1;
    const key = path.slice(path.lastIndexOf('.') + 1);
    if (PERCENTILE.test(key)) {
      expect(Math.abs(rollup - raw), `${path}: ${rollup} vs ${raw}`).toBeLessThanOrEqual(0.01 * Math.abs(raw) + 1e-9);
    } else if (NOISY.test(key)) {
      expect(Math.abs(rollup - raw), `${path}: ${rollup} vs ${raw}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(raw)));
    } else {
      expect(rollup, path).toBe(raw);
    }
    return counter.n;
  }
  if (Array.isArray(raw)) {
    expect(Array.isArray(rollup) && rollup.length, `${path}.length`).toBe(raw.length);
    raw.forEach((v, i) => expectSameAnswer((rollup as unknown[])[i], v, `${path}.${i}`, counter));
    return counter.n;
  }
  if (raw !== null && typeof raw === 'object') {
    expect(rollup !== null && typeof rollup === 'object', path).toBe(true);
    const keys = new Set([...Object.keys(raw), ...Object.keys(rollup as object)]);
    for (const k of keys) expectSameAnswer((rollup as Record<string, unknown>)[k], (raw as Record<string, unknown>)[k], `${path}.${k}`, counter);
    return counter.n;
  }
  expect(rollup, path).toEqual(raw);
  return counter.n;
}
