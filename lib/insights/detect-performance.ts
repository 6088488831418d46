import type { Insight } from '@/lib/schemas/insights';
import { hasComparableSample } from './detect-cost';
import { makeInsight, scopeSuffix, type DetectContext } from './insight';
import { atLeast, formatMs, formatPercent, percentChange, roundMs, roundPercent } from './math';
import type { Thresholds } from '@/lib/schemas/thresholds';
import type { ScopeStats } from './types';

/**
 * performance_degradation (warning): average duration ≥ 30% higher than the previous window.
 * performance_improvement (info): ≥ 30% lower. Both need the minimum executions in each window.
 */
export function detectPerformanceChange(s: ScopeStats, t: Thresholds, ctx: DetectContext): Insight[] {
  if (!hasComparableSample(s, t)) return [];
  const prev = s.previous.avg_duration_ms;
  const cur = s.current.avg_duration_ms;
  const change = percentChange(cur, prev);
  if (change === null || prev === null || cur === null) return [];
  const data = {
    previous_avg_ms: roundMs(prev),
    current_avg_ms: roundMs(cur),
    change_percent: roundPercent(change),
    previous_p95_ms: s.previous.p95_duration_ms === null ? null : roundMs(s.previous.p95_duration_ms),
    current_p95_ms: s.current.p95_duration_ms === null ? null : roundMs(s.current.p95_duration_ms),
  };
  if (atLeast(change, t.performance_change_percent)) {
    return [
      makeInsight(ctx, {
        type: 'performance_degradation',
        severity: 'warning',
        title: `Execution time increased by ${formatPercent(change)}`,
        description: `Average execution time${scopeSuffix(ctx)} rose from ${formatMs(prev)} to ${formatMs(cur)}.`,
        data,
        recommendations: [
          'Check for slow API responses or rate limiting',
          'Review recent pipeline changes',
          'Consider caching repeated operations',
        ],
      }),
    ];
  }
  if (atLeast(-change, t.performance_change_percent)) {
    return [
      makeInsight(ctx, {
        type: 'performance_improvement',
        severity: 'info',
        title: `Execution time decreased by ${formatPercent(change)}`,
        description: `Average execution time${scopeSuffix(ctx)} fell from ${formatMs(prev)} to ${formatMs(cur)}.`,
        data,
        recommendations: ['Note what changed so the improvement can be kept and repeated in other pipelines'],
      }),
    ];
  }
  return [];
}
