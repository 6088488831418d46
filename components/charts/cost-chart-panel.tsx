'use client';
import { costRows } from '@/lib/dashboard/series';
import { formatUsd } from '@/lib/format';
import { useDashboardFilters } from '@/lib/hooks/use-dashboard-filters';
import { useReportQuery } from '@/lib/hooks/use-report-query';
import type { CostForecast } from '@/lib/schemas/insights';
import { ChartDataTable } from './chart-data-table';
import { ChartPanel } from './chart-panel';
import type { Series } from './series-config';
import { TimeChart } from './time-chart';
import { useTimeseriesChart } from './use-timeseries-chart';

const usdAxis = (v: number) => (v >= 1000 ? `$${(v / 1000).toFixed(1)}k` : `$${Number.isInteger(v) ? v : v.toFixed(2)}`);

function CostChart({ forecast }: { forecast: CostForecast | null }) {
  const { filters, buckets, totals: t, panel } = useTimeseriesChart();
  const rows = costRows(buckets, forecast);
  const series: Series[] = [
    { key: 'cost', name: 'Cost', kind: 'bar', color: 'var(--chart-cost)', format: formatUsd },
    ...(forecast
      ? ([
          { key: 'band_low', name: '80% band (low)', kind: 'area', color: 'var(--chart-forecast)', format: formatUsd, stackId: 'band', invisible: true },
          { key: 'band_width', name: '80% band (width)', kind: 'area', color: 'var(--chart-forecast)', format: formatUsd, stackId: 'band' },
          { key: 'forecast', name: 'Forecast', kind: 'line', color: 'var(--chart-forecast)', format: formatUsd, dashed: true },
        ] as Series[])
      : []),
  ];
  return (
    <ChartPanel
      title={forecast ? 'Daily cost and forecast' : 'Daily cost'}
      description={forecast ? `USD per day; the dashed line is the forecast for the next 30 days and the shaded band its 80% interval (${forecast.method.replace(/_/g, ' ')}, ${forecast.days_used} complete days; backtest accuracy ${(forecast.confidence * 100).toFixed(0)}%)` : 'USD per day, in the organisation’s time zone'}
      summary={t ? `${formatUsd(t.cost_usd)} in the last ${filters.days} days (the first and the last day are partial)` : null}
      {...panel}
      testId="chart-cost"
    >
      <TimeChart rows={rows} series={series} leftFormat={usdAxis} />
      <ChartDataTable rows={rows} series={series} caption="Cost per day" />
    </ChartPanel>
  );
}

/** Cost per day (overview). */
export function CostChartPanel() {
  return <CostChart forecast={null} />;
}

/** Cost per day with the report's forecast drawn ahead of today (costs page). */
export function CostForecastChartPanel() {
  const { filters } = useDashboardFilters();
  const report = useReportQuery(filters);
  return <CostChart forecast={report.data?.cost_forecast ?? null} />;
}
