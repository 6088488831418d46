import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { getPrisma } from '@/lib/db/client';
import type { WindowStats } from '@/lib/insights/types';
import { scopeWhere, wantsPipelines, type QueryScope, type Range } from './filters';

export interface WindowStatsRow {
  /** null = the whole scope (organisation, or the requested pipeline). */
  pipeline_id: string | null;
  window: 'current' | 'previous';
  stats: WindowStats;
}

type Raw = WindowStats & { pipeline_id: string | null; is_scope: boolean; is_current: boolean };

/**
 * Totals, cost, duration moments and interpolated percentiles (percentile_cont) of both windows
 * in one pass over [previous.start, current.end): one row per window for the scope and, for an
 * organisation-wide request, one per window and pipeline (GROUPING SETS). A window or pipeline
 * without executions has no row.
 */
export async function getWindowStats(
  orgId: string,
  windows: { current: Range; previous: Range },
  scope: QueryScope,
): Promise<WindowStatsRow[]> {
  const range = { start: windows.previous.start, end: windows.current.end };
  const grouping = wantsPipelines(scope)
    ? Prisma.sql`GROUPING SETS ((is_current), (is_current, pipeline_id))`
    : Prisma.sql`is_current`;
  const rows = await getPrisma().$queryRaw<Raw[]>(Prisma.sql`
    SELECT ${wantsPipelines(scope) ? Prisma.sql`GROUPING(pipeline_id) = 1` : Prisma.sql`true`} AS is_scope,
           ${wantsPipelines(scope) ? Prisma.sql`pipeline_id` : Prisma.sql`NULL::text`} AS pipeline_id,
           is_current,
           count(*)::int AS executions,
           count(*) FILTER (WHERE status = 'success')::int AS successes,
           count(*) FILTER (WHERE status = 'failed')::int AS failures,
           count(*) FILTER (WHERE status = 'cancelled')::int AS cancelled,
           coalesce(sum(cost_usd), 0)::float8 AS cost_usd,
           coalesce(sum(cost_usd) FILTER (WHERE status = 'failed'), 0)::float8 AS failed_cost_usd,
           avg(duration_ms)::float8 AS avg_duration_ms,
           stddev_samp(duration_ms)::float8 AS duration_stddev_ms,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY duration_ms)::float8 AS p50_duration_ms,
           percentile_cont(0.95) WITHIN GROUP (ORDER BY duration_ms)::float8 AS p95_duration_ms,
           percentile_cont(0.99) WITHIN GROUP (ORDER BY duration_ms)::float8 AS p99_duration_ms,
           coalesce(sum(input_tokens + output_tokens), 0)::float8 AS total_tokens
      FROM (SELECT *, started_at >= ${windows.current.start}::timestamptz AS is_current
              FROM executions WHERE ${scopeWhere(orgId, range, scope)}) e
     GROUP BY ${grouping}`);
  return rows.map(({ pipeline_id, is_scope, is_current, ...stats }) => ({
    pipeline_id: is_scope ? null : pipeline_id,
    window: is_current ? 'current' : 'previous',
    stats,
  }));
}
