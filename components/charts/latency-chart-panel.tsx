'use client';
import { latencyRows } from '@/lib/dashboard/series';
import { formatMs } from '@/lib/format';
import { useReportQuery } from '@/lib/hooks/use-report-query';
import { ChartDataTable } from './chart-data-table';
import { ChartPanel } from './chart-panel';
import type { Series } from './series-config';
import { TimeChart, type Reference } from './time-chart';
import { useTimeseriesChart } from './use-timeseries-chart';

const series: Series[] = [
  { key: 'avg', name: 'Average', kind: 'line', color: 'var(--chart-avg)', format: formatMs },
  { key: 'p95', name: 'p95', kind: 'line', color: 'var(--chart-p95)', format: formatMs },
];
const msAxis = (v: number) => (v >= 1000 ? `${(v / 1000).toFixed(v >= 10_000 ? 0 : 1)} s` : `${v} ms`);

/**
 * Execution duration per day: average and p95 per day, with the whole range's p50 and p99 as
 * reference lines (the timeseries API has no per-day p50 / p99 yet; the report has them per range).
 */
export function LatencyChartPanel() {
  const { filters, buckets, panel } = useTimeseriesChart();
  const report = useReportQuery(filters);
  const rows = latencyRows(buckets);
  const pm = report.data?.performance_metrics;
  const references: Reference[] = [];
  if (pm?.p50_duration_ms != null) references.push({ value: pm.p50_duration_ms, label: `p50 ${formatMs(pm.p50_duration_ms)}` });
  if (pm?.p99_duration_ms != null) references.push({ value: pm.p99_duration_ms, label: `p99 ${formatMs(pm.p99_duration_ms)}` });
  return (
    <ChartPanel
      title="Execution duration"
      description="Average and p95 per day; dashed: p50 and p99 of the whole range"
      summary={pm ? `p50 ${formatMs(pm.p50_duration_ms)} · p95 ${formatMs(pm.p95_duration_ms)} · p99 ${formatMs(pm.p99_duration_ms)} over the range` : null}
      {...panel}
      busy={panel.busy || report.isPlaceholderData}
      testId="chart-latency"
    >
      <TimeChart rows={rows} series={series} leftFormat={msAxis} references={references} />
      <ChartDataTable rows={rows} series={series} caption="Execution duration per day" />
    </ChartPanel>
  );
}
