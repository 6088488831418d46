'use client';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TimeseriesResponse } from '@/lib/schemas/insights';
import { fetchJson } from './fetch-json';
import { granularityFor, toQueryString, type DashboardFilters } from './filters';
import { queryKeys } from './query-keys';

/** GET /api/v1/analytics/timeseries: per-bucket executions, failures, cost and durations. */
export function useTimeseriesQuery(f: DashboardFilters) {
  const granularity = granularityFor(f.days);
  return useQuery({
    queryKey: queryKeys.timeseries(f, granularity),
    queryFn: ({ signal }) =>
      fetchJson<TimeseriesResponse>(
        `/api/v1/analytics/timeseries?${toQueryString({ days: f.days, pipeline_id: f.pipeline_id, granularity })}`,
        { signal },
      ),
    placeholderData: keepPreviousData,
  });
}
