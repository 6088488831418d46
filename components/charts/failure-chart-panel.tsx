'use client';
import { NoExecutions } from '@/components/ui/states';
import { failureRows, totals } from '@/lib/dashboard/series';
import { formatCount, formatPercent } from '@/lib/format';
import { useDashboardFilters } from '@/lib/hooks/use-dashboard-filters';
import { useTimeseriesQuery } from '@/lib/hooks/use-timeseries-query';
import { ChartDataTable } from './chart-data-table';
import { ChartPanel } from './chart-panel';
import type { Series } from './series-config';
import { TimeChart } from './time-chart';

const series: Series[] = [
  { key: 'failures', name: 'Failed runs', kind: 'bar', color: 'var(--chart-volume)', format: formatCount, right: true },
  { key: 'failure_rate', name: 'Failure rate', kind: 'line', color: 'var(--chart-failure)', format: (v) => formatPercent(v) },
];

/** Failure rate per day (failed ÷ executions), with the failed runs as bars behind it. */
export function FailureChartPanel() {
  const { filters } = useDashboardFilters();
  const query = useTimeseriesQuery(filters);
  const rows = query.data ? failureRows(query.data.buckets) : [];
  const t = query.data ? totals(query.data.buckets) : null;
  return (
    <ChartPanel
      title="Failure rate"
      description="Failed runs ÷ all runs per day; bars: number of failed runs (right axis)"
      summary={t ? `${formatPercent(t.failure_rate)} overall, ${formatCount(t.failures)} failed of ${formatCount(t.executions)}` : null}
      isPending={query.isPending}
      error={query.data ? null : query.error}
      onRetry={() => void query.refetch()}
      isEmpty={t?.executions === 0}
      empty={<NoExecutions days={filters.days} pipelineId={filters.pipeline_id} />}
      busy={query.isPlaceholderData}
      testId="chart-failure-rate"
    >
      <TimeChart rows={rows} series={series} leftFormat={(v) => formatPercent(v, 0)} rightFormat={(v) => formatCount(v)} />
      <ChartDataTable rows={rows} series={series} caption="Failure rate per day" />
    </ChartPanel>
  );
}
