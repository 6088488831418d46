import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import type { QueryScope, Range } from '../filters';
import type { WindowStatsRow } from '../get-window-stats';
import { getExecAggregate } from './exec-aggregate';

/** getWindowStats from the rollups: same rows, percentiles within the histogram's 1%. */
export async function getWindowStatsRollup(
  orgId: string,
  windows: { current: Range; previous: Range },
  scope: QueryScope,
  timeZone: string,
): Promise<WindowStatsRow[]> {
  // part 0 = current, part 1 = previous: the key is the window, whatever the day.
  const rows = await getExecAggregate(orgId, scope, timeZone, {
    windows: [windows.current, windows.previous],
    rollupKey: () => Prisma.sql`c.part`,
    rawKey: Prisma.sql`c.part`,
    perPipeline: true,
    percentiles: true,
  });
  return rows.map(({ key, pipeline_id, ...stats }) => ({ pipeline_id, window: key === '0' ? 'current' : 'previous', stats }));
}
