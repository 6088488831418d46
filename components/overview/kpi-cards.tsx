'use client';
import { StatCard } from '@/components/ui/stat-card';
import { CardsSkeleton } from '@/components/ui/skeleton';
import { ErrorState, NoExecutions } from '@/components/ui/states';
import { totals } from '@/lib/dashboard/series';
import { formatCount, formatMs, formatRatioAsPercent, formatUsd } from '@/lib/format';
import { useDashboardFilters } from '@/lib/hooks/use-dashboard-filters';
import { useTimeseriesQuery } from '@/lib/hooks/use-timeseries-query';

/** The range at a glance: executions, cost, failure rate, average duration (from the timeseries). */
export function KpiCards() {
  const { filters } = useDashboardFilters();
  const query = useTimeseriesQuery(filters);
  if (query.isPending) return <CardsSkeleton />;
  if (query.error && !query.data) return <ErrorState error={query.error} onRetry={() => void query.refetch()} what="the totals" />;
  const t = totals(query.data.buckets);
  if (t.executions === 0) return <NoExecutions days={filters.days} pipelineId={filters.pipeline_id} />;
  const busy = query.isPlaceholderData;
  return (
    <section aria-label="Totals" className="grid grid-cols-2 gap-3 lg:grid-cols-4" data-busy={busy ? 'true' : 'false'}>
      <StatCard label="Executions" value={formatCount(t.executions)} testId="stat-executions" busy={busy} />
      <StatCard label="Total cost" value={formatUsd(t.cost_usd)} testId="stat-cost" busy={busy} />
      <StatCard label="Failure rate" value={formatRatioAsPercent(t.failure_rate)} hint={`${formatCount(t.failures)} failed`} testId="stat-failure-rate" busy={busy} />
      <StatCard label="Average duration" value={formatMs(t.avg_duration_ms)} testId="stat-avg-duration" busy={busy} />
    </section>
  );
}
