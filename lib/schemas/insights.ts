import { z } from 'zod';

// The Insights contract (API.md "Insights"): query parameters and every response shape.
// Query schemas take URL search params (strings); response schemas are what the engine returns.
// Money is USD rounded to 6 decimals, percentages to 2, fractions (rates, shares) to 4.

export const CATEGORIES = ['cost', 'performance', 'reliability', 'usage', 'optimization'] as const;
export const SEVERITIES = ['critical', 'warning', 'info'] as const;
export const INSIGHT_TYPES = [
  'cost_spike', 'cost_optimization', 'model_recommendation', 'unpriced_model',
  'performance_degradation', 'performance_improvement', 'anomaly',
  'failure_pattern', 'reliability', 'usage_surge', 'usage_drop', 'peak_hours',
] as const;

export const InsightCategory = z.enum(CATEGORIES, `must be one of ${CATEGORIES.join(', ')}`);
export type InsightCategory = z.infer<typeof InsightCategory>;
export const InsightSeverity = z.enum(SEVERITIES, `must be one of ${SEVERITIES.join(', ')}`);
export type InsightSeverity = z.infer<typeof InsightSeverity>;
export const InsightType = z.enum(INSIGHT_TYPES);
export type InsightType = z.infer<typeof InsightType>;

// ---------- query parameters ----------

/** `days`: an integer 1–365 given as a URL string (a number is accepted too, for in-code callers). */
const days = (fallback: number) =>
  z
    .union([z.string(), z.number()])
    .optional()
    .transform((v, ctx) => {
      if (v === undefined) return fallback;
      const s = String(v).trim();
      const n = /^\d{1,3}$/.test(s) ? Number(s) : NaN;
      if (!Number.isInteger(n) || n < 1 || n > 365) {
        ctx.addIssue({ code: 'custom', message: 'days must be an integer from 1 to 365' });
        return z.NEVER;
      }
      return n;
    });

