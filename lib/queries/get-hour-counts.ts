import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { getPrisma } from '@/lib/db/client';
import { scopeWhere, type QueryScope, type Range } from './filters';

/** Executions per hour of the day (index 0–23) in `timeZone`, over one window. Always length 24. */
export async function getHourCounts(orgId: string, window: Range, scope: QueryScope, timeZone: string): Promise<number[]> {
  const rows = await getPrisma().$queryRaw<Array<{ hour: number; executions: number }>>(Prisma.sql`
    SELECT extract(hour FROM started_at AT TIME ZONE ${timeZone})::int AS hour, count(*)::int AS executions
      FROM executions
     WHERE ${scopeWhere(orgId, window, scope)}
     GROUP BY 1`);
  const counts = Array.from({ length: 24 }, () => 0);
  for (const r of rows) counts[r.hour] = r.executions;
  return counts;
}
