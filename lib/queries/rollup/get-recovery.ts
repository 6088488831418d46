import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { getPrisma } from '@/lib/db/client';
import type { RecoveryStats } from '@/lib/insights/types';
import { scopeWhere, type QueryScope, type Range } from '../filters';

/**
 * getRecovery without reading every run of the window: only the failed executions (index
 * (org_id, status, started_at)), and for each one index probe for the next success of its
 * pipeline in the window. Consecutive failures f, f' of a pipeline belong to one streak exactly
 * when f' comes before f's next success; a streak recovers at its first failure's next success.
 * Same definition as getRecovery (cancelled runs ignored, id breaks ties, window-bounded).
 */
export async function getRecoveryProbe(orgId: string, window: Range, scope: QueryScope): Promise<RecoveryStats> {
  const [row] = await getPrisma().$queryRaw<RecoveryStats[]>(Prisma.sql`
    WITH f AS (
      SELECT pipeline_id, id, started_at FROM executions WHERE ${scopeWhere(orgId, window, scope)} AND status = 'failed'
    ), n AS (
      SELECT f.pipeline_id, f.id, f.started_at, s.started_at AS s_at, s.id AS s_id, s.duration_ms AS s_ms
        FROM f LEFT JOIN LATERAL (
          SELECT e.started_at, e.id, e.duration_ms FROM executions e
           WHERE e.org_id = ${orgId}::uuid AND e.pipeline_id = f.pipeline_id AND e.status = 'success'
             AND e.started_at >= f.started_at AND e.started_at < ${window.end}::timestamptz
             AND (e.started_at, e.id) > (f.started_at, f.id)
           ORDER BY e.started_at, e.id LIMIT 1) s ON true
    ), g AS (
      SELECT n.*, lag(s_at) OVER w AS prev_s_at, lag(s_id) OVER w AS prev_s_id, lag(id) OVER w AS prev_id
        FROM n WINDOW w AS (PARTITION BY pipeline_id ORDER BY started_at, id)
    )
    SELECT count(*)::int AS streaks,
           coalesce(sum(extract(epoch FROM s_at + s_ms * interval '1 millisecond' - started_at)), 0)::float8 / 60 AS total_minutes
      FROM g
     WHERE s_at IS NOT NULL AND (prev_id IS NULL OR (prev_s_at, prev_s_id) < (started_at, id))`);
  return row ?? { streaks: 0, total_minutes: 0 };
}
