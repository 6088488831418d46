import { StatCard } from '@/components/ui/stat-card';
import { getCurrentOrg } from '@/lib/auth/current-org';
import { formatCount, formatMs, formatPercent, formatUsd } from '@/lib/format';
import { getOverviewStats } from '@/lib/queries/get-overview-stats';

export const dynamic = 'force-dynamic';

export default async function OverviewPage() {
  const org = await getCurrentOrg();
  if (!org) {
    return <main className="p-8">No organisation yet: create one with <code>npm run cli -- org create default</code>.</main>;
  }
  const stats = await getOverviewStats(org.id, 7);
  return (
    <main className="mx-auto max-w-6xl p-6">
      <h1 className="text-xl font-semibold">Overview · last 7 days</h1>
      <p className="text-sm text-zinc-500">{org.name}</p>
      <section className="mt-4 grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4" aria-label="Last 7 days">
        <StatCard label="Executions" value={formatCount(stats.executions)} testId="stat-executions" />
        <StatCard label="Total cost" value={formatUsd(stats.costUsd)} testId="stat-cost" />
        <StatCard label="Failure rate" value={formatPercent(stats.failureRate)} hint={`${formatCount(stats.failures)} failed`} testId="stat-failure-rate" />
        <StatCard label="Average duration" value={formatMs(stats.avgDurationMs)} testId="stat-avg-duration" />
      </section>
    </main>
  );
}
