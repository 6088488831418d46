'use client';
import Link from 'next/link';
import { Card } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import { ErrorState } from '@/components/ui/states';
import { toQueryString } from '@/lib/hooks/filters';
import { useDashboardFilters } from '@/lib/hooks/use-dashboard-filters';
import { useSummaryQuery } from '@/lib/hooks/use-summary-query';
import type { Insight } from '@/lib/schemas/insights';
import { InsightRow } from './insight-row';

/** The most important cost, performance and reliability findings of the range. */
export function TopInsights() {
  const { filters } = useDashboardFilters();
  const query = useSummaryQuery(filters);
  const top = query.data
    ? [query.data.top_cost_insight, query.data.top_performance_insight, query.data.top_reliability_insight].filter((i): i is Insight => i !== null)
    : [];
  const all = `/insights?${toQueryString({ days: filters.days, pipeline_id: filters.pipeline_id })}`;
  return (
    <Card
      title="Top insights"
      description="The most important cost, performance and reliability finding"
      actions={<Link href={all} className="text-sm font-medium text-indigo-700 hover:underline dark:text-indigo-300">All insights →</Link>}
      testId="top-insights"
    >
      {query.isPending ? (
        <Skeleton className="h-40" />
      ) : query.error && !query.data ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} what="the top insights" />
      ) : top.length === 0 ? (
        <p className="py-6 text-center text-sm text-zinc-600 dark:text-zinc-400">Nothing stands out in this range: no cost, performance or reliability finding.</p>
      ) : (
        <ul className={`divide-y divide-zinc-100 dark:divide-zinc-800 ${query.isPlaceholderData ? 'opacity-60' : ''}`}>
          {top.map((i) => <InsightRow key={i.id} insight={i} filters={filters} />)}
        </ul>
      )}
    </Card>
  );
}
