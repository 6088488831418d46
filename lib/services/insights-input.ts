import 'server-only';
import { computeWindows, fillBuckets, windowDayLabels } from '@/lib/insights/buckets';
import type { DayBucket, InsightsInput, ScopeStats, WindowStats } from '@/lib/insights/types';
import type { BucketRow } from '@/lib/queries/get-buckets';
import type { ErrorCountRow } from '@/lib/queries/get-error-counts';
import { getOrgSettings } from '@/lib/queries/get-org-settings';
import { getPriceOverrides } from '@/lib/queries/get-price-overrides';
import type { WindowStatsRow } from '@/lib/queries/get-window-stats';
import { analyticsQueries, type QuerySource } from '@/lib/queries/analytics-source';
import { attachPrices, catalogCandidates, makePriceLookup } from './model-prices';
import { usableTimeZone } from '@/lib/schemas/time-zone';

// Fills the engine's InsightsInput for one request from SQL aggregates: no raw execution ever
// reaches JavaScript. Independent queries run together; only the settings (time zone) go first.

export interface InputRequest {
  orgId: string;
  days: number;
  pipelineId?: string | null;
  /** The request time; defaults to the current time. */
  now?: Date;
  /** Rollups (default) or raw rows: the same answer (see lib/queries/rollup). */
  source?: QuerySource;
  /**
   * 'report' (default): everything. 'insights': what the detectors and the summary read — the
   * report-only parts (slowest stages, MTTR, the previous window's day series for trends and the
   * forecast) are left empty and their queries are not run.
   */
  parts?: 'report' | 'insights';
}

export const EMPTY_WINDOW: Readonly<WindowStats> = Object.freeze({
  executions: 0, successes: 0, failures: 0, cancelled: 0, cost_usd: 0, failed_cost_usd: 0,
  avg_duration_ms: null, duration_stddev_ms: null, p50_duration_ms: null, p95_duration_ms: null,
  p99_duration_ms: null, total_tokens: 0,
});

const stripPipeline = (rows: BucketRow[]): DayBucket[] => rows.map(({ pipeline_id: _p, ...bucket }) => bucket);

function assembleScopes(stats: WindowStatsRow[], errors: ErrorCountRow[], days: BucketRow[], labels: string[], scopeId: string | null) {
  const scopes = new Map<string | null, ScopeStats>();
  const get = (pipelineId: string | null) => {
    let s = scopes.get(pipelineId);
    if (!s) {
      s = { pipeline_id: pipelineId, current: { ...EMPTY_WINDOW }, previous: { ...EMPTY_WINDOW }, by_error_type: {}, days: [] };
      scopes.set(pipelineId, s);
    }
    return s;
  };
  get(null);
  for (const r of stats) get(r.pipeline_id)[r.window] = r.stats;
  for (const r of errors) get(r.pipeline_id).by_error_type[r.error_type] = r.failures;
  for (const s of scopes.values()) {
    s.days = fillBuckets(stripPipeline(days.filter((d) => d.pipeline_id === s.pipeline_id)), labels);
  }
  const scope = { ...get(null), pipeline_id: scopeId };
  const pipelines = [...scopes.values()].filter((s) => s.pipeline_id !== null).sort((a, b) => a.pipeline_id!.localeCompare(b.pipeline_id!));
  return { scope, pipelines };
}

export async function loadInsightsInput(req: InputRequest): Promise<InsightsInput> {
  const { orgId, days } = req;
  const now = (req.now ?? new Date()).toISOString();
  const scope = { pipelineId: req.pipelineId ?? null };
  const settings = await getOrgSettings(orgId);
  const timeZone = usableTimeZone(settings.timeZone);
  const w = computeWindows(now, days);
  const q = analyticsQueries(req.source);
  const report = req.parts !== 'insights';
  const [stats, errors, currentDays, previousDays, modelRows, overrides, stages, hourCounts, recovery] = await Promise.all([
    q.getWindowStats(orgId, w, scope, timeZone),
    q.getErrorCounts(orgId, w.current, scope, timeZone),
    // The engine reads counts, cost and average latency per day, never day percentiles.
    q.getBuckets(orgId, w.current, scope, { unit: 'day', timeZone, perPipeline: true, percentiles: false }),
    report ? q.getBuckets(orgId, w.previous, scope, { unit: 'day', timeZone, percentiles: false }) : [],
    q.getModelStats(orgId, w.current, scope, timeZone),
    getPriceOverrides(orgId),
    report ? q.getStageStats(orgId, w.current, scope, timeZone) : [],
    q.getHourCounts(orgId, w.current, scope, timeZone),
    report ? q.getRecovery(orgId, w.current, scope) : { streaks: 0, total_minutes: 0 },
  ]);
  const { scope: scopeStats, pipelines } = assembleScopes(stats, errors, currentDays, windowDayLabels(w.current, timeZone), scope.pipelineId);
  const price = makePriceLookup(overrides);
  const models = attachPrices(modelRows, price);
  return {
    now,
    days,
    time_zone: timeZone,
    scope: scopeStats,
    previous_days: fillBuckets(stripPipeline(previousDays), windowDayLabels(w.previous, timeZone)),
    pipelines: scope.pipelineId ? [] : pipelines,
    models,
    catalog: catalogCandidates(models, price),
    stages,
    hour_counts: hourCounts,
    recovery,
    thresholds: settings.thresholds,
  };
}
