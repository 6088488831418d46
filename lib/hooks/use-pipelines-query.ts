'use client';
import { useQuery } from '@tanstack/react-query';
import type { PipelinesResponse } from '@/lib/schemas/insights';
import { fetchJson } from './fetch-json';
import { queryKeys } from './query-keys';

/** GET /api/v1/pipelines: the organisation's pipelines (for the pipeline filter). */
export function usePipelinesQuery() {
  return useQuery({
    queryKey: queryKeys.pipelines(),
    queryFn: ({ signal }) => fetchJson<PipelinesResponse>('/api/v1/pipelines', { signal }),
    staleTime: 5 * 60_000,
  });
}
