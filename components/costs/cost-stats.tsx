'use client';
import { ReportStats } from '@/components/report/report-card';
import { StatCard } from '@/components/ui/stat-card';
import { changeTone, formatChange } from '@/lib/dashboard/format';
import { formatUsd } from '@/lib/format';

/** Spend of the range, its change, the forecast and what could be saved. */
export function CostStats() {
  return (
    <ReportStats label="Cost summary">
      {(r) => (
        <>
          <StatCard label="Total cost" value={formatUsd(r.cost_trend.current_value)} hint={`${formatChange(r.cost_trend.change_percent)} vs previous period${r.cost_trend.is_significant ? '' : ' (not significant)'}`} tone={changeTone(r.cost_trend.change_percent, false)} testId="cost-total" />
          <StatCard label="Daily average" value={formatUsd(r.cost_forecast?.current_daily_avg)} hint={r.cost_forecast ? `next day ≈ ${formatUsd(r.cost_forecast.projected_daily)}` : undefined} testId="cost-daily" />
          <StatCard label="Next 30 days (forecast)" value={formatUsd(r.cost_forecast?.projected_monthly)} hint={r.cost_forecast ? `trend ${r.cost_forecast.trend}, confidence ${(r.cost_forecast.confidence * 100).toFixed(0)}%` : undefined} tone={r.cost_forecast?.trend === 'up' ? 'bad' : r.cost_forecast?.trend === 'down' ? 'good' : 'neutral'} testId="cost-forecast-monthly" />
          <StatCard label="Potential savings" value={formatUsd(r.total_potential_savings)} hint={`${r.optimization_opportunities.length} opportunit${r.optimization_opportunities.length === 1 ? 'y' : 'ies'}`} tone={r.total_potential_savings > 0 ? 'good' : 'neutral'} testId="cost-savings" />
        </>
      )}
    </ReportStats>
  );
}
