import type { Insight, ReportResponse, SummaryResponse } from '@/lib/schemas/insights';
import { computeCostBreakdown, computeModelEfficiency, computePerformanceMetrics, computeReliabilityMetrics, computeUsagePatterns } from './breakdowns';
import { computeWindows, localDate } from './buckets';
import { detectInsights } from './detect-all';
import { computeDowngrades } from './downgrades';
import { completeDays, computeCostForecast } from './forecast';
import { computeOpportunities, totalSavings } from './opportunities';
import { SUMMARY_GROUPS, topInsight } from './rank';
import { resolveThresholds } from '@/lib/schemas/thresholds';
import { computeChangePercents, computeTrends } from './trends';
import type { InsightsInput } from './types';

// Assembling the API responses from one InsightsInput. Pure: `now` comes in with the input.

function countBySeverity(insights: readonly Insight[]) {
  const count = (s: Insight['severity']) => insights.filter((i) => i.severity === s).length;
  return { critical_count: count('critical'), warning_count: count('warning'), info_count: count('info') };
}

/**
 * Summary. estimated_savings = total potential savings of the optimization opportunities.
 * top_cost_insight covers the cost AND optimization categories (both are about money);
 * each top_* is the most severe, then largest-magnitude insight of its group, or null.
 * performance_change_percent = % change of average duration (positive = slower);
 * reliability_change_percent = % (relative) change of the success rate, e.g. 0.90 → 0.93 = +3.33.
 */
export function buildSummary(input: InsightsInput): SummaryResponse {
  const t = resolveThresholds(input.thresholds);
  const insights = detectInsights(input, t);
  const opportunities = computeOpportunities(computeDowngrades(input.models, input.catalog, t), input.scope.current);
  return {
    generated_at: input.now,
    period_days: input.days,
    pipeline_id: input.scope.pipeline_id,
    total_insights: insights.length,
    ...countBySeverity(insights),
    top_cost_insight: topInsight(insights, SUMMARY_GROUPS.cost),
    top_performance_insight: topInsight(insights, SUMMARY_GROUPS.performance),
    top_reliability_insight: topInsight(insights, SUMMARY_GROUPS.reliability),
    estimated_savings: totalSavings(opportunities),
    ...computeChangePercents(input.scope),
  };
}

export interface ReportOptions {
  /** false: insights carry no recommendation strings (opportunities, being measured money, stay). */
  includeRecommendations?: boolean;
  /** false: cost_forecast is null. */
  includeForecasts?: boolean;
}

export function buildReport(input: InsightsInput, options: ReportOptions = {}): ReportResponse {
  const { includeRecommendations = true, includeForecasts = true } = options;
  const t = resolveThresholds(input.thresholds);
  const detected = detectInsights(input, t);
  const insights = includeRecommendations ? detected : detected.map((i) => ({ ...i, recommendations: [] }));
  const opportunities = computeOpportunities(computeDowngrades(input.models, input.catalog, t), input.scope.current);
  const window = computeWindows(input.now, input.days).current;
  const today = localDate(input.now, input.time_zone);
  return {
    generated_at: input.now,
    pipeline_id: input.scope.pipeline_id,
    period: { start: window.start, end: window.end, days: input.days },
    insights,
    total_potential_savings: totalSavings(opportunities),
    ...computeTrends(input.scope, input.previous_days, t),
    performance_metrics: computePerformanceMetrics(input.scope, input.stages),
    cost_breakdown: computeCostBreakdown(input),
    cost_forecast: includeForecasts ? computeCostForecast(completeDays(input.scope.days, input.days, today), t) : null,
    optimization_opportunities: opportunities,
    model_efficiency: computeModelEfficiency(input.models),
    usage_patterns: computeUsagePatterns(input),
    reliability_metrics: computeReliabilityMetrics(input),
  };
}

