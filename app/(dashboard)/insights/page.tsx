// Insights: every finding for the range, filtered by pipeline, category and severity, with CSV.
import { Suspense } from 'react';
import { Prefetch } from '@/components/data/prefetch';
import { FilterBar } from '@/components/filters/filter-bar';
import { InsightsList } from '@/components/insights/insights-list';
import { PageHeader } from '@/components/ui/page-header';
import { PanelSkeleton } from '@/components/ui/skeleton';
import { pageContext } from '@/lib/dashboard/page-context';

export default async function InsightsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { filters, queries } = await pageContext(searchParams);
  return (
    <div className="space-y-4">
      <PageHeader title="Insights"><FilterBar insightFilters /></PageHeader>
      <Suspense fallback={<PanelSkeleton height="h-96" />}>
        <Prefetch queries={[queries.insights(filters)]}>
          <InsightsList />
        </Prefetch>
      </Suspense>
    </div>
  );
}
