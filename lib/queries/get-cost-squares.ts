import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { getPrisma } from '@/lib/db/client';
import { scopeWhere, wantsPipelines, type QueryScope, type Range } from './filters';

export interface CostSquaresRow {
  /** null = the whole scope. */
  pipeline_id: string | null;
  window: 'current' | 'previous';
  /** Σ cost_usd² of the window's executions: the variance term of the per-execution cost test. */
  cost_sq_usd: number;
}

/**
 * Σ cost² per window (and pipeline, organisation-wide). Only asked for windows of ≤ 3 days,
 * where a side can have fewer than 3 complete days and the cost test runs per execution: a
 * bounded read of at most 6 days of raw rows (the rollups keep no squares of cost).
 */
export async function getCostSquares(orgId: string, windows: { current: Range; previous: Range }, scope: QueryScope): Promise<CostSquaresRow[]> {
  const range = { start: windows.previous.start, end: windows.current.end };
  const grouping = wantsPipelines(scope) ? Prisma.sql`GROUPING SETS ((is_current), (is_current, pipeline_id))` : Prisma.sql`is_current`;
  const rows = await getPrisma().$queryRaw<{ is_scope: boolean; pipeline_id: string | null; is_current: boolean; cost_sq_usd: number }[]>(Prisma.sql`
    SELECT ${wantsPipelines(scope) ? Prisma.sql`GROUPING(pipeline_id) = 1` : Prisma.sql`true`} AS is_scope,
           ${wantsPipelines(scope) ? Prisma.sql`pipeline_id` : Prisma.sql`NULL::text`} AS pipeline_id,
           is_current,
           coalesce(sum(cost_usd * cost_usd), 0)::float8 AS cost_sq_usd
      FROM (SELECT pipeline_id, cost_usd, started_at >= ${windows.current.start}::timestamptz AS is_current
              FROM executions WHERE ${scopeWhere(orgId, range, scope)}) e
     GROUP BY ${grouping}`);
  return rows.map((r) => ({ pipeline_id: r.is_scope ? null : r.pipeline_id, window: r.is_current ? 'current' : 'previous', cost_sq_usd: r.cost_sq_usd }));
}
