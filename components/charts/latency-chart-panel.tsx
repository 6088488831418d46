'use client';
import { latencyRows } from '@/lib/dashboard/series';
import { formatMs } from '@/lib/format';
import { ChartDataTable } from './chart-data-table';
import { ChartPanel } from './chart-panel';
import type { Series } from './series-config';
import { TimeChart } from './time-chart';
import { useTimeseriesChart } from './use-timeseries-chart';

const series: Series[] = [
  { key: 'p50', name: 'p50', kind: 'line', color: 'var(--chart-p50)', format: formatMs },
  { key: 'p95', name: 'p95', kind: 'line', color: 'var(--chart-p95)', format: formatMs },
  { key: 'p99', name: 'p99', kind: 'line', color: 'var(--chart-p99)', format: formatMs },
  { key: 'avg', name: 'Average', kind: 'line', color: 'var(--chart-avg)', format: formatMs, dashed: true },
];
const msAxis = (v: number) => (v >= 1000 ? `${(v / 1000).toFixed(v >= 10_000 ? 0 : 1)} s` : `${v} ms`);

/** Execution duration per bucket: p50, p95, p99 and the average, from the timeseries endpoint. */
export function LatencyChartPanel() {
  const { buckets, panel } = useTimeseriesChart();
  const rows = latencyRows(buckets);
  return (
    <ChartPanel
      title="Execution duration"
      description="p50, p95 and p99 per day; dashed: the average"
      {...panel}
      testId="chart-latency"
    >
      <TimeChart rows={rows} series={series} leftFormat={msAxis} />
      <ChartDataTable rows={rows} series={series} caption="Execution duration per bucket: p50, p95, p99 and average" />
    </ChartPanel>
  );
}
