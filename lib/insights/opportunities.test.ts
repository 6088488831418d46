import { describe, expect, it } from 'vitest';
import type { Downgrade } from './downgrades';
import { computeOpportunities, totalSavings } from './opportunities';
import { win } from '@/tests/support/insight-fixtures';

// Savings without double counting: a failed run's dollars are saved by not failing, so the
// downgrade only saves on what did not fail.
const downgrade = (cost: number, percent: number): Downgrade => ({
  provider: 'openai', model: 'gpt-4o', calls: 100, current_cost: cost, priced_current_cost: cost,
  alternative_model: 'gpt-4o-mini', alternative_cost: cost * (1 - percent / 100), price_ratio: 1 - percent / 100,
  potential_savings: (cost * percent) / 100, savings_percent: percent,
});

describe('computeOpportunities / totalSavings', () => {
  it.each([
    // $100 of one model, $30 of it on failed runs, a 60%-cheaper model: $30 + 60% × $70 = $72 (not $90)
    { name: 'the $100 / $30 / 60% case', cost: 100, failed: 30, percent: 60, total: 72, downgrade: 42 },
    { name: 'no failures: the whole downgrade', cost: 100, failed: 0, percent: 60, total: 60, downgrade: 60 },
    { name: 'everything failed: nothing left to downgrade', cost: 100, failed: 100, percent: 60, total: 100, downgrade: 0 },
    { name: 'no spend', cost: 0, failed: 0, percent: 60, total: 0, downgrade: 0 },
  ])('$name → $total', ({ cost, failed, percent, total, downgrade: d }) => {
    const current = win({ cost_usd: cost, failed_cost_usd: failed, failures: 30 });
    const ops = computeOpportunities([downgrade(cost, percent)], current);
    expect(ops.find((o) => o.type === 'model_downgrade')?.potential_savings).toBeCloseTo(d, 6);
    expect(totalSavings(ops, cost)).toBeCloseTo(total, 6);
    expect(totalSavings(ops, cost)).toBeLessThanOrEqual(cost);
  });

  it('never exceeds the window cost, even when downgrades of several models overlap', () => {
    const ops = computeOpportunities([downgrade(80, 90), downgrade(80, 90)], win({ cost_usd: 100, failed_cost_usd: 0 }));
    expect(totalSavings(ops, 100)).toBe(100);
  });
});
