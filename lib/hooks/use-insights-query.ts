'use client';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { InsightsListResponse } from '@/lib/schemas/insights';
import { fetchJson } from './fetch-json';
import { toQueryString, type DashboardFilters } from './filters';
import { queryKeys } from './query-keys';

/** GET /api/v1/analytics/insights with every filter. */
export function useInsightsQuery(f: DashboardFilters) {
  return useQuery({
    queryKey: queryKeys.insights(f),
    queryFn: ({ signal }) => fetchJson<InsightsListResponse>(`/api/v1/analytics/insights?${toQueryString(f)}`, { signal }),
    placeholderData: keepPreviousData,
  });
}
