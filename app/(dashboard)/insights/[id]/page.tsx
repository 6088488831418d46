// Insight detail: the finding, the numbers in its `data`, and its recommendations.
import { Suspense } from 'react';
import { Prefetch } from '@/components/data/prefetch';
import { InsightDetail } from '@/components/insights/insight-detail';
import { PanelSkeleton } from '@/components/ui/skeleton';
import { getInsightStates } from '@/lib/alerts/acknowledge';
import { pageContext } from '@/lib/dashboard/page-context';
import type { DashboardFilters } from '@/lib/hooks/filters';

function safeDecode(s: string) {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function InsightPage({ params, searchParams }: Props) {
  const [{ filters, queries, session }, { id: raw }] = await Promise.all([pageContext(searchParams), params]);
  const id = safeDecode(raw);
  // Its alert state (active / acknowledged / resolved), when the alerting tracks this window.
  const status = (await getInsightStates(session.org.id, [id])).get(id)?.status ?? null;
  // An id names the window it was found in (`cost_spike:org:30d`): look it up in that window,
  // organisation-wide (which includes every pipeline's findings).
  const windowDays = /:(\d{1,3})d(?::|$)/.exec(id)?.[1];
  const days = windowDays && Number(windowDays) >= 1 && Number(windowDays) <= 365 ? Number(windowDays) : filters.days;
  const lookup: DashboardFilters = { days, pipeline_id: null, category: null, severity: null };
  return (
    <Suspense fallback={<PanelSkeleton height="h-96" />}>
      <Prefetch queries={[queries.insights(lookup)]}>
        <InsightDetail id={id} lookup={lookup} back={filters} alertStatus={status} />
      </Prefetch>
    </Suspense>
  );
}
