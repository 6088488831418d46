import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { getPrisma } from '@/lib/db/client';
import type { RecoveryStats } from '@/lib/insights/types';
import { scopeWhere, type QueryScope, type Range } from './filters';

/**
 * Failure streaks that recovered in one window (the input of MTTR), with window functions over
 * each pipeline's decided runs in started_at order (cancelled runs are ignored; id breaks ties):
 * a streak starts at a failure whose previous run did not fail, and recovers at the first success
 * after it. Its length runs from the first failure's start to that success's end
 * (started_at + duration_ms). Streaks still failing at the window's end have not recovered and
 * are not counted; a streak that began before the window counts from its first failure inside it.
 */
export async function getRecovery(orgId: string, window: Range, scope: QueryScope): Promise<RecoveryStats> {
  const [row] = await getPrisma().$queryRaw<RecoveryStats[]>(Prisma.sql`
    WITH runs AS (
      SELECT pipeline_id, id, status, started_at, duration_ms,
             lag(status) OVER (PARTITION BY pipeline_id ORDER BY started_at, id) AS prev_status
        FROM executions
       WHERE ${scopeWhere(orgId, window, scope)} AND status IN ('success', 'failed')
    ), marked AS (
      SELECT status, prev_status, started_at, duration_ms,
             max(CASE WHEN status = 'failed' AND prev_status IS DISTINCT FROM 'failed' THEN started_at END)
               OVER (PARTITION BY pipeline_id ORDER BY started_at, id) AS streak_start
        FROM runs
    )
    SELECT count(*)::int AS streaks,
           coalesce(sum(extract(epoch FROM started_at + duration_ms * interval '1 millisecond' - streak_start)), 0)::float8 / 60
             AS total_minutes
      FROM marked
     WHERE status = 'success' AND prev_status = 'failed'`);
  return row ?? { streaks: 0, total_minutes: 0 };
}
