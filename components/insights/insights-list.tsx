'use client';
import { Card } from '@/components/ui/card';
import { CsvButton } from '@/components/ui/csv-button';
import { Skeleton } from '@/components/ui/skeleton';
import { ErrorState } from '@/components/ui/states';
import type { CsvColumn } from '@/lib/dashboard/csv';
import { useDashboardFilters } from '@/lib/hooks/use-dashboard-filters';
import { useInsightsQuery } from '@/lib/hooks/use-insights-query';
import type { Insight } from '@/lib/schemas/insights';
import { InsightRow } from './insight-row';

const csv: CsvColumn<Insight>[] = [
  { header: 'id', value: (i) => i.id },
  { header: 'severity', value: (i) => i.severity },
  { header: 'category', value: (i) => i.category },
  { header: 'type', value: (i) => i.type },
  { header: 'pipeline_id', value: (i) => i.pipeline_id },
  { header: 'title', value: (i) => i.title },
  { header: 'description', value: (i) => i.description },
  { header: 'recommendations', value: (i) => i.recommendations.join(' | ') },
  { header: 'detected_at', value: (i) => i.detected_at },
];

/** Every finding for the filters in the URL, most important first, with a CSV of the same rows. */
export function InsightsList() {
  const { filters } = useDashboardFilters();
  const query = useInsightsQuery(filters);
  const insights = query.data?.insights ?? [];
  const busy = query.isPlaceholderData;
  return (
    <Card
      title={query.data ? `${query.data.total} insight${query.data.total === 1 ? '' : 's'}` : 'Insights'}
      description="Current period compared with the one before; detectors run organisation-wide and per pipeline"
      actions={<CsvButton filename={`insights-${filters.days}d`} columns={csv} rows={insights} />}
      testId="insights-list"
    >
      <div data-busy={busy ? 'true' : 'false'} aria-busy={busy} className={busy ? 'opacity-60' : ''}>
        {query.isPending ? (
          <Skeleton className="h-64" />
        ) : query.error && !query.data ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} what="the insights" />
        ) : insights.length === 0 ? (
          <p className="py-8 text-center text-sm text-zinc-600 dark:text-zinc-400" data-testid="insights-empty">
            No insights match these filters: nothing crossed a threshold in this range.
          </p>
        ) : (
          <ul className="divide-y divide-zinc-100 dark:divide-zinc-800" data-testid="insights-total" data-total={query.data?.total}>
            {insights.map((i) => <InsightRow key={i.id} insight={i} filters={filters} />)}
          </ul>
        )}
      </div>
    </Card>
  );
}
