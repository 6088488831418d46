import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { getPrisma } from '@/lib/db/client';
import { wantsPipelines, type QueryScope, type Range } from '../filters';
import type { ErrorCountRow } from '../get-error-counts';
import { cuts, rawRows, rollupRows } from './cut';

/** getErrorCounts from the rollups (exact: rollup_executions keeps status × error_type). */
export async function getErrorCountsRollup(orgId: string, window: Range, scope: QueryScope, timeZone: string): Promise<ErrorCountRow[]> {
  const per = wantsPipelines(scope);
  const rows = await getPrisma().$queryRaw<Array<ErrorCountRow & { is_scope: boolean }>>(Prisma.sql`
    WITH c AS (${cuts(orgId, [window], timeZone)})
    SELECT ${Prisma.raw(per ? 'GROUPING(pipeline_id) = 1' : 'true')} AS is_scope,
           ${Prisma.raw(per ? 'pipeline_id' : 'NULL::text')} AS pipeline_id, error_type, sum(n)::int AS failures
      FROM (SELECT x.pipeline_id, coalesce(nullif(x.error_type, ''), 'other') AS error_type, x.executions AS n
              ${rollupRows('executions', 'x', orgId, scope, Prisma.sql`AND x.status = 'failed'`)}
            UNION ALL
            SELECT e.pipeline_id, coalesce(e.error_type, 'other'), 1
              ${rawRows('executions', 'e', orgId, scope, Prisma.sql`AND e.status = 'failed'`)}) u
     GROUP BY ${Prisma.raw(per ? 'GROUPING SETS ((error_type), (pipeline_id, error_type))' : 'error_type')}`);
  return rows.map(({ is_scope, pipeline_id, ...r }) => ({ ...r, pipeline_id: is_scope ? null : pipeline_id }));
}