/** A comma-separated list whose items must each be one of `allowed`; duplicates collapse. */
function csvEnum<const T extends readonly [string, ...string[]]>(field: string, allowed: T) {
  const message = `${field} must be a comma-separated list of: ${allowed.join(', ')}`;
  return z
    .string()
    .optional()
    .transform((v, ctx): T[number][] | undefined => {
      if (v === undefined) return undefined;
      const items = v.split(',').map((s) => s.trim());
      if (items.some((s) => !(allowed as readonly string[]).includes(s))) {
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
      return [...new Set(items)] as T[number][];
    });
}

/** "true" / "false" only (z.coerce.boolean would read "false" as true). */
const flag = (field: string) =>
  z
    .union([z.enum(['true', 'false']), z.boolean()], `${field} must be true or false`)
    .optional()
    .transform((v) => (v === undefined ? true : v === true || v === 'true'));

const pipelineId = z
  .string()
  .min(1, 'pipeline_id must be 1–128 characters')
  .max(128, 'pipeline_id must be 1–128 characters')
  .optional();

export const SummaryQuery = z.object({ days: days(7), pipeline_id: pipelineId });
export type SummaryQuery = z.infer<typeof SummaryQuery>;

export const ReportQuery = z.object({
  days: days(30),
  pipeline_id: pipelineId,
  include_recommendations: flag('include_recommendations'),
  include_forecasts: flag('include_forecasts'),
});
export type ReportQuery = z.infer<typeof ReportQuery>;

export const InsightsQuery = z.object({
  days: days(7),
  category: csvEnum('category', CATEGORIES),
  severity: csvEnum('severity', SEVERITIES),
  pipeline_id: pipelineId,
});
export type InsightsQuery = z.infer<typeof InsightsQuery>;

export const Granularity = z.enum(['hour', 'day'], 'granularity must be one of hour, day');
export type Granularity = z.infer<typeof Granularity>;
/** Hourly buckets re-read raw rows: a window of at most this many days (a year would be 8,760 buckets). */
export const MAX_HOURLY_DAYS = 31;
export const TimeseriesQuery = z
  .object({
    days: days(30),
    pipeline_id: pipelineId,
    granularity: Granularity.optional().transform((g) => g ?? 'day'),
  })
  .superRefine((q, ctx) => {
    if (q.granularity === 'hour' && q.days > MAX_HOURLY_DAYS) {
      ctx.addIssue({
        code: 'custom',
        path: ['granularity'],
        message: `must be day for windows longer than ${MAX_HOURLY_DAYS} days (hourly buckets cover at most days=${MAX_HOURLY_DAYS}; got days=${q.days})`,
      });
    }
  });
export type TimeseriesQuery = z.infer<typeof TimeseriesQuery>;

// ---------- responses ----------

const money = z.number();
const isoDateTime = z.string();

export const Insight = z.object({
  /** Stable for the same finding: `type:scope:<days>d[:subject]`, e.g. `cost_spike:org:30d`. */
  id: z.string(),
  type: InsightType,
  category: InsightCategory,
  severity: InsightSeverity,
  title: z.string(),
  description: z.string(),
  pipeline_id: z.string().nullable(),
  /** The numbers behind the finding (previous_cost, current_cost, increase_percent, …). */
  data: z.record(z.string(), z.unknown()),
  recommendations: z.array(z.string()),
  detected_at: isoDateTime,
});
export type Insight = z.infer<typeof Insight>;

export const InsightsListResponse = z.object({ insights: z.array(Insight), total: z.int() });
export type InsightsListResponse = z.infer<typeof InsightsListResponse>;

export const SummaryResponse = z.object({
  generated_at: isoDateTime,
  period_days: z.int(),
  pipeline_id: z.string().nullable(),
  total_insights: z.int(),
  critical_count: z.int(),
  warning_count: z.int(),
  info_count: z.int(),
  top_cost_insight: Insight.nullable(),
  top_performance_insight: Insight.nullable(),
  top_reliability_insight: Insight.nullable(),
  estimated_savings: money,
  /** Percent change of total cost, current vs previous window; null when previous cost is 0. */
  cost_change_percent: z.number().nullable(),
  /** Percent change of average duration (positive = slower); null when undefined. */
  performance_change_percent: z.number().nullable(),
  /** Percent (relative) change of the success rate; null when undefined. */
  reliability_change_percent: z.number().nullable(),
});
export type SummaryResponse = z.infer<typeof SummaryResponse>;

export const Trend = z.object({
  metric_name: z.string(),
  current_value: z.number().nullable(),
  previous_value: z.number().nullable(),
  /** null when the previous value is 0 or unknown (a change from nothing has no percentage). */
  change_percent: z.number().nullable(),
  direction: z.enum(['up', 'down', 'stable']),
  is_significant: z.boolean(),
  /** p-value of the test named in `test`; null when the test could not run. */
  p_value: z.number().nullable(),
  test: z.string(),
});
export type Trend = z.infer<typeof Trend>;

export const SlowStage = z.object({
  stage_id: z.string(),
  avg_ms: z.number(),
  p95_ms: z.number().nullable(),
  executions: z.int(),
});
export type SlowStage = z.infer<typeof SlowStage>;

export const PerformanceMetrics = z.object({
  avg_duration_ms: z.number().nullable(),
  p50_duration_ms: z.number().nullable(),
  p95_duration_ms: z.number().nullable(),
  p99_duration_ms: z.number().nullable(),
  slowest_stages: z.array(SlowStage),
});
export type PerformanceMetrics = z.infer<typeof PerformanceMetrics>;

export const CostBreakdown = z.object({
  by_pipeline: z.array(z.object({ pipeline_id: z.string(), cost_usd: money, executions: z.int(), share: z.number() })),
  by_model: z.array(
    z.object({ provider: z.string().nullable(), model: z.string(), cost_usd: money, calls: z.int(), share: z.number() }),
  ),
  by_provider: z.array(z.object({ provider: z.string().nullable(), cost_usd: money, calls: z.int(), share: z.number() })),
});
export type CostBreakdown = z.infer<typeof CostBreakdown>;

export const CostForecast = z.object({
  current_daily_avg: money,
  projected_daily: money,
  projected_weekly: money,
  projected_monthly: money,
  trend: z.enum(['up', 'down', 'stable']),
  /** 0–1: 1 − (residual standard error ÷ mean daily cost), clamped; 0 below 3 days or with no spend. */
  confidence: z.number().min(0).max(1),
  method: z.string(),
  days_used: z.int(),
});
export type CostForecast = z.infer<typeof CostForecast>;

export const OptimizationOpportunity = z.object({
  type: z.enum(['model_downgrade', 'reliability']),
  description: z.string(),
  current_cost: money,
  potential_savings: money,
  savings_percent: z.number(),
  difficulty: z.enum(['easy', 'medium', 'hard']),
  provider: z.string().nullable(),
  model: z.string().nullable(),
  alternative_model: z.string().nullable(),
});
export type OptimizationOpportunity = z.infer<typeof OptimizationOpportunity>;

export const ModelEfficiency = z.object({
  provider: z.string().nullable(),
  model: z.string(),
  avg_latency_ms: z.number().nullable(),
  /** Measured: cost ÷ (input + output tokens) × 1000; null when no tokens. */
  cost_per_1k_tokens: z.number().nullable(),
  success_rate: z.number().nullable(),
  usage_count: z.int(),
  unpriced_calls: z.int(),
});
export type ModelEfficiency = z.infer<typeof ModelEfficiency>;

export const UsagePatterns = z.object({
  time_zone: z.string(),
  peak_hours: z.array(z.object({ hour: z.int().min(0).max(23), executions: z.int(), share: z.number() })),
  busiest_pipelines: z.array(z.object({ pipeline_id: z.string(), executions: z.int(), share: z.number() })),
  model_preferences: z.array(
    z.object({ provider: z.string().nullable(), model: z.string(), calls: z.int(), share: z.number() }),
  ),
});
export type UsagePatterns = z.infer<typeof UsagePatterns>;

export const ReliabilityMetrics = z.object({
  failure_rate: z.number().nullable(),
  total_failures: z.int(),
  by_error_type: z.record(z.string(), z.int()),
  by_pipeline: z.array(
    z.object({ pipeline_id: z.string(), executions: z.int(), failures: z.int(), failure_rate: z.number().nullable() }),
  ),
  /** Mean minutes from a pipeline's first failure in a streak to its next success; null when none. */
  mttr_minutes: z.number().nullable(),
});
export type ReliabilityMetrics = z.infer<typeof ReliabilityMetrics>;

export const ReportResponse = z.object({
  generated_at: isoDateTime,
  pipeline_id: z.string().nullable(),
  period: z.object({ start: isoDateTime, end: isoDateTime, days: z.int() }),
  insights: z.array(Insight),
  total_potential_savings: money,
  cost_trend: Trend,
  performance_trend: Trend,
  reliability_trend: Trend,
  volume_trend: Trend,
  performance_metrics: PerformanceMetrics,
  cost_breakdown: CostBreakdown,
  /** null when include_forecasts=false. */
  cost_forecast: CostForecast.nullable(),
  optimization_opportunities: z.array(OptimizationOpportunity),
  model_efficiency: z.array(ModelEfficiency),
  usage_patterns: UsagePatterns,
  reliability_metrics: ReliabilityMetrics,
});
export type ReportResponse = z.infer<typeof ReportResponse>;

export const TimeseriesBucket = z.object({
  /** `YYYY-MM-DD` (day) or `YYYY-MM-DDTHH:00` (hour), in the organisation's time zone. */
  date: z.string(),
  executions: z.int(),
  failures: z.int(),
  cost_usd: money,
  avg_duration_ms: z.number().nullable(),
  /** Interpolated percentiles of the bucket's execution durations (null when it has none). */
  p50_duration_ms: z.number().nullable(),
  p95_duration_ms: z.number().nullable(),
  p99_duration_ms: z.number().nullable(),
});
export type TimeseriesBucket = z.infer<typeof TimeseriesBucket>;

export const TimeseriesResponse = z.object({
  granularity: Granularity,
  days: z.int(),
  time_zone: z.string(),
  pipeline_id: z.string().nullable(),
  buckets: z.array(TimeseriesBucket),
});
export type TimeseriesResponse = z.infer<typeof TimeseriesResponse>;

export const PipelineListItem = z.object({
  pipeline_id: z.string(),
  executions: z.int(),
  first_seen_at: isoDateTime.nullable(),
  last_seen_at: isoDateTime.nullable(),
});
export type PipelineListItem = z.infer<typeof PipelineListItem>;

export const PipelinesResponse = z.object({ pipelines: z.array(PipelineListItem), total: z.int() });
export type PipelinesResponse = z.infer<typeof PipelinesResponse>;
