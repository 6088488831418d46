import 'server-only';
import { buildReport, buildSummary } from '@/lib/insights/build';
import { computeWindows, fillBuckets, windowDayLabels } from '@/lib/insights/buckets';
import { detectInsights, filterInsights } from '@/lib/insights/detect-all';
import { roundMoney, roundOrNull } from '@/lib/insights/math';
import { getOrgSettings } from '@/lib/queries/get-org-settings';
import { getPipelines } from '@/lib/queries/get-pipelines';
import { analyticsQueries } from '@/lib/queries/analytics-source';
import type {
  Granularity,
  InsightCategory,
  InsightSeverity,
  InsightsListResponse,
  PipelinesResponse,
  ReportResponse,
  SummaryResponse,
  TimeseriesResponse,
} from '@/lib/schemas/insights';
import { withResponseCache } from './cache';
import { loadInsightsInput } from './insights-input';
import { usableTimeZone } from '@/lib/schemas/time-zone';
import { windowHourLabels } from './time-zone';

// The analytics service: the one code path behind the API routes and the dashboard's server
// components (the seed's `get_insights_service()`, in TypeScript). Each call reads SQL aggregates
// for the organisation (lib/queries), runs the pure engine (lib/insights) and returns the API's
// response shape. `pipelineId` scopes both the data and the insights; an unknown pipeline is
// simply empty. `now` exists for tests; it defaults to the current time.

interface Scoped {
  orgId: string;
  days: number;
  pipelineId?: string | null;
  now?: Date;
}

export interface ReportRequest extends Scoped {
  includeRecommendations?: boolean;
  includeForecasts?: boolean;
}

export interface ListRequest extends Scoped {
  category?: readonly InsightCategory[];
  severity?: readonly InsightSeverity[];
}

export interface TimeseriesRequest extends Scoped {
  granularity?: Granularity;
}

export interface InsightsService {
  generateReport(req: ReportRequest): Promise<ReportResponse>;
  getSummary(req: Scoped): Promise<SummaryResponse>;
  listInsights(req: ListRequest): Promise<InsightsListResponse>;
  getTimeseries(req: TimeseriesRequest): Promise<TimeseriesResponse>;
  listPipelines(orgId: string): Promise<PipelinesResponse>;
}

async function generateReport(req: ReportRequest): Promise<ReportResponse> {
  const input = await loadInsightsInput(req);
  return buildReport(input, {
    includeRecommendations: req.includeRecommendations ?? true,
    includeForecasts: req.includeForecasts ?? true,
  });
}

async function getSummary(req: Scoped): Promise<SummaryResponse> {
  return buildSummary(await loadInsightsInput({ ...req, parts: 'insights' }));
}

async function listInsights(req: ListRequest): Promise<InsightsListResponse> {
  const insights = filterInsights(detectInsights(await loadInsightsInput({ ...req, parts: 'insights' })), {
    category: req.category,
    severity: req.severity,
  });
  return { insights, total: insights.length };
}

/** Buckets for charts: every bucket of the window, empty ones with 0 counts and null averages. */
async function getTimeseries(req: TimeseriesRequest): Promise<TimeseriesResponse> {
  const granularity = req.granularity ?? 'day';
  const timeZone = usableTimeZone((await getOrgSettings(req.orgId)).timeZone);
  const window = computeWindows((req.now ?? new Date()).toISOString(), req.days).current;
  const rows = await analyticsQueries().getBuckets(req.orgId, window, { pipelineId: req.pipelineId }, { unit: granularity, timeZone });
  const labels = granularity === 'hour' ? windowHourLabels(window, timeZone) : windowDayLabels(window, timeZone);
  return {
    granularity,
    days: req.days,
    time_zone: timeZone,
    pipeline_id: req.pipelineId ?? null,
    buckets: fillBuckets(rows, labels).map((b) => ({
      date: b.date,
      executions: b.executions,
      failures: b.failures,
      cost_usd: roundMoney(b.cost_usd),
      avg_duration_ms: roundOrNull(b.avg_duration_ms, 2),
      p50_duration_ms: roundOrNull(b.p50_duration_ms, 2),
      p95_duration_ms: roundOrNull(b.p95_duration_ms, 2),
      p99_duration_ms: roundOrNull(b.p99_duration_ms, 2),
    })),
  };
}

async function listPipelines(orgId: string): Promise<PipelinesResponse> {
  const pipelines = await getPipelines(orgId);
  return { pipelines, total: pipelines.length };
}

// Cached for a few seconds with request coalescing (lib/services/cache.ts: staleness and invalidation).
const service: InsightsService = withResponseCache({ generateReport, getSummary, listInsights, getTimeseries, listPipelines });

export function getInsightsService(): InsightsService {
  return service;
}
