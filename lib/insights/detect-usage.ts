import type { Insight } from '@/lib/schemas/insights';
import { hasComparableSample } from './detect-cost';
import { makeInsight, scopeSuffix, type DetectContext } from './insight';
import { atLeast, formatPercent, percentChange, roundPercent, roundRate } from './math';
import type { Thresholds } from '@/lib/schemas/thresholds';
import type { ScopeStats } from './types';

/** usage_surge / usage_drop (info): executions changed by ≥ 50%, minimum executions in both windows. */
export function detectUsageChange(s: ScopeStats, t: Thresholds, ctx: DetectContext): Insight[] {
  if (!hasComparableSample(s, t)) return [];
  const prev = s.previous.executions;
  const cur = s.current.executions;
  const change = percentChange(cur, prev)!;
  const surge = atLeast(change, t.usage_change_percent);
  if (!surge && !atLeast(-change, t.usage_change_percent)) return [];
  return [
    makeInsight(ctx, {
      type: surge ? 'usage_surge' : 'usage_drop',
      severity: 'info',
      title: `Executions ${surge ? 'increased' : 'decreased'} by ${formatPercent(change)}`,
      description: `${cur} executions${scopeSuffix(ctx)} in the last ${ctx.days} days, against ${prev} in the ${ctx.days} days before.`,
      data: { previous_executions: prev, current_executions: cur, change_percent: roundPercent(change) },
      recommendations: surge
        ? ['Confirm the growth is expected (new users, a new integration) and not a retry loop', 'Check that budgets and rate limits fit the new volume']
        : ['Confirm the drop is expected (a pipeline retired, a holiday) and not a broken trigger'],
    }),
  ];
}

/** The busiest hours, most executions first (ties: earlier hour). */
export function rankHours(hourCounts: readonly number[]): { hour: number; executions: number }[] {
  return hourCounts
    .map((executions, hour) => ({ hour, executions }))
    .filter((h) => h.executions > 0)
    .sort((a, b) => b.executions - a.executions || a.hour - b.hour);
}

/**
 * peak_hours (info): the 3 busiest hours of the day (org time zone) hold ≥ 40% of the window's
 * executions — more than three times the 12.5% an even spread would give. Needs ≥ 100
 * executions: with fewer, 24 hourly buckets are too thin and random clumping looks like a peak.
 */
export function detectPeakHours(hourCounts: readonly number[], t: Thresholds, ctx: DetectContext, timeZone: string): Insight[] {
  const total = hourCounts.reduce((a, b) => a + b, 0);
  if (!atLeast(total, Math.max(t.peak_hours_min_executions, t.min_executions))) return [];
  const top = rankHours(hourCounts).slice(0, t.peak_hours_count);
  const share = top.reduce((a, h) => a + h.executions, 0) / total;
  if (!atLeast(share, t.peak_hours_share)) return [];
  const hours = top.map((h) => h.hour).sort((a, b) => a - b);
  const label = hours.map((h) => `${String(h).padStart(2, '0')}:00`).join(', ');
  return [
    makeInsight(ctx, {
      type: 'peak_hours',
      severity: 'info',
      title: `${formatPercent(share * 100)} of executions run in ${top.length} hours of the day`,
      description: `The busiest hours${scopeSuffix(ctx)} (${timeZone}) are ${label}.`,
      data: {
        time_zone: timeZone,
        peak_hours: top.map((h) => ({ hour: h.hour, executions: h.executions, share: roundRate(h.executions / total) })),
        peak_share: roundRate(share),
        total_executions: total,
      },
      recommendations: [
        'Schedule batch work outside the peak hours to stay under rate limits',
        'Size concurrency and quotas for the peak, not the daily average',
      ],
    }),
  ];
}
