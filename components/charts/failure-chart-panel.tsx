'use client';
import { failureRows } from '@/lib/dashboard/series';
import { formatCount, formatRatioAsPercent } from '@/lib/format';
import { ChartDataTable } from './chart-data-table';
import { ChartPanel } from './chart-panel';
import type { Series } from './series-config';
import { TimeChart } from './time-chart';
import { useTimeseriesChart } from './use-timeseries-chart';

const series: Series[] = [
  { key: 'failures', name: 'Failed runs', kind: 'bar', color: 'var(--chart-volume)', format: formatCount, right: true },
  { key: 'failure_rate', name: 'Failure rate', kind: 'line', color: 'var(--chart-failure)', format: (v) => formatRatioAsPercent(v) },
];

/** Failure rate per day (failed ÷ executions), with the failed runs as bars behind it. */
export function FailureChartPanel() {
  const { buckets, totals: t, panel } = useTimeseriesChart();
  const rows = failureRows(buckets);
  return (
    <ChartPanel
      title="Failure rate"
      description="Failed runs ÷ all runs per day; bars: number of failed runs (right axis)"
      summary={t ? `${formatRatioAsPercent(t.failure_rate)} overall, ${formatCount(t.failures)} failed of ${formatCount(t.executions)}` : null}
      {...panel}
      testId="chart-failure-rate"
    >
      <TimeChart rows={rows} series={series} leftFormat={(v) => formatRatioAsPercent(v, 0)} rightFormat={(v) => formatCount(v)} />
      <ChartDataTable rows={rows} series={series} caption="Failure rate per day" />
    </ChartPanel>
  );
}
