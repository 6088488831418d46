'use client';
import type { ReactNode } from 'react';
import { useDashboardFilters } from '@/lib/hooks/use-dashboard-filters';

/** Page title with the range it shows ("last 30 days · pipeline support-bot"), from the URL. */
export function PageHeader({ title, children }: { title: string; children?: ReactNode }) {
  const { filters } = useDashboardFilters();
  return (
    <div className="mb-4 flex flex-col gap-3">
      <div>
        <h1 className="text-xl font-semibold tracking-tight text-zinc-900 dark:text-zinc-50">{title}</h1>
        <p className="mt-0.5 text-sm text-zinc-600 dark:text-zinc-400" data-testid="range-label">
          Last {filters.days} days · {filters.pipeline_id ? `pipeline ${filters.pipeline_id}` : 'all pipelines'}, compared with the {filters.days} days before
        </p>
      </div>
      {children}
    </div>
  );
}
