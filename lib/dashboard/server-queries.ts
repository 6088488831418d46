import 'server-only';
import { QueryClient, type FetchQueryOptions } from '@tanstack/react-query';
import { cache } from 'react';
import { granularityFor, listFilters, type DashboardFilters } from '@/lib/hooks/filters';
import { queryKeys } from '@/lib/hooks/query-keys';
import { listKeys } from '@/lib/auth/key-admin';
import { getInsightsService } from '@/lib/services/insights';
import { getSettings } from '@/lib/settings/org-settings';

// The server's first paint: the same data the /api/v1 endpoints return, read through the
// analytics service directly (no HTTP hop), stored under the keys the browser hooks use so the
// hydrated page does not fetch it again. One QueryClient per request (React cache), so requests
// never share data and two sections asking for the same report share one computation.

export const getRequestQueryClient = cache(
  () => new QueryClient({ defaultOptions: { queries: { staleTime: 60_000, retry: false } } }),
);

type Options = FetchQueryOptions<unknown, Error, unknown, readonly unknown[]>;

export function serverQueries(orgId: string) {
  const service = getInsightsService();
  return {
    summary: (f: DashboardFilters): Options => ({
      queryKey: queryKeys.summary(f),
      queryFn: () => service.getSummary({ orgId, days: f.days, pipelineId: f.pipeline_id }),
    }),
    report: (f: DashboardFilters): Options => ({
      queryKey: queryKeys.report(f),
      queryFn: () => service.generateReport({ orgId, days: f.days, pipelineId: f.pipeline_id }),
    }),
    insights: (f: DashboardFilters): Options => ({
      queryKey: queryKeys.insights(f),
      queryFn: () => service.listInsights({ orgId, days: f.days, pipelineId: f.pipeline_id, ...listFilters(f) }),
    }),
    timeseries: (f: DashboardFilters): Options => ({
      queryKey: queryKeys.timeseries(f, granularityFor(f.days)),
      queryFn: () => service.getTimeseries({ orgId, days: f.days, pipelineId: f.pipeline_id, granularity: granularityFor(f.days) }),
    }),
    pipelines: (): Options => ({ queryKey: queryKeys.pipelines(), queryFn: () => service.listPipelines(orgId) }),
    keys: (): Options => ({ queryKey: queryKeys.keys(), queryFn: async () => ({ keys: await listKeys(orgId) }) }),
    settings: (): Options => ({ queryKey: queryKeys.settings(), queryFn: () => getSettings(orgId) }),
  };
}
