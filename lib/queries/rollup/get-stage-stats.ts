import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { getPrisma } from '@/lib/db/client';
import type { StageStats } from '@/lib/insights/types';
import type { QueryScope, Range } from '../filters';
import type { ModelUsageRow } from '../get-model-stats';
import { cuts, histPercentiles, rawRows, rollupRows } from './cut';

/** getModelStats from rollup_stages ('' = no provider / no model there) plus the raw edges. */
export async function getModelStatsRollup(orgId: string, window: Range, scope: QueryScope, timeZone: string): Promise<ModelUsageRow[]> {
  return getPrisma().$queryRaw<ModelUsageRow[]>(Prisma.sql`
    WITH c AS (${cuts(orgId, [window], timeZone)})
    SELECT nullif(provider, '') AS provider, model,
           sum(n)::int AS calls,
           coalesce(sum(n) FILTER (WHERE status = 'success'), 0)::int AS successes,
           coalesce(sum(n) FILTER (WHERE status = 'failed'), 0)::int AS failures,
           sum(input_tokens)::float8 AS input_tokens, sum(output_tokens)::float8 AS output_tokens,
           sum(cached_input_tokens)::float8 AS cached_input_tokens, sum(reasoning_tokens)::float8 AS reasoning_tokens,
           sum(cost_usd)::float8 AS cost_usd,
           (sum(dsum)::numeric / sum(n))::float8 AS avg_latency_ms,
           coalesce(sum(n) FILTER (WHERE cost_source = 'unpriced'), 0)::int AS unpriced_calls
      FROM (SELECT x.provider, x.model, x.status, x.cost_source, x.calls::bigint AS n, x.input_tokens, x.output_tokens,
                   x.cached_input_tokens, x.reasoning_tokens, x.cost_usd, x.duration_sum AS dsum
              ${rollupRows('rollup_stages', 'x', orgId, scope, Prisma.sql`AND x.model <> ''`)}
            UNION ALL
            SELECT coalesce(s.provider, ''), s.model, s.status, s.cost_source, 1, s.input_tokens, s.output_tokens,
                   s.cached_input_tokens, s.reasoning_tokens, s.cost_usd, s.duration_ms
              ${rawRows('stage_executions', 's', orgId, scope, Prisma.sql`AND s.model IS NOT NULL`)}) u
     GROUP BY provider, model
     ORDER BY nullif(provider, '') NULLS LAST, model`);
}

/** getStageStats from rollup_stages / rollup_stage_hist plus the raw edges. */
export async function getStageStatsRollup(orgId: string, window: Range, scope: QueryScope, timeZone: string): Promise<StageStats[]> {
  return getPrisma().$queryRaw<StageStats[]>(Prisma.sql`
    WITH c AS (${cuts(orgId, [window], timeZone)}),
    raw AS MATERIALIZED (SELECT s.stage_id, s.duration_ms ${rawRows('stage_executions', 's', orgId, scope)}),
    agg AS (
      SELECT stage_id, sum(n) AS n, sum(dsum) AS dsum
        FROM (SELECT x.stage_id, x.calls::bigint AS n, x.duration_sum::numeric AS dsum ${rollupRows('rollup_stages', 'x', orgId, scope)}
              UNION ALL SELECT stage_id, 1, duration_ms FROM raw) u
       GROUP BY stage_id
    ), hg AS (
      SELECT stage_id, bucket, sum(n) AS n
        FROM (SELECT h.stage_id, h.bucket::int AS bucket, h.n::bigint AS n ${rollupRows('rollup_stage_hist', 'h', orgId, scope)}
              UNION ALL SELECT stage_id, fm_duration_bucket(duration_ms), 1 FROM raw) u
       GROUP BY stage_id, bucket
    ), pct AS (${histPercentiles('stage_id', { p95: 0.95 })})
    SELECT a.stage_id, (a.dsum / a.n)::float8 AS avg_ms, p.p95 AS p95_ms, a.n::int AS executions
      FROM agg a JOIN pct p ON p.stage_id = a.stage_id
     ORDER BY avg_ms DESC, a.stage_id`);
}
