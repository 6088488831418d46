import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { getPrisma } from '@/lib/db/client';

export type OverviewStats = {
  executions: number;
  failures: number;
  costUsd: number;
  failureRate: number | null;
  avgDurationMs: number | null;
};

/** Executions, cost, failure rate (failed ÷ (success + failed)) and average duration of the last `days` days. */
export async function getOverviewStats(orgId: string, days: number): Promise<OverviewStats> {
  const [row] = await getPrisma().$queryRaw<
    Array<{ executions: number; failures: number; finished: number; cost_usd: number; avg_duration_ms: number | null }>
  >(Prisma.sql`
    SELECT count(*)::int AS executions,
           count(*) FILTER (WHERE status = 'failed')::int AS failures,
           count(*) FILTER (WHERE status IN ('success', 'failed'))::int AS finished,
           coalesce(sum(cost_usd), 0)::float8 AS cost_usd,
           avg(duration_ms)::float8 AS avg_duration_ms
      FROM executions
     WHERE org_id = ${orgId}::uuid AND started_at >= now() - make_interval(days => ${days}::int)`);
  return {
    executions: row.executions,
    failures: row.failures,
    costUsd: row.cost_usd,
    failureRate: row.finished > 0 ? row.failures / row.finished : null,
    avgDurationMs: row.avg_duration_ms,
  };
}
