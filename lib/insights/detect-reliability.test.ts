import { describe, expect, it } from 'vitest';
import { detectFailurePattern, detectReliabilityDrop } from './detect-reliability';
import { DEFAULT_THRESHOLDS as T } from '@/lib/schemas/thresholds';
import { ctx, scope, win } from '@/tests/support/insight-fixtures';

describe('failure_pattern: failed ÷ (success + failed) ≥ 10% warning, ≥ 25% critical', () => {
  it.each([
    { name: '9.9% is fine', failures: 99, want: null },
    { name: 'exactly 10% warns', failures: 100, want: 'warning' },
    { name: '24.9% warns', failures: 249, want: 'warning' },
    { name: 'exactly 25% is critical', failures: 250, want: 'critical' },
  ])('$name', ({ failures, want }) => {
    const s = scope({ current: win({ executions: 1000, failures }) });
    expect(detectFailurePattern(s, T, ctx())[0]?.severity ?? null).toBe(want);
  });

  it('cancelled runs are neither successes nor failures', () => {
    // 100 runs, 85 cancelled: 15 decided runs (3 failed) — too few to judge
    expect(detectFailurePattern(scope({ current: win({ executions: 100, cancelled: 85, failures: 3 }) }), T, ctx())).toEqual([]);
    // 40 runs, 20 cancelled, 2 of the 20 decided failed: exactly 10%
    expect(detectFailurePattern(scope({ current: win({ executions: 40, cancelled: 20, failures: 2 }) }), T, ctx())).toHaveLength(1);
  });

  it('matches the seed example', () => {
    const s = scope({
      pipeline_id: 'summarise',
      current: win({ executions: 150, failures: 42 }),
      by_error_type: { timeout: 12, validation_error: 5, api_error: 25, none: 0 },
    });
    const [i] = detectFailurePattern(s, T, ctx('summarise', 7));
    expect(i).toMatchObject({
      id: 'failure_pattern:pipeline=summarise:7d',
      pipeline_id: 'summarise',
      severity: 'critical',
      title: 'Critical failure rate: 28%',
      data: { failure_rate: 0.28, total_failures: 42 },
    });
    expect(Object.entries(i.data.by_error_type as object)).toEqual([['api_error', 25], ['timeout', 12], ['validation_error', 5]]);
    expect(i.recommendations[0]).toMatch(/Provider API errors/);
  });
});

describe('reliability: success rate down ≥ 5 points AND significant (two-proportion z-test, 95%)', () => {
  const run = (prevOk: number, prevN: number, curOk: number, curN: number) =>
    detectReliabilityDrop(
      scope({ previous: win({ executions: prevN, failures: prevN - prevOk }), current: win({ executions: curN, failures: curN - curOk }) }),
      T,
      ctx(),
    );
  it.each([
    { name: '4.9 points on 1000 runs: too small a drop', prevOk: 950, curOk: 901, n: 1000, want: 0 },
    { name: '5 points on 1000 runs (z = −4.24): fires', prevOk: 950, curOk: 900, n: 1000, want: 1 },
    { name: '5 points on 100 runs (p = 0.18): not significant', prevOk: 95, curOk: 90, n: 100, want: 0 },
    { name: '10 points on 20 runs: too few to be sure', prevOk: 20, curOk: 18, n: 20, want: 0 },
    { name: '19 runs: below the minimum', prevOk: 19, curOk: 5, n: 19, want: 0 },
    { name: 'an improvement never fires', prevOk: 900, curOk: 950, n: 1000, want: 0 },
  ])('$name', ({ prevOk, curOk, n, want }) => {
    expect(run(prevOk, n, curOk, n)).toHaveLength(want);
  });

  it('reports the rates, the drop and the test', () => {
    const [i] = run(950, 1000, 900, 1000);
    expect(i).toMatchObject({
      severity: 'warning',
      title: 'Success rate dropped by 5 points',
      data: { previous_success_rate: 0.95, current_success_rate: 0.9, drop_points: 5, z: -4.24 },
    });
    expect(i.data.p_value as number).toBeLessThan(0.001);
  });
});
