import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { getPrisma } from '@/lib/db/client';
import type { RecoveryStats } from '@/lib/insights/types';
import type { QueryScope, Range } from '../filters';

/**
 * getRecovery from the recovery facts (recovery_streaks, maintained at ingest): the streaks whose
 * recovering success started in the window. Same definition as getRecovery's window functions,
 * which see only the window's runs: a streak that began before the window counts from its first
 * failure inside it — found by one index probe, for at most one streak per pipeline (the one
 * straddling the window's start) — and not at all when it has no failure inside (its success is
 * then the pipeline's first decided run of the window).
 */
export async function getRecoveryFacts(orgId: string, window: Range, scope: QueryScope): Promise<RecoveryStats> {
  const start = Prisma.sql`${window.start}::timestamptz`;
  const [row] = await getPrisma().$queryRaw<RecoveryStats[]>(Prisma.sql`
    SELECT count(*)::int AS streaks,
           coalesce(sum(extract(epoch FROM s.recovered_end - coalesce(p.first_at, s.first_failed_at))), 0)::float8 / 60 AS total_minutes
      FROM recovery_streaks s
      LEFT JOIN LATERAL (
        SELECT e.started_at AS first_at FROM executions e
         WHERE s.first_failed_at < ${start} AND e.org_id = ${orgId}::uuid AND e.pipeline_id = s.pipeline_id
           AND e.started_at >= ${start} AND (e.started_at, e.id) < (s.recovered_at, s.recovered_id) AND e.status = 'failed'
         ORDER BY e.started_at LIMIT 1) p ON true
     WHERE s.org_id = ${orgId}::uuid AND s.recovered_at >= ${start} AND s.recovered_at < ${window.end}::timestamptz
       ${scope.pipelineId ? Prisma.sql`AND s.pipeline_id = ${scope.pipelineId}` : Prisma.empty}
       AND (s.first_failed_at >= ${start} OR p.first_at IS NOT NULL)`);
  return row ?? { streaks: 0, total_minutes: 0 };
}
