import type { Insight, InsightCategory } from '@/lib/schemas/insights';
import { SEVERITY_RANK } from './insight';

// Ordering insights: most severe first, then the largest magnitude, then id (so the order is
// stable). Magnitude is in the unit that matters for the group, so findings of one summary
// group compare like with like:
// - cost group (cost + optimization): US dollars at stake;
// - performance group: percent change / ratio of latency;
// - reliability group: failure rate or drop, in percentage points;
// - usage: percent change of volume (peak_hours: its share, in percent).

export function insightMagnitude(i: Insight): number {
  switch (i.type) {
    case 'cost_spike':
      return i.data.current_cost - i.data.previous_cost;
    case 'cost_optimization':
      return i.data.kind === 'failed_runs' ? i.data.failed_cost : i.data.model_cost;
    case 'model_recommendation':
      return i.data.potential_savings;
    case 'unpriced_model':
      return 0; // the money is unknown by definition
    case 'performance_degradation':
    case 'performance_improvement':
      return Math.abs(i.data.change_percent);
    case 'anomaly':
      return i.data.kind === 'latency_spread' ? i.data.p95_p50_ratio * 10 : Math.max(0, ...i.data.outlier_days.map((o) => o.robust_z));
    case 'failure_pattern':
      return i.data.failure_rate * 100;
    case 'reliability':
      return i.data.drop_points;
    case 'usage_surge':
    case 'usage_drop':
      return Math.abs(i.data.change_percent);
    case 'peak_hours':
      return i.data.peak_share * 100;
  }
}

export function compareInsights(a: Insight, b: Insight): number {
  return (
    SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
    insightMagnitude(b) - insightMagnitude(a) ||
    a.id.localeCompare(b.id)
  );
}

export function rankInsights(insights: readonly Insight[]): Insight[] {
  return [...insights].sort(compareInsights);
}

/** The summary's groups: money findings (cost and optimization) count as "cost". */
export const SUMMARY_GROUPS: Record<'cost' | 'performance' | 'reliability', readonly InsightCategory[]> = {
  cost: ['cost', 'optimization'],
  performance: ['performance'],
  reliability: ['reliability'],
};

/** The top insight of a group, or null when the group has none. */
export function topInsight(insights: readonly Insight[], categories: readonly InsightCategory[]): Insight | null {
  return rankInsights(insights.filter((i) => categories.includes(i.category)))[0] ?? null;
}
