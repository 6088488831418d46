'use client';
import { StatCard } from '@/components/ui/stat-card';
import { CardsSkeleton } from '@/components/ui/skeleton';
import { ErrorState } from '@/components/ui/states';
import { changeTone, formatChange } from '@/lib/dashboard/format';
import { formatCount, formatUsd } from '@/lib/format';
import { useDashboardFilters } from '@/lib/hooks/use-dashboard-filters';
import { useSummaryQuery } from '@/lib/hooks/use-summary-query';

/** The insights summary: how many findings of each severity, savings, and the three changes. */
export function InsightCards() {
  const { filters } = useDashboardFilters();
  const query = useSummaryQuery(filters);
  if (query.isPending) return <CardsSkeleton count={8} />;
  if (query.error && !query.data) return <ErrorState error={query.error} onRetry={() => void query.refetch()} what="the insights summary" />;
  const s = query.data;
  const busy = query.isPlaceholderData;
  return (
    <section aria-label="Insights summary" className="grid grid-cols-2 gap-3 lg:grid-cols-4" data-busy={busy ? 'true' : 'false'}>
      <StatCard label="Insights" value={formatCount(s.total_insights)} testId="summary-total" busy={busy} />
      <StatCard label="Critical" value={formatCount(s.critical_count)} testId="summary-critical" busy={busy} tone={s.critical_count > 0 ? 'bad' : 'neutral'} hint={s.critical_count > 0 ? 'needs attention' : 'none'} />
      <StatCard label="Warning" value={formatCount(s.warning_count)} testId="summary-warning" busy={busy} />
      <StatCard label="Info" value={formatCount(s.info_count)} testId="summary-info" busy={busy} />
      <StatCard label="Estimated savings" value={formatUsd(s.estimated_savings)} hint="cheaper models, fewer failures" testId="summary-savings" busy={busy} />
      <StatCard label="Cost change" value={formatChange(s.cost_change_percent)} hint="vs previous period" tone={changeTone(s.cost_change_percent, false)} testId="summary-cost-change" busy={busy} />
      <StatCard label="Latency change" value={formatChange(s.performance_change_percent)} hint="average duration; + is slower" tone={changeTone(s.performance_change_percent, false)} testId="summary-performance-change" busy={busy} />
      <StatCard label="Success rate change" value={formatChange(s.reliability_change_percent)} hint="vs previous period" tone={changeTone(s.reliability_change_percent, true)} testId="summary-reliability-change" busy={busy} />
    </section>
  );
}
