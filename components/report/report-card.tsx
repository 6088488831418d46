'use client';
import type { ReactNode } from 'react';
import { Card } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import { ErrorState } from '@/components/ui/states';
import type { DashboardFilters } from '@/lib/hooks/filters';
import { useDashboardFilters } from '@/lib/hooks/use-dashboard-filters';
import { useReportQuery } from '@/lib/hooks/use-report-query';
import type { ReportResponse } from '@/lib/schemas/insights';

/**
 * A card fed by the report of the URL's filters (one request shared by every card of the page):
 * skeleton while it loads, error with retry, the previous report dimmed while a new one loads.
 */
export function ReportCard({
  title, description, actions, children, testId, className,
}: {
  title: string; description?: ReactNode; testId?: string; className?: string;
  actions?: (report: ReportResponse, filters: DashboardFilters) => ReactNode;
  children: (report: ReportResponse, filters: DashboardFilters) => ReactNode;
}) {
  const { filters } = useDashboardFilters();
  const query = useReportQuery(filters);
  const busy = query.isPlaceholderData;
  return (
    <Card title={title} description={description} actions={query.data ? actions?.(query.data, filters) : null} testId={testId} className={className}>
      {query.isPending ? (
        <Skeleton className="h-48" />
      ) : query.error && !query.data ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} what={title.toLowerCase()} />
      ) : (
        <div data-busy={busy ? 'true' : 'false'} aria-busy={busy} className={busy ? 'opacity-60 transition-opacity' : ''}>
          {children(query.data, filters)}
        </div>
      )}
    </Card>
  );
}

/** Cards of numbers fed by the report (a row of StatCards). */
export function ReportStats({ children, label }: { label: string; children: (report: ReportResponse) => ReactNode }) {
  const { filters } = useDashboardFilters();
  const query = useReportQuery(filters);
  if (query.isPending) return <div role="status" aria-label="Loading" className="grid grid-cols-2 gap-3 lg:grid-cols-4">{[0, 1, 2, 3].map((i) => <Skeleton key={i} className="h-[92px]" />)}</div>;
  if (query.error && !query.data) return <ErrorState error={query.error} onRetry={() => void query.refetch()} what={label.toLowerCase()} />;
  return (
    <section aria-label={label} className="grid grid-cols-2 gap-3 lg:grid-cols-4" data-busy={query.isPlaceholderData ? 'true' : 'false'}>
      {children(query.data)}
    </section>
  );
}
