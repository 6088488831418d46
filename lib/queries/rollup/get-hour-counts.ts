import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { getPrisma } from '@/lib/db/client';
import type { QueryScope, Range } from '../filters';
import { cuts, rawRows, rollupRows } from './cut';

/** getHourCounts from the rollups: their `hour` is the local hour in the rollup zone. */
export async function getHourCountsRollup(orgId: string, window: Range, scope: QueryScope, timeZone: string): Promise<number[]> {
  const rows = await getPrisma().$queryRaw<Array<{ hour: number; executions: number }>>(Prisma.sql`
    WITH c AS (${cuts(orgId, [window], timeZone)})
    SELECT hour, sum(n)::int AS executions
      FROM (SELECT x.hour::int AS hour, x.executions AS n ${rollupRows('execution_hours', 'x', orgId, scope)}
            UNION ALL
            SELECT extract(hour FROM e.started_at AT TIME ZONE ${timeZone}::text)::int, 1
              ${rawRows('executions', 'e', orgId, scope)}) u
     GROUP BY hour`);
  const counts = Array.from({ length: 24 }, () => 0);
  for (const r of rows) counts[r.hour] = r.executions;
  return counts;
}
