// Reliability: failure rate over time, failures by error type and by pipeline, MTTR.
import { Suspense } from 'react';
import { FailureChartPanel } from '@/components/charts/failure-chart-panel';
import { Prefetch } from '@/components/data/prefetch';
import { FilterBar } from '@/components/filters/filter-bar';
import { FailureBreakdowns } from '@/components/reliability/failure-breakdowns';
import { ReliabilityStats } from '@/components/reliability/reliability-stats';
import { PageHeader } from '@/components/ui/page-header';
import { CardsSkeleton, PanelSkeleton } from '@/components/ui/skeleton';
import { pageContext } from '@/lib/dashboard/page-context';

export default async function ReliabilityPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { filters, queries } = await pageContext(searchParams);
  return (
    <div className="space-y-4">
      <PageHeader title="Reliability"><FilterBar /></PageHeader>
      <Suspense fallback={<><CardsSkeleton /><PanelSkeleton /></>}>
        <Prefetch queries={[queries.report(filters), queries.timeseries(filters)]}>
          <ReliabilityStats />
          <FailureChartPanel />
          <FailureBreakdowns />
        </Prefetch>
      </Suspense>
    </div>
  );
}
