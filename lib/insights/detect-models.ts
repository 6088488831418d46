import type { Insight } from '@/lib/schemas/insights';
import type { Downgrade } from './downgrades';
import { makeInsight, scopeSuffix, type DetectContext } from './insight';
import { formatPercent, formatUsd, roundMoney, roundPercent, roundRate } from './math';
import type { ModelStats } from './types';

/** model_recommendation: one per model with a same-provider model at ≤ 50% of its price. */
export function detectModelRecommendations(downgrades: readonly Downgrade[], ctx: DetectContext): Insight[] {
  return downgrades.map((d) =>
    makeInsight(ctx, {
      type: 'model_recommendation',
      subject: `${d.provider}/${d.model}`,
      severity: 'info',
      title: `Switching ${d.model} to ${d.alternative_model} could save ${formatUsd(d.potential_savings)}`,
      description:
        `${d.calls} calls to ${d.provider}/${d.model}${scopeSuffix(ctx)} cost ${formatUsd(d.current_cost)}. ` +
        `The same tokens at ${d.alternative_model}'s price would cost ${formatUsd(d.alternative_cost)} ` +
        `(${formatPercent(d.price_ratio * 100)} of the price).`,
      data: {
        provider: d.provider,
        model: d.model,
        calls: d.calls,
        current_cost: roundMoney(d.current_cost),
        alternative_model: d.alternative_model,
        alternative_cost: roundMoney(d.alternative_cost),
        price_ratio: roundRate(d.price_ratio),
        potential_savings: roundMoney(d.potential_savings),
        savings_percent: roundPercent(d.savings_percent),
      },
      recommendations: [
        `Try ${d.alternative_model} on a sample of this model's tasks and compare output quality`,
        `Route simple stages (classification, extraction, short answers) to ${d.alternative_model}`,
      ],
    }),
  );
}

/**
 * unpriced_model: calls with tokens to a model the catalog does not know. Their cost is counted
 * as 0, so every cost figure is understated. Not a statistic, so no minimum sample: one unpriced
 * call already makes the totals wrong.
 */
export function detectUnpricedModels(models: readonly ModelStats[], ctx: DetectContext): Insight[] {
  return models
    .filter((m) => m.unpriced_calls > 0)
    .sort((a, b) => b.unpriced_calls - a.unpriced_calls || a.model.localeCompare(b.model))
    .map((m) =>
      makeInsight(ctx, {
        type: 'unpriced_model',
        subject: `${m.provider ?? ''}/${m.model}`,
        severity: 'warning',
        title: `No price known for ${m.model}`,
        description:
          `${m.unpriced_calls} calls with tokens to ${m.provider ?? 'an unknown provider'}/${m.model}${scopeSuffix(ctx)} ` +
          'were counted at $0, so costs are understated.',
        data: {
          provider: m.provider,
          model: m.model,
          unpriced_calls: m.unpriced_calls,
          input_tokens: m.input_tokens,
          output_tokens: m.output_tokens,
        },
        recommendations: [
          'Send cost_usd with each stage, or add a price override for this model in the settings',
          'Check the model name for typos or a missing provider',
        ],
      }),
    );
}
