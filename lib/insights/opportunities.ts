import type { OptimizationOpportunity } from '@/lib/schemas/insights';
import type { Downgrade } from './downgrades';
import { formatPercent, formatUsd, roundMoney, roundPercent, sum } from './math';
import type { WindowStats } from './types';

// Optimization opportunities: money that could have been kept in THIS window.
// - model_downgrade: per model, from computeDowngrades (same provider, ≤ 50% of the price for
//   the same tokens); savings = priced tokens at current − at alternative price, never more than
//   was spent; savings_percent = savings ÷ the model's current cost × 100. Difficulty "medium":
//   output quality must be checked before switching.
// - reliability: cost of failed executions; potential_savings = all of it (a run that does not
//   fail does not waste its spend); savings_percent = that cost ÷ total cost × 100, so the
//   figure says how much of the bill failures eat. Difficulty "medium".
// No dollar is counted twice: a failed run's spend is saved by not failing, so a downgrade only
// saves on the spend that did NOT fail. Failed spend is known per execution, not per model, so
// each model is credited its share of it: downgrade savings × (1 − failed cost ÷ total cost).
// ($100 of a model, $30 of it on failed runs, a 60%-cheaper model: $30 + 60% × $70 = $72, not $90.)
// The total never exceeds the window's cost.

export function computeOpportunities(downgrades: readonly Downgrade[], current: WindowStats): OptimizationOpportunity[] {
  const failedShare = current.cost_usd > 0 ? Math.min(1, current.failed_cost_usd / current.cost_usd) : 0;
  const out: OptimizationOpportunity[] = downgrades.map((d) => ({
    type: 'model_downgrade',
    description:
      `Switch ${d.provider}/${d.model} to ${d.alternative_model} where quality allows: ` +
      `the same tokens would cost ${formatUsd(d.alternative_cost)} instead of ${formatUsd(d.priced_current_cost)}`,
    current_cost: roundMoney(d.current_cost),
    potential_savings: roundMoney(d.potential_savings * (1 - failedShare)),
    savings_percent: roundPercent(d.savings_percent * (1 - failedShare)),
    difficulty: 'medium',
    provider: d.provider,
    model: d.model,
    alternative_model: d.alternative_model,
  }));
  if (current.failed_cost_usd > 0 && current.cost_usd > 0) {
    const share = (current.failed_cost_usd / current.cost_usd) * 100;
    out.push({
      type: 'reliability',
      description: `Reduce failures: ${current.failures} failed runs spent ${formatUsd(current.failed_cost_usd)} (${formatPercent(share)} of cost) without a result`,
      current_cost: roundMoney(current.failed_cost_usd),
      potential_savings: roundMoney(current.failed_cost_usd),
      savings_percent: roundPercent(share),
      difficulty: 'medium',
      provider: null,
      model: null,
      alternative_model: null,
    });
  }
  return out.sort((a, b) => b.potential_savings - a.potential_savings || a.type.localeCompare(b.type));
}

/** Sum of the potential savings (never more than the window's cost), rounded to 6 decimals. */
export function totalSavings(opportunities: readonly OptimizationOpportunity[], windowCost: number): number {
  return roundMoney(Math.min(windowCost, sum(opportunities.map((o) => o.potential_savings))));
}
