'use client';
import { NoExecutions } from '@/components/ui/states';
import { totals } from '@/lib/dashboard/series';
import { useDashboardFilters } from '@/lib/hooks/use-dashboard-filters';
import { useTimeseriesQuery } from '@/lib/hooks/use-timeseries-query';

/**
 * The timeseries of the URL's filters and the state props every chart of it passes to ChartPanel:
 * loading, error with retry, "no executions in this range", previous data dimmed while loading.
 */
export function useTimeseriesChart() {
  const { filters } = useDashboardFilters();
  const query = useTimeseriesQuery(filters);
  const sums = query.data ? totals(query.data.buckets) : null;
  return {
    filters,
    buckets: query.data?.buckets ?? [],
    totals: sums,
    panel: {
      isPending: query.isPending,
      error: query.data ? null : query.error,
      onRetry: () => void query.refetch(),
      isEmpty: sums?.executions === 0,
      empty: <NoExecutions days={filters.days} pipelineId={filters.pipeline_id} />,
      busy: query.isPlaceholderData,
    },
  };
}
