import { describe, expect, it } from 'vitest';
import { atLeast, formatPercent, greaterThan, percentChange, round, safeDiv, successRate } from './math';

describe('percentChange', () => {
  it.each([
    { cur: 15, prev: 10, want: 50 },
    { cur: 5, prev: 10, want: -50 },
    { cur: 0, prev: 0, want: 0 }, // nothing to nothing: no change
    { cur: 5, prev: 0, want: null }, // growth from nothing has no percentage
    { cur: null, prev: 10, want: null },
    { cur: 10, prev: null, want: null },
  ])('$prev → $cur = $want', ({ cur, prev, want }) => {
    expect(percentChange(cur, prev)).toBe(want);
  });
});

describe('threshold comparisons tolerate binary rounding', () => {
  it.each([
    { v: ((13 - 10) / 10) * 100, th: 30, want: true }, // 30.000000000000004
    { v: (0.7 - 1) * -100, th: 30, want: true },
    { v: 0.1 + 0.2, th: 0.3, want: true },
    { v: 29.9, th: 30, want: false },
    { v: 0.0999, th: 0.1, want: false },
  ])('atLeast($v, $th) = $want', ({ v, th, want }) => {
    expect(atLeast(v, th)).toBe(want);
  });
  it('greaterThan is strict', () => {
    expect(greaterThan(0.8, 0.8)).toBe(false);
    expect(greaterThan(0.8000001, 0.8)).toBe(true);
  });
});

describe('formatting and rounding', () => {
  it.each([
    { v: 44.96, want: '44.9%' }, // truncated: a title never shows a threshold that was not crossed
    { v: 99.96, want: '99.9%' },
    { v: 28.999999999999996, want: '29%' }, // 0.29 × 100
    { v: 50, want: '50%' },
    { v: -35, want: '35%' },
  ])('formatPercent($v) = $want', ({ v, want }) => {
    expect(formatPercent(v)).toBe(want);
  });
  it('rounds half away from zero and never returns NaN or -0', () => {
    expect(round(1.0000005, 6)).toBe(1.000001);
    expect(round(2.675, 2)).toBe(2.68);
    expect(round(Number.NaN, 2)).toBe(0);
    expect(Object.is(round(-0.0000001, 2), 0)).toBe(true);
  });
  it('divisions by zero are null, never Infinity', () => {
    expect(safeDiv(1, 0)).toBeNull();
    expect(successRate(0, 0)).toBeNull();
    expect(successRate(9, 1)).toBe(0.9);
  });
});
