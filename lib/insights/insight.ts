import type { InsightDataMap } from '@/lib/schemas/insight-data';
import type { Insight, InsightCategory, InsightSeverity, InsightType } from '@/lib/schemas/insights';
import type { ChangeTest, CompleteDays } from './change-tests';
import { formatPValue, roundRate } from './math';

// Building insight objects. The id names the finding, not the moment: the same type, scope,
// window length (and subject, for model- or kind-specific findings) gives the same id on every
// run, so alerting can tell a finding that stays active from a new one.

export const CATEGORY_OF: Record<InsightType, InsightCategory> = {
  cost_spike: 'cost',
  unpriced_model: 'cost',
  cost_optimization: 'optimization',
  model_recommendation: 'optimization',
  performance_degradation: 'performance',
  performance_improvement: 'performance',
  anomaly: 'performance',
  failure_pattern: 'reliability',
  reliability: 'reliability',
  usage_surge: 'usage',
  usage_drop: 'usage',
  peak_hours: 'usage',
};

export const SEVERITY_RANK: Record<InsightSeverity, number> = { critical: 3, warning: 2, info: 1 };

/**
 * Readable, stable id: `cost_spike:org:30d`, `failure_pattern:pipeline=etl%3Adaily:7d`,
 * `model_recommendation:org:30d:openai%2Fgpt-4o`. Variable parts are URI-encoded so a ':' in a
 * pipeline id cannot make two findings collide.
 */
export function insightId(type: InsightType, pipelineId: string | null, days: number, subject?: string): string {
  const scope = pipelineId === null ? 'org' : `pipeline=${encodeURIComponent(pipelineId)}`;
  const base = `${type}:${scope}:${days}d`;
  return subject === undefined ? base : `${base}:${encodeURIComponent(subject)}`;
}

/** What every detector knows about the run it is part of. */
export interface DetectContext {
  pipeline_id: string | null;
  days: number;
  now: string;
  /** The complete local days of both windows: the daily tests use only these (./change-tests.ts). */
  complete: CompleteDays;
}

/** What a detector fills in: `data` typed by `type` (lib/schemas/insight-data.ts). */
export type InsightDraft = {
  [T in InsightType]: {
    type: T;
    severity: InsightSeverity;
    title: string;
    description: string;
    data: InsightDataMap[T];
    recommendations: string[];
    /** Distinguishes several findings of one type in one scope (a model, a kind of anomaly). */
    subject?: string;
  };
}[InsightType];

export function makeInsight(ctx: DetectContext, d: InsightDraft): Insight {
  // The draft's type and data correspond (InsightDraft); the spread loses that pairing for tsc.
  return {
    id: insightId(d.type, ctx.pipeline_id, ctx.days, d.subject),
    type: d.type,
    category: CATEGORY_OF[d.type],
    severity: d.severity,
    title: d.title,
    description: d.description,
    pipeline_id: ctx.pipeline_id,
    data: d.data,
    recommendations: d.recommendations,
    detected_at: ctx.now,
  } as Insight;
}

/** " in pipeline x" for scoped descriptions, "" organisation-wide. */
export function scopeSuffix(ctx: DetectContext): string {
  return ctx.pipeline_id === null ? '' : ` in pipeline ${ctx.pipeline_id}`;
}

/** The test behind a finding, as its `data` carries it. */
export function testData(test: ChangeTest): { p_value: number | null; test: string } {
  return { p_value: test.p_value === null ? null : roundRate(test.p_value), test: test.test };
}

/** "Welch t-test daily cost, p < 0.001" for descriptions. */
export function testLabel(test: ChangeTest): string {
  return `${test.test.replace(/_/g, ' ')}, ${formatPValue(test.p_value)}`;
}
