import { describe, expect, it } from 'vitest';
import { detectPerformanceChange } from './detect-performance';
import { DEFAULT_THRESHOLDS as T } from '@/lib/schemas/thresholds';
import { ctx, scope, win } from '@/tests/support/insight-fixtures';

describe('performance_degradation (≥ 30% slower) and performance_improvement (≥ 30% faster)', () => {
  it.each([
    { name: '29.9% slower is nothing', cur: 1299, want: null },
    { name: 'exactly 30% slower degrades', cur: 1300, want: 'performance_degradation' },
    { name: '29.9% faster is nothing', cur: 701, want: null },
    { name: 'exactly 30% faster improves', cur: 700, want: 'performance_improvement' },
    { name: '19 runs are too few', cur: 2000, runs: 19, want: null },
  ])('$name', ({ cur, runs, want }) => {
    const s = scope({ previous: win({ avg_duration_ms: 1000 }), current: win({ avg_duration_ms: cur, executions: runs ?? 100 }) });
    expect(detectPerformanceChange(s, T, ctx())[0]?.type ?? null).toBe(want);
  });

  it('reads like the seed and carries both averages', () => {
    const s = scope({ previous: win({ avg_duration_ms: 1200 }), current: win({ avg_duration_ms: 1620 }) });
    expect(detectPerformanceChange(s, T, ctx())[0]).toMatchObject({
      severity: 'warning',
      title: 'Execution time increased by 35%',
      data: { previous_avg_ms: 1200, current_avg_ms: 1620, change_percent: 35 },
    });
    const faster = scope({ previous: win({ avg_duration_ms: 1000 }), current: win({ avg_duration_ms: 600 }) });
    expect(detectPerformanceChange(faster, T, ctx())[0]).toMatchObject({ severity: 'info', title: 'Execution time decreased by 40%' });
  });
});
