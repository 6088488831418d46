import { describe, expect, it } from 'vitest';
import { detectPeakHours, detectUsageChange } from './detect-usage';
import { DEFAULT_THRESHOLDS as T } from '@/lib/schemas/thresholds';
import { ctx, scope, win } from '@/tests/support/insight-fixtures';

describe('usage_surge / usage_drop: executions ±50%', () => {
  it.each([
    { prev: 100, cur: 149, want: null },
    { prev: 100, cur: 150, want: 'usage_surge' },
    { prev: 100, cur: 51, want: null },
    { prev: 100, cur: 50, want: 'usage_drop' },
    { prev: 19, cur: 100, want: null }, // too few in the previous window
    { prev: 40, cur: 19, want: null }, // too few in the current window
    { prev: 40, cur: 20, want: 'usage_drop' },
  ])('$prev → $cur: $want', ({ prev, cur, want }) => {
    const s = scope({ previous: win({ executions: prev }), current: win({ executions: cur }) });
    expect(detectUsageChange(s, T, ctx())[0]?.type ?? null).toBe(want);
  });
});

describe('peak_hours: the 3 busiest hours hold ≥ 40% of ≥ 100 executions', () => {
  /** `total` executions, `peak` of them spread over hours 9, 10, 11, the rest evenly elsewhere. */
  function hours(total: number, peak: number): number[] {
    const h = Array.from({ length: 24 }, () => 0);
    [9, 10, 11].forEach((x, i) => (h[x] = Math.floor(peak / 3) + (i < peak % 3 ? 1 : 0)));
    const others = [...Array(24).keys()].filter((x) => x < 9 || x > 11);
    for (let i = 0; i < total - peak; i++) h[others[i % others.length]] += 1;
    return h;
  }
  it.each([
    { total: 100, peak: 39, want: 0 },
    { total: 100, peak: 40, want: 1 },
    { total: 99, peak: 60, want: 0 }, // too few executions for 24 buckets
  ])('$peak of $total → $want', ({ total, peak, want }) => {
    const found = detectPeakHours(hours(total, peak), T, ctx(), 'Europe/Paris');
    expect(found).toHaveLength(want);
    if (want) expect(found[0]).toMatchObject({ id: 'peak_hours:org:30d', data: { peak_share: 0.4, time_zone: 'Europe/Paris' } });
  });
});
