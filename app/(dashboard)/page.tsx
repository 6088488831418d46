// Overview: totals, the insights summary, cost and failure-rate trends, and the top findings.
import { Suspense } from 'react';
import { CostChartPanel } from '@/components/charts/cost-chart-panel';
import { FailureChartPanel } from '@/components/charts/failure-chart-panel';
import { Prefetch } from '@/components/data/prefetch';
import { FilterBar } from '@/components/filters/filter-bar';
import { TopInsights } from '@/components/insights/top-insights';
import { InsightCards } from '@/components/overview/insight-cards';
import { KpiCards } from '@/components/overview/kpi-cards';
import { PageHeader } from '@/components/ui/page-header';
import { CardsSkeleton, PanelSkeleton } from '@/components/ui/skeleton';
import { pageContext } from '@/lib/dashboard/page-context';

export default async function OverviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { filters, queries } = await pageContext(searchParams);
  return (
    <div className="space-y-4">
      <PageHeader title="Overview"><FilterBar /></PageHeader>
      <Suspense fallback={<CardsSkeleton />}>
        <Prefetch queries={[queries.timeseries(filters)]}>
          <KpiCards />
          <div className="mt-4 grid gap-4 xl:grid-cols-2">
            <CostChartPanel />
            <FailureChartPanel />
          </div>
        </Prefetch>
      </Suspense>
      <Suspense fallback={<><CardsSkeleton count={8} /><PanelSkeleton height="h-40" /></>}>
        <Prefetch queries={[queries.summary(filters)]}>
          <InsightCards />
          <div className="mt-4"><TopInsights /></div>
        </Prefetch>
      </Suspense>
    </div>
  );
}
