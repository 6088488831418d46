import { describe, expect, it } from 'vitest';
import { detectCostSpike, detectFailedCost, detectModelConcentration } from './detect-cost';
import { DEFAULT_THRESHOLDS as T } from '@/lib/schemas/thresholds';
import { ctx, model, scope, win } from '@/tests/support/insight-fixtures';

describe('cost_spike: ≥ 50% warning, ≥ 100% critical, previous ≥ $1, ≥ 20 runs in each window', () => {
  it.each([
    { name: '49.9% is not a spike', prev: 10, cur: 14.99, want: null },
    { name: 'exactly 50% is a warning', prev: 10, cur: 15, want: 'warning' },
    { name: '99.9% is still a warning', prev: 10, cur: 19.99, want: 'warning' },
    { name: 'exactly 100% is critical', prev: 10, cur: 20, want: 'critical' },
    { name: 'a fall is not a spike', prev: 20, cur: 5, want: null },
    { name: 'previous $0.99 is too small to compare', prev: 0.99, cur: 10, want: null },
    { name: 'previous exactly $1 counts', prev: 1, cur: 1.5, want: 'warning' },
    { name: 'zero previous cost never alarms (no percentage)', prev: 0, cur: 50, want: null },
    { name: '19 runs in the previous window is too few', prev: 10, cur: 30, prevRuns: 19, want: null },
    { name: '20 runs in the previous window is enough', prev: 10, cur: 30, prevRuns: 20, want: 'critical' },
    { name: '19 runs in the current window is too few', prev: 10, cur: 30, curRuns: 19, want: null },
    { name: '3 executions never alarm', prev: 10, cur: 100, curRuns: 3, prevRuns: 3, want: null },
  ])('$name', ({ prev, cur, prevRuns, curRuns, want }) => {
    const s = scope({ previous: win({ cost_usd: prev, executions: prevRuns ?? 100 }), current: win({ cost_usd: cur, executions: curRuns ?? 100 }) });
    const found = detectCostSpike(s, T, ctx());
    expect(found[0]?.severity ?? null).toBe(want);
  });

  it('carries the numbers, a seed-like title and a stable id', () => {
    const [i] = detectCostSpike(scope({ previous: win({ cost_usd: 12.5 }), current: win({ cost_usd: 18.9 }) }), T, ctx());
    expect(i).toMatchObject({
      id: 'cost_spike:org:30d',
      type: 'cost_spike',
      category: 'cost',
      pipeline_id: null,
      title: 'Cost increased by 51.2%',
      description: 'Spending increased from $12.50 to $18.90 compared with the previous 30 days.',
      data: { previous_cost: 12.5, current_cost: 18.9, increase_usd: 6.4, increase_percent: 51.2 },
      detected_at: '2024-01-31T12:00:00.000Z',
    });
  });
});

describe('cost_optimization: failed runs burn ≥ 10% of cost', () => {
  it.each([
    { name: '9.9% is not enough', failed: 0.99, runs: 100, want: 0 },
    { name: 'exactly 10% fires', failed: 1, runs: 100, want: 1 },
    { name: '19 runs is too few', failed: 5, runs: 19, want: 0 },
  ])('$name', ({ failed, runs, want }) => {
    const s = scope({ current: win({ cost_usd: 10, failed_cost_usd: failed, executions: runs }) });
    const found = detectFailedCost(s, T, ctx('etl'));
    expect(found).toHaveLength(want);
    if (want) expect(found[0]).toMatchObject({ id: 'cost_optimization:pipeline=etl:30d:failed_runs', pipeline_id: 'etl', severity: 'info', data: { failed_cost_share: 0.1 } });
  });
  it('no cost means nothing to optimise', () => {
    expect(detectFailedCost(scope({ current: win({ cost_usd: 0, failed_cost_usd: 0 }) }), T, ctx())).toEqual([]);
  });
});

describe('cost_optimization: one model > 80% of model cost', () => {
  it.each([
    { a: 8, b: 2, want: 0 }, // exactly 80% is not "more than"
    { a: 8.01, b: 1.99, want: 1 },
    { a: 1.99, b: 8.01, want: 1 },
  ])('$a vs $b → $want', ({ a, b, want }) => {
    const models = [model({ model: 'gpt-4o', cost_usd: a }), model({ model: 'gpt-4o-mini', cost_usd: b })];
    const found = detectModelConcentration(models, 100, T, ctx());
    expect(found).toHaveLength(want);
    if (want) expect(found[0].data.model).toBe(a > b ? 'gpt-4o' : 'gpt-4o-mini');
  });
  it('needs the minimum executions and some cost', () => {
    expect(detectModelConcentration([model({ model: 'x', cost_usd: 5 })], 19, T, ctx())).toEqual([]);
    expect(detectModelConcentration([model({ model: 'x', cost_usd: 0 })], 100, T, ctx())).toEqual([]);
  });
});
