import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { getPrisma } from '@/lib/db/client';
import type { StageStats } from '@/lib/insights/types';
import type { QueryScope, Range } from '../filters';
import { cuts, percentilesOf, rawHistograms, rawRows, rollupRows } from './cut';

/** getStageStats from rollup_stages / the stage histograms (days and hours) plus the raw partial hours. */
export async function getStageStatsRollup(orgId: string, window: Range, scope: QueryScope, timeZone: string): Promise<StageStats[]> {
  return getPrisma().$queryRaw<StageStats[]>(Prisma.sql`
    WITH c AS (${cuts(orgId, [window], timeZone)}),
    raw AS MATERIALIZED (SELECT s.stage_id, s.duration_ms ${rawRows('stage_executions', 's', orgId, scope)}),
    agg AS (
      SELECT stage_id, sum(n) AS n, sum(dsum) AS dsum
        FROM (SELECT x.stage_id, x.calls::bigint AS n, x.duration_sum::numeric AS dsum ${rollupRows('stages', 'x', orgId, scope)}
              UNION ALL SELECT stage_id, 1, duration_ms FROM raw) u
       GROUP BY stage_id
    ), hg AS (
      SELECT stage_id, fm_hist_sum(counts) AS h
        FROM (SELECT h.stage_id, h.counts ${rollupRows('stage_hist', 'h', orgId, scope)}
              UNION ALL ${rawHistograms('stage_id')}) u
       GROUP BY stage_id
    ), pct AS (${percentilesOf('hg', 'stage_id', { p95: 0.95 })})
    SELECT a.stage_id, (a.dsum / a.n)::float8 AS avg_ms, p.p95 AS p95_ms, a.n::int AS executions
      FROM agg a JOIN pct p ON p.stage_id = a.stage_id
     ORDER BY avg_ms DESC, a.stage_id`);
}
