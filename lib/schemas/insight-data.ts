import { z } from 'zod';

// `data` of each insight type (API.md "Statistics": one zod schema per type, a union
// discriminated by `type`). Detectors build these shapes, the fold reads them by type (never a
// value by a string key), the dashboard formats each field by the unit in its metadata, and
// openapi.json documents them. Types with several findings carry a `kind`.

export type Unit = 'usd' | 'percent' | 'ratio' | 'ms' | 'count' | 'points' | 'times' | 'p_value';
const unit = (u: Unit, description?: string) => z.number().meta({ unit: u, ...(description ? { description } : {}) });
const usd = (d?: string) => unit('usd', d);
const percent = (d?: string) => unit('percent', d);
const ratio = (d?: string) => unit('ratio', d);
const ms = (d?: string) => unit('ms', d);
const count = (d?: string) => z.int().meta({ unit: 'count', ...(d ? { description: d } : {}) });

/** The test behind a finding: the same one the report's trend of that metric names. */
const tested = {
  p_value: unit('p_value', 'two-sided p-value of `test`; null when it could not run').nullable(),
  test: z.string().meta({ description: 'the statistical test (as in the report trends)' }),
};

export const CostSpikeFacts = z.object({
  previous_cost: usd(), current_cost: usd(), increase_usd: usd(), increase_percent: percent(),
  previous_executions: count(), current_executions: count(), ...tested,
});
export const UsageChangeFacts = z.object({ previous_executions: count(), current_executions: count(), change_percent: percent(), ...tested });
/** An organisation-wide finding folded into the pipeline that explains it (lib/insights/fold.ts). */
const shareOfChange = { share_of_change: ratio("this pipeline's change ÷ the organisation's net change (above 1 when other pipelines moved the other way)") };

export const CostSpikeData = CostSpikeFacts.extend({ organisation: CostSpikeFacts.extend(shareOfChange).optional() });
export const UsageChangeData = UsageChangeFacts.extend({ organisation: UsageChangeFacts.extend(shareOfChange).optional() });

export const CostOptimizationData = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('failed_runs'), failed_cost: usd(), total_cost: usd(), failed_cost_share: ratio(), failures: count() }),
  z.object({
    kind: z.literal('model_concentration'), provider: z.string().nullable(), model: z.string(),
    model_cost: usd(), total_model_cost: usd(), share: ratio(), calls: count(),
  }),
]);

export const ModelRecommendationData = z.object({
  provider: z.string(), model: z.string(), calls: count(), current_cost: usd(), alternative_model: z.string(),
  alternative_cost: usd(), price_ratio: ratio(), potential_savings: usd(), savings_percent: percent(),
});

export const UnpricedModelData = z.object({
  provider: z.string().nullable(), model: z.string(), unpriced_calls: count(), input_tokens: count(), output_tokens: count(),
});

export const PerformanceChangeData = z.object({
  previous_avg_ms: ms(), current_avg_ms: ms(), change_percent: percent(),
  previous_p95_ms: ms().nullable(), current_p95_ms: ms().nullable(), ...tested,
});

const OutlierDay = z.object({ date: z.string(), value: z.number(), robust_z: z.number() });
export const AnomalyData = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('latency_spread'), p50_ms: ms(), p95_ms: ms(), p95_p50_ratio: unit('times') }),
  z.object({ kind: z.literal('cost_outlier'), metric: z.literal('cost_usd'), median: usd(), robust_sd: usd(), days_analyzed: count(), outlier_days: z.array(OutlierDay) }),
  z.object({ kind: z.literal('latency_outlier'), metric: z.literal('avg_duration_ms'), median: ms(), robust_sd: ms(), days_analyzed: count(), outlier_days: z.array(OutlierDay) }),
]);

export const ReliabilityData = z.object({
  previous_success_rate: ratio(), current_success_rate: ratio(), drop_points: unit('points'),
  previous_runs: count(), current_runs: count(), z: z.number(), ...tested,
});

export const FailurePatternData = z.object({
  failure_rate: ratio('failed ÷ (success + failed)'), total_failures: count(), total_runs: count(),
  by_error_type: z.record(z.string(), z.int()),
  success_rate_drop: ReliabilityData.optional(),
});

export const PeakHoursData = z.object({
  time_zone: z.string(),
  peak_hours: z.array(z.object({ hour: z.int().min(0).max(23), executions: z.int(), share: z.number() })),
  peak_share: ratio(), total_executions: count(),
});

/** The data schema of each insight type. */
export const INSIGHT_DATA = {
  cost_spike: CostSpikeData,
  cost_optimization: CostOptimizationData,
  model_recommendation: ModelRecommendationData,
  unpriced_model: UnpricedModelData,
  performance_degradation: PerformanceChangeData,
  performance_improvement: PerformanceChangeData,
  anomaly: AnomalyData,
  failure_pattern: FailurePatternData,
  reliability: ReliabilityData,
  usage_surge: UsageChangeData,
  usage_drop: UsageChangeData,
  peak_hours: PeakHoursData,
} as const;

export type InsightDataMap = { [K in keyof typeof INSIGHT_DATA]: z.infer<(typeof INSIGHT_DATA)[K]> };
