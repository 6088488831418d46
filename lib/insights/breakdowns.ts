import type {
  CostBreakdown,
  ModelEfficiency,
  PerformanceMetrics,
  ReliabilityMetrics,
  UsagePatterns,
} from '@/lib/schemas/insights';
import { sortErrorTypes } from './detect-reliability';
import { rankHours } from './detect-usage';
import { roundMoney, roundMs, roundOrNull, roundRate, safeDiv, sum } from './math';
import type { InsightsInput, ModelStats, ScopeStats, StageStats } from './types';

// The report's measured tables. Shares are fractions of the table's own total (0 when that total
// is 0); nothing here is estimated.

const TOP_N = 5;
const share = (part: number, total: number) => roundRate(safeDiv(part, total) ?? 0);
const modelKey = (m: { provider: string | null; model: string }) => `${m.provider ?? ''}/${m.model}`;

type PipelineScope = ScopeStats & { pipeline_id: string };
/** The per-pipeline rows; a request for one pipeline has just that pipeline. */
function pipelineScopes(input: InsightsInput): PipelineScope[] {
  const list = input.pipelines.length > 0 ? input.pipelines : [input.scope];
  return list.filter((p): p is PipelineScope => p.pipeline_id !== null);
}

export function computePerformanceMetrics(scope: ScopeStats, stages: readonly StageStats[]): PerformanceMetrics {
  const c = scope.current;
  return {
    avg_duration_ms: roundOrNull(c.avg_duration_ms, 2),
    p50_duration_ms: roundOrNull(c.p50_duration_ms, 2),
    p95_duration_ms: roundOrNull(c.p95_duration_ms, 2),
    p99_duration_ms: roundOrNull(c.p99_duration_ms, 2),
    slowest_stages: [...stages]
      .sort((a, b) => b.avg_ms - a.avg_ms || a.stage_id.localeCompare(b.stage_id))
      .slice(0, TOP_N)
      .map((s) => ({ stage_id: s.stage_id, avg_ms: roundMs(s.avg_ms), p95_ms: roundOrNull(s.p95_ms, 2), executions: s.executions })),
  };
}

export function computeCostBreakdown(input: InsightsInput): CostBreakdown {
  const pipelines = pipelineScopes(input);
  const pipelineTotal = sum(pipelines.map((p) => p.current.cost_usd));
  const modelTotal = sum(input.models.map((m) => m.cost_usd));
  const providers = new Map<string | null, { cost: number; calls: number }>();
  for (const m of input.models) {
    const p = providers.get(m.provider) ?? { cost: 0, calls: 0 };
    providers.set(m.provider, { cost: p.cost + m.cost_usd, calls: p.calls + m.calls });
  }
  return {
    by_pipeline: pipelines
      .filter((p) => p.current.executions > 0)
      .map((p) => ({ pipeline_id: p.pipeline_id, cost_usd: roundMoney(p.current.cost_usd), executions: p.current.executions, share: share(p.current.cost_usd, pipelineTotal) }))
      .sort((a, b) => b.cost_usd - a.cost_usd || a.pipeline_id.localeCompare(b.pipeline_id)),
    by_model: input.models
      .map((m) => ({ provider: m.provider, model: m.model, cost_usd: roundMoney(m.cost_usd), calls: m.calls, share: share(m.cost_usd, modelTotal) }))
      .sort((a, b) => b.cost_usd - a.cost_usd || modelKey(a).localeCompare(modelKey(b))),
    by_provider: [...providers.entries()]
      .map(([provider, v]) => ({ provider, cost_usd: roundMoney(v.cost), calls: v.calls, share: share(v.cost, modelTotal) }))
      .sort((a, b) => b.cost_usd - a.cost_usd || (a.provider ?? '').localeCompare(b.provider ?? '')),
  };
}

/**
 * Measured per model: latency = average stage duration, success rate = successes ÷ (successes +
 * failures), cost per 1k tokens = recorded cost ÷ (input + output tokens) × 1000 — null where
 * there is nothing to measure (unpriced models report their unpriced calls instead).
 */
export function computeModelEfficiency(models: readonly ModelStats[]): ModelEfficiency[] {
  return models
    .map((m) => ({
      provider: m.provider,
      model: m.model,
      avg_latency_ms: roundOrNull(m.avg_latency_ms, 2),
      cost_per_1k_tokens: roundOrNull(
        m.unpriced_calls === m.calls && m.calls > 0 ? null : safeDiv(m.cost_usd * 1000, m.input_tokens + m.output_tokens),
        6,
      ),
      success_rate: roundOrNull(safeDiv(m.successes, m.successes + m.failures), 4),
      usage_count: m.calls,
      unpriced_calls: m.unpriced_calls,
    }))
    .sort((a, b) => b.usage_count - a.usage_count || modelKey(a).localeCompare(modelKey(b)));
}

export function computeUsagePatterns(input: InsightsInput): UsagePatterns {
  const hourTotal = sum(input.hour_counts);
  const pipelines = pipelineScopes(input);
  const execTotal = sum(pipelines.map((p) => p.current.executions));
  const callTotal = sum(input.models.map((m) => m.calls));
  return {
    time_zone: input.time_zone,
    peak_hours: rankHours(input.hour_counts)
      .slice(0, 3)
      .map((h) => ({ ...h, share: share(h.executions, hourTotal) })),
    busiest_pipelines: pipelines
      .filter((p) => p.current.executions > 0)
      .map((p) => ({ pipeline_id: p.pipeline_id, executions: p.current.executions, share: share(p.current.executions, execTotal) }))
      .sort((a, b) => b.executions - a.executions || a.pipeline_id.localeCompare(b.pipeline_id))
      .slice(0, TOP_N),
    model_preferences: input.models
      .filter((m) => m.calls > 0)
      .map((m) => ({ provider: m.provider, model: m.model, calls: m.calls, share: share(m.calls, callTotal) }))
      .sort((a, b) => b.calls - a.calls || modelKey(a).localeCompare(modelKey(b)))
      .slice(0, TOP_N),
  };
}

export function computeReliabilityMetrics(input: InsightsInput): ReliabilityMetrics {
  const c = input.scope.current;
  const rate = (w: ScopeStats['current']) => roundOrNull(safeDiv(w.failures, w.successes + w.failures), 4);
  return {
    failure_rate: rate(c),
    total_failures: c.failures,
    by_error_type: sortErrorTypes(input.scope.by_error_type),
    by_pipeline: pipelineScopes(input)
      .filter((p) => p.current.executions > 0)
      .map((p) => ({ pipeline_id: p.pipeline_id, executions: p.current.executions, failures: p.current.failures, failure_rate: rate(p.current) }))
      .sort((a, b) => b.failures - a.failures || a.pipeline_id.localeCompare(b.pipeline_id)),
    mttr_minutes: roundOrNull(safeDiv(input.recovery.total_minutes, input.recovery.streaks), 2),
  };
}
