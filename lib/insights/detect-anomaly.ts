import type { Insight } from '@/lib/schemas/insights';
import { makeInsight, scopeSuffix, type DetectContext } from './insight';
import { atLeast, formatMs, formatUsd, greaterThan, roundMoney, roundMs, round } from './math';
import { robustHighOutliers, robustScale } from './stats';
import type { Thresholds } from '@/lib/schemas/thresholds';
import type { DayBucket, ScopeStats } from './types';

/**
 * anomaly (info), three independent findings, each with its own id subject:
 * - latency_spread: p95 / p50 > 3 in the current window (a long tail of slow runs). Per pipeline
 *   only: organisation-wide, p50 and p95 mix pipelines of very different speeds (a 300 ms
 *   classifier and a 20 s summariser give p95/p50 ≈ 4 every week), which measures the mix, not a
 *   tail. A single-pipeline organisation still gets it, from its pipeline scope;
 * - cost_outlier / latency_outlier: a day whose cost (or average duration) is more than 3.5
 *   robust standard deviations above the median day. Robust SD = 1.4826 × MAD (median absolute
 *   deviation), falling back to 1.2533 × mean absolute deviation when MAD = 0 (Iglewicz–Hoaglin).
 *   The day must also be ≥ 50% above the median day (materiality: with steady data MAD is tiny,
 *   and across pipelines × metrics × days a 15% wobble would otherwise be "an anomaly").
 *   Computed over the days WITH executions (≥ 7 needed): a day without runs is neither a cost nor
 *   a latency observation, and quiet weekends must not distort the baseline.
 * All need the minimum executions in the current window.
 */
export function detectAnomalies(s: ScopeStats, t: Thresholds, ctx: DetectContext): Insight[] {
  if (!atLeast(s.current.executions, t.min_executions)) return [];
  const spread = ctx.pipeline_id === null ? [] : detectSpread(s, t, ctx);
  return [...spread, ...detectDayOutliers(s.days, t, ctx)];
}

function detectSpread(s: ScopeStats, t: Thresholds, ctx: DetectContext): Insight[] {
  const { p50_duration_ms: p50, p95_duration_ms: p95 } = s.current;
  if (p50 === null || p95 === null || p50 <= 0) return [];
  const ratio = p95 / p50;
  if (!greaterThan(ratio, t.anomaly_p95_p50_ratio)) return [];
  return [
    makeInsight(ctx, {
      type: 'anomaly',
      subject: 'latency_spread',
      severity: 'info',
      title: `High latency variability: p95 is ${round(ratio, 1)}× the median`,
      description: `Half the runs${scopeSuffix(ctx)} finish within ${formatMs(p50)}, but 5% take longer than ${formatMs(p95)}.`,
      data: { p50_ms: roundMs(p50), p95_ms: roundMs(p95), p95_p50_ratio: round(ratio, 2) },
      recommendations: [
        'Look at the slowest stages and at retries inside long runs',
        'Set timeouts so a stuck call fails fast instead of holding the run',
      ],
    }),
  ];
}

type DayMetric = 'cost_usd' | 'avg_duration_ms';

function detectDayOutliers(days: readonly DayBucket[], t: Thresholds, ctx: DetectContext): Insight[] {
  const out: Insight[] = [];
  for (const metric of ['cost_usd', 'avg_duration_ms'] as const) {
    const active = days.filter((d) => d.executions > 0 && d[metric] !== null);
    if (!atLeast(active.length, t.anomaly_min_days)) continue;
    const values = active.map((d) => d[metric] as number);
    const rs = robustScale(values)!;
    const floor = rs.median * (1 + t.anomaly_min_excess_percent / 100);
    const idx = robustHighOutliers(values, t.anomaly_mad_threshold).filter((i) => atLeast(values[i], floor));
    if (idx.length === 0) continue;
    const outliers = idx
      .map((i) => ({ date: active[i].date, value: values[i], robust_z: (values[i] - rs.median) / rs.scale }))
      .sort((a, b) => b.robust_z - a.robust_z || a.date.localeCompare(b.date));
    out.push(outlierInsight(metric, outliers, rs.median, rs.scale, active.length, ctx));
  }
  return out;
}

function outlierInsight(
  metric: DayMetric,
  outliers: { date: string; value: number; robust_z: number }[],
  med: number,
  scale: number,
  daysUsed: number,
  ctx: DetectContext,
): Insight {
  const isCost = metric === 'cost_usd';
  const fmt = isCost ? formatUsd : formatMs;
  const rnd = isCost ? roundMoney : roundMs;
  const top = outliers[0];
  const more = outliers.length > 1 ? ` (and ${outliers.length - 1} more day${outliers.length > 2 ? 's' : ''})` : '';
  return makeInsight(ctx, {
    type: 'anomaly',
    subject: isCost ? 'cost_outlier' : 'latency_outlier',
    severity: 'info',
    title: `Unusual daily ${isCost ? 'cost' : 'latency'} on ${top.date}: ${fmt(top.value)}`,
    description: `${isCost ? 'Cost' : 'Average duration'}${scopeSuffix(ctx)} on ${top.date} was ${fmt(top.value)} against a median day of ${fmt(med)}${more}.`,
    data: {
      metric,
      median: rnd(med),
      robust_sd: rnd(scale),
      days_analyzed: daysUsed,
      outlier_days: outliers.map((o) => ({ date: o.date, value: rnd(o.value), robust_z: round(o.robust_z, 2) })),
    },
    recommendations: isCost
      ? ['Check which pipelines and models ran on that day', 'Look for loops, retries or a batch job that ran twice']
      : ['Check provider status and rate limiting on that day', 'Compare stage timings on that day with a normal day'],
  });
}
