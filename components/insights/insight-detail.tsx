'use client';
import Link from 'next/link';
import { AcknowledgeButton } from '@/components/alerts/acknowledge-button';
import { SeverityBadge, Tag } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import { ErrorState } from '@/components/ui/states';
import { LocalTime } from '@/components/ui/local-time';
import { toQueryString, type DashboardFilters } from '@/lib/hooks/filters';
import { useInsightsQuery } from '@/lib/hooks/use-insights-query';
import type { InsightStatus } from '@/lib/schemas/alerts';
import { InsightData } from './insight-data';

/** One finding: what happened, the numbers behind it and what to do. */
export function InsightDetail({ id, lookup, back, alertStatus }: { id: string; lookup: DashboardFilters; back: DashboardFilters; alertStatus: InsightStatus | null }) {
  const query = useInsightsQuery(lookup);
  const insight = query.data?.insights.find((i) => i.id === id);
  const backHref = `/insights?${toQueryString(back)}`;
  const backLink = <Link href={backHref} className="text-sm font-medium text-indigo-700 hover:underline dark:text-indigo-300">← All insights</Link>;
  if (query.isPending) return <Skeleton className="h-96" />;
  if (query.error && !query.data) return <ErrorState error={query.error} onRetry={() => void query.refetch()} what="this insight" />;
  if (!insight) {
    return (
      <Card title="This insight is not active" testId="insight-missing">
        <p className="mb-3 text-sm text-zinc-600 dark:text-zinc-400">
          “{id}” is not among the findings of the last {lookup.days} days: the condition has cleared, or it belongs to another range.
        </p>
        {backLink}
      </Card>
    );
  }
  return (
    <div className="space-y-4" data-testid="insight-detail">
      {backLink}
      <Card>
        <div className="flex flex-wrap items-center gap-2">
          <SeverityBadge severity={insight.severity} />
          <Tag>{insight.category}</Tag>
          <Tag>{insight.pipeline_id ? `pipeline ${insight.pipeline_id}` : 'organisation-wide'}</Tag>
          <Tag>{insight.type.replace(/_/g, ' ')}</Tag>
          <span className="ml-auto"><AcknowledgeButton insightId={insight.id} status={alertStatus} /></span>
        </div>
        <h1 className="mt-3 text-xl font-semibold text-zinc-900 dark:text-zinc-50">{insight.title}</h1>
        <p className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">{insight.description}</p>
        <p className="mt-2 text-xs text-zinc-600 dark:text-zinc-400">
          Detected <LocalTime iso={insight.detected_at} /> · last {lookup.days} days vs the {lookup.days} before · id <code>{insight.id}</code>
        </p>
      </Card>
      <div className="grid gap-4 lg:grid-cols-3">
        <Card title="The numbers" className="lg:col-span-2"><InsightData data={insight.data} /></Card>
        <Card title="Recommendations" testId="insight-recommendations">
          {insight.recommendations.length === 0 ? (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">None: this one is for information.</p>
          ) : (
            <ol className="list-decimal space-y-2 pl-5 text-sm text-zinc-800 dark:text-zinc-200">
              {insight.recommendations.map((r) => <li key={r}>{r}</li>)}
            </ol>
          )}
        </Card>
      </div>
    </div>
  );
}
