import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { getPrisma } from '@/lib/db/client';
import type { StageStats } from '@/lib/insights/types';
import { scopeWhere, type QueryScope, type Range } from './filters';

/** Stage timings per stage_id in one window: average, interpolated p95 and number of runs. */
export async function getStageStats(orgId: string, window: Range, scope: QueryScope): Promise<StageStats[]> {
  return getPrisma().$queryRaw<StageStats[]>(Prisma.sql`
    SELECT stage_id,
           avg(duration_ms)::float8 AS avg_ms,
           percentile_cont(0.95) WITHIN GROUP (ORDER BY duration_ms)::float8 AS p95_ms,
           count(*)::int AS executions
      FROM stage_executions
     WHERE ${scopeWhere(orgId, window, scope)}
     GROUP BY stage_id
     ORDER BY avg_ms DESC, stage_id`);
}
