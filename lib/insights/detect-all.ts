import type { Insight, InsightCategory, InsightSeverity } from '@/lib/schemas/insights';
import { detectAnomalies } from './detect-anomaly';
import { detectCostSpike, detectFailedCost, detectModelConcentration } from './detect-cost';
import { detectModelRecommendations, detectUnpricedModels } from './detect-models';
import { detectPerformanceChange } from './detect-performance';
import { detectFailurePattern, detectReliabilityDrop } from './detect-reliability';
import { detectPeakHours, detectUsageChange } from './detect-usage';
import { computeDowngrades } from './downgrades';
import { foldDuplicates } from './fold';
import type { DetectContext } from './insight';
import { rankInsights } from './rank';
import { resolveThresholds, type Thresholds } from '@/lib/schemas/thresholds';
import type { InsightsInput, ScopeStats } from './types';

/** Detectors that read only one scope's numbers: run for the request scope and every pipeline. */
function detectScope(s: ScopeStats, t: Thresholds, ctx: DetectContext): Insight[] {
  return [
    ...detectCostSpike(s, t, ctx),
    ...detectFailedCost(s, t, ctx),
    ...detectPerformanceChange(s, t, ctx),
    ...detectAnomalies(s, t, ctx),
    ...detectFailurePattern(s, t, ctx),
    ...detectReliabilityDrop(s, t, ctx),
    ...detectUsageChange(s, t, ctx),
  ];
}

/**
 * Every insight for the request, ranked (most severe, then largest magnitude, then id).
 * The scope-level detectors run for the request scope (organisation, or the requested pipeline)
 * and for each pipeline in `input.pipelines`. Model-, catalog- and hour-based findings run on
 * the request scope only: per pipeline they would repeat the same money several times.
 * An incident seen at two scopes or through two lenses is reported once (./fold.ts).
 */
export function detectInsights(input: InsightsInput, thresholds?: Thresholds): Insight[] {
  const t = thresholds ?? resolveThresholds(input.thresholds);
  const ctx: DetectContext = { pipeline_id: input.scope.pipeline_id, days: input.days, now: input.now };
  const found: Insight[] = [
    ...detectScope(input.scope, t, ctx),
    ...detectModelConcentration(input.models, input.scope.current.executions, t, ctx),
    ...detectModelRecommendations(computeDowngrades(input.models, input.catalog, t), ctx),
    ...detectUnpricedModels(input.models, ctx),
    ...detectPeakHours(input.hour_counts, t, ctx, input.time_zone),
  ];
  for (const p of input.pipelines) {
    if (p.pipeline_id === null || p.pipeline_id === input.scope.pipeline_id) continue;
    found.push(...detectScope(p, t, { ...ctx, pipeline_id: p.pipeline_id }));
  }
  return rankInsights(foldDuplicates(found));
}

export interface InsightFilter {
  category?: readonly InsightCategory[];
  severity?: readonly InsightSeverity[];
}

/** The list endpoint's filters (pipeline scoping is done by the input, not here). */
export function filterInsights(insights: readonly Insight[], f: InsightFilter): Insight[] {
  return insights.filter(
    (i) => (!f.category || f.category.includes(i.category)) && (!f.severity || f.severity.includes(i.severity)),
  );
}
