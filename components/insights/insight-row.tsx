import Link from 'next/link';
import { SeverityBadge, Tag } from '@/components/ui/badge';
import type { DashboardFilters } from '@/lib/hooks/filters';
import type { Insight } from '@/lib/schemas/insights';
import { insightHref } from './insight-link';

/** One finding in a list: severity, title (to its detail), what it means, where. */
export function InsightRow({ insight, filters }: { insight: Insight; filters: DashboardFilters }) {
  return (
    <li className="flex gap-3 py-3" data-testid="insight-row" data-insight-id={insight.id}>
      <div className="w-16 shrink-0 pt-0.5"><SeverityBadge severity={insight.severity} /></div>
      <div className="min-w-0 flex-1">
        <Link href={insightHref(insight.id, filters)} className="font-medium text-zinc-900 hover:text-indigo-700 hover:underline dark:text-zinc-100 dark:hover:text-indigo-300" data-testid="insight-title">
          {insight.title}
        </Link>
        <p className="mt-0.5 line-clamp-2 text-sm text-zinc-600 dark:text-zinc-400">{insight.description}</p>
        <div className="mt-1.5 flex flex-wrap gap-1.5">
          <Tag>{insight.category}</Tag>
          <Tag>{insight.pipeline_id ? `pipeline ${insight.pipeline_id}` : 'organisation-wide'}</Tag>
          <Tag>{insight.type.replace(/_/g, ' ')}</Tag>
        </div>
      </div>
    </li>
  );
}
