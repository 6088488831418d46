// Models: the efficiency of every model in use and a cost-vs-latency chart.
import { Suspense } from 'react';
import { Prefetch } from '@/components/data/prefetch';
import { FilterBar } from '@/components/filters/filter-bar';
import { CostLatencyPanel, ModelEfficiencyTable } from '@/components/models/model-efficiency';
import { PageHeader } from '@/components/ui/page-header';
import { PanelSkeleton } from '@/components/ui/skeleton';
import { pageContext } from '@/lib/dashboard/page-context';

export default async function ModelsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { filters, queries } = await pageContext(searchParams);
  return (
    <div className="space-y-4">
      <PageHeader title="Models"><FilterBar /></PageHeader>
      <Suspense fallback={<PanelSkeleton height="h-96" />}>
        <Prefetch queries={[queries.report(filters)]}>
          <CostLatencyPanel />
          <ModelEfficiencyTable />
        </Prefetch>
      </Suspense>
    </div>
  );
}
