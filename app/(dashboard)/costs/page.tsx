// Costs: spend and its forecast drawn ahead of today, breakdowns, and savings opportunities.
import { Suspense } from 'react';
import { CostForecastChartPanel } from '@/components/charts/cost-chart-panel';
import { Breakdowns } from '@/components/costs/breakdowns';
import { CostStats } from '@/components/costs/cost-stats';
import { Opportunities } from '@/components/costs/opportunities';
import { Prefetch } from '@/components/data/prefetch';
import { FilterBar } from '@/components/filters/filter-bar';
import { PageHeader } from '@/components/ui/page-header';
import { CardsSkeleton, PanelSkeleton } from '@/components/ui/skeleton';
import { pageContext } from '@/lib/dashboard/page-context';

export default async function CostsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { filters, queries } = await pageContext(searchParams);
  return (
    <div className="space-y-4">
      <PageHeader title="Costs"><FilterBar /></PageHeader>
      <Suspense fallback={<><CardsSkeleton /><PanelSkeleton /></>}>
        <Prefetch queries={[queries.report(filters), queries.timeseries(filters)]}>
          <CostStats />
          <CostForecastChartPanel />
          <Breakdowns />
          <Opportunities />
        </Prefetch>
      </Suspense>
    </div>
  );
}
