'use client';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ReportResponse } from '@/lib/schemas/insights';
import { fetchJson } from './fetch-json';
import { toQueryString, type DashboardFilters } from './filters';
import { queryKeys } from './query-keys';

/** GET /api/v1/analytics/insights/report (recommendations and forecast included). */
export function useReportQuery(f: DashboardFilters) {
  return useQuery({
    queryKey: queryKeys.report(f),
    queryFn: ({ signal }) =>
      fetchJson<ReportResponse>(`/api/v1/analytics/insights/report?${toQueryString({ days: f.days, pipeline_id: f.pipeline_id })}`, { signal }),
    placeholderData: keepPreviousData,
  });
}
