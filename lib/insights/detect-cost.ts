import type { Insight } from '@/lib/schemas/insights';
import { makeInsight, scopeSuffix, type DetectContext } from './insight';
import { atLeast, formatPercent, formatUsd, greaterThan, percentChange, roundMoney, roundPercent, roundRate } from './math';
import type { Thresholds } from '@/lib/schemas/thresholds';
import type { ModelStats, ScopeStats } from './types';

/** Both windows hold enough executions for a comparison to mean something. */
export function hasComparableSample(s: ScopeStats, t: Thresholds): boolean {
  return atLeast(s.current.executions, t.min_executions) && atLeast(s.previous.executions, t.min_executions);
}

/**
 * cost_spike: cost rose by ≥ warning% (critical at ≥ critical%), the previous window cost at
 * least $1 and both windows have the minimum executions. Only increases: a cost drop is good news.
 */
export function detectCostSpike(s: ScopeStats, t: Thresholds, ctx: DetectContext): Insight[] {
  if (!hasComparableSample(s, t)) return [];
  const prev = s.previous.cost_usd;
  const cur = s.current.cost_usd;
  if (!atLeast(prev, t.cost_spike_min_previous_usd)) return [];
  const change = percentChange(cur, prev);
  if (change === null || !atLeast(change, t.cost_spike_warning_percent)) return [];
  const critical = atLeast(change, t.cost_spike_critical_percent);
  return [
    makeInsight(ctx, {
      type: 'cost_spike',
      severity: critical ? 'critical' : 'warning',
      title: `Cost increased by ${formatPercent(change)}`,
      description: `Spending${scopeSuffix(ctx)} increased from ${formatUsd(prev)} to ${formatUsd(cur)} compared with the previous ${ctx.days} days.`,
      data: {
        previous_cost: roundMoney(prev),
        current_cost: roundMoney(cur),
        increase_usd: roundMoney(cur - prev),
        increase_percent: roundPercent(change),
        previous_executions: s.previous.executions,
        current_executions: s.current.executions,
      },
      recommendations: [
        'Review usage patterns for unexpected increases',
        'Consider smaller models for simple tasks',
        'Check for runaway pipelines',
      ],
    }),
  ];
}

/** cost_optimization (failed runs): failed executions burnt ≥ 10% of the window's cost. */
export function detectFailedCost(s: ScopeStats, t: Thresholds, ctx: DetectContext): Insight[] {
  const cur = s.current;
  if (!atLeast(cur.executions, t.min_executions) || cur.cost_usd <= 0) return [];
  const share = cur.failed_cost_usd / cur.cost_usd;
  if (!atLeast(share, t.failed_cost_share)) return [];
  return [
    makeInsight(ctx, {
      type: 'cost_optimization',
      subject: 'failed_runs',
      severity: 'info',
      title: `Failed runs burned ${formatPercent(share * 100)} of cost`,
      description: `${formatUsd(cur.failed_cost_usd)} of ${formatUsd(cur.cost_usd)}${scopeSuffix(ctx)} was spent on executions that failed.`,
      data: {
        failed_cost: roundMoney(cur.failed_cost_usd),
        total_cost: roundMoney(cur.cost_usd),
        failed_cost_share: roundRate(share),
        failures: cur.failures,
      },
      recommendations: [
        'Fail fast: validate inputs before calling expensive models',
        'Retry only transient errors (timeouts, rate limits), with backoff',
        'Review the most frequent error types in the failure breakdown',
      ],
    }),
  ];
}

/** cost_optimization (concentration): one model accounts for more than 80% of model cost. */
export function detectModelConcentration(
  models: readonly ModelStats[],
  executions: number,
  t: Thresholds,
  ctx: DetectContext,
): Insight[] {
  if (!atLeast(executions, t.min_executions)) return [];
  const total = models.reduce((a, m) => a + m.cost_usd, 0);
  if (total <= 0) return [];
  // Deterministic pick: highest cost, then provider/model name.
  const top = [...models].sort(
    (a, b) => b.cost_usd - a.cost_usd || `${a.provider}/${a.model}`.localeCompare(`${b.provider}/${b.model}`),
  )[0];
  const share = top.cost_usd / total;
  if (!greaterThan(share, t.model_concentration_share)) return [];
  return [
    makeInsight(ctx, {
      type: 'cost_optimization',
      subject: 'model_concentration',
      severity: 'info',
      title: `${top.model} accounts for ${formatPercent(share * 100)} of model cost`,
      description: `${formatUsd(top.cost_usd)} of ${formatUsd(total)} model spend${scopeSuffix(ctx)} went to ${top.provider ?? 'unknown provider'}/${top.model}.`,
      data: {
        provider: top.provider,
        model: top.model,
        model_cost: roundMoney(top.cost_usd),
        total_model_cost: roundMoney(total),
        share: roundRate(share),
        calls: top.calls,
      },
      recommendations: [
        `Check which stages need ${top.model} and route simple ones to a cheaper model`,
        'Cache repeated prompts to cut input tokens',
      ],
    }),
  ];
}
