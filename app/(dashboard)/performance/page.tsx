// Performance: duration percentiles, duration over time, the slowest stages.
import { Suspense } from 'react';
import { LatencyChartPanel } from '@/components/charts/latency-chart-panel';
import { Prefetch } from '@/components/data/prefetch';
import { FilterBar } from '@/components/filters/filter-bar';
import { PerformanceStats } from '@/components/performance/performance-stats';
import { SlowestStages } from '@/components/performance/slowest-stages';
import { PageHeader } from '@/components/ui/page-header';
import { CardsSkeleton, PanelSkeleton } from '@/components/ui/skeleton';
import { pageContext } from '@/lib/dashboard/page-context';

export default async function PerformancePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { filters, queries } = await pageContext(searchParams);
  return (
    <div className="space-y-4">
      <PageHeader title="Performance"><FilterBar /></PageHeader>
      <Suspense fallback={<><CardsSkeleton /><PanelSkeleton /></>}>
        <Prefetch queries={[queries.report(filters), queries.timeseries(filters)]}>
          <PerformanceStats />
          <LatencyChartPanel />
          <SlowestStages />
        </Prefetch>
      </Suspense>
    </div>
  );
}
