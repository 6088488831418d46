import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { getPrisma } from '@/lib/db/client';
import { scopeWhere, wantsPipelines, type QueryScope, type Range } from './filters';

export interface ErrorCountRow {
  /** null = the whole scope. */
  pipeline_id: string | null;
  error_type: string;
  failures: number;
}

/**
 * Failed executions per error_type in one window, for the scope and (organisation-wide) per
 * pipeline. Ingest derives an error_type for every failed run; a missing one reads as "other".
 */
export async function getErrorCounts(orgId: string, window: Range, scope: QueryScope): Promise<ErrorCountRow[]> {
  const perPipeline = wantsPipelines(scope);
  const rows = await getPrisma().$queryRaw<Array<ErrorCountRow & { is_scope: boolean }>>(Prisma.sql`
    SELECT ${perPipeline ? Prisma.sql`GROUPING(pipeline_id) = 1` : Prisma.sql`true`} AS is_scope,
           ${perPipeline ? Prisma.sql`pipeline_id` : Prisma.sql`NULL::text`} AS pipeline_id,
           error_type,
           count(*)::int AS failures
      FROM (SELECT pipeline_id, coalesce(error_type, 'other') AS error_type
              FROM executions WHERE ${scopeWhere(orgId, window, scope)} AND status = 'failed') e
     GROUP BY ${perPipeline ? Prisma.sql`GROUPING SETS ((error_type), (pipeline_id, error_type))` : Prisma.sql`error_type`}`);
  return rows.map(({ is_scope, pipeline_id, ...r }) => ({ ...r, pipeline_id: is_scope ? null : pipeline_id }));
}
