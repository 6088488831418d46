'use client';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { SummaryResponse } from '@/lib/schemas/insights';
import { fetchJson } from './fetch-json';
import { toQueryString, type DashboardFilters } from './filters';
import { queryKeys } from './query-keys';

/** GET /api/v1/analytics/insights/summary for the filters' days and pipeline. */
export function useSummaryQuery(f: DashboardFilters) {
  return useQuery({
    queryKey: queryKeys.summary(f),
    queryFn: ({ signal }) =>
      fetchJson<SummaryResponse>(`/api/v1/analytics/insights/summary?${toQueryString({ days: f.days, pipeline_id: f.pipeline_id })}`, { signal }),
    placeholderData: keepPreviousData,
  });
}
