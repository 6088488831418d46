import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { getPrisma } from '@/lib/db/client';
import type { QueryScope, Range } from '../filters';
import type { ModelUsageRow } from '../get-model-stats';
import { cuts, rawRows, rollupRows } from './cut';

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
              ${rollupRows('stages', 'x', orgId, scope, Prisma.sql`AND x.model <> ''`)}
            UNION ALL
            SELECT coalesce(s.provider, ''), s.model, s.status, s.cost_source, 1, s.input_tokens, s.output_tokens,
                   s.cached_input_tokens, s.reasoning_tokens, s.cost_usd, s.duration_ms
              ${rawRows('stage_executions', 's', orgId, scope, Prisma.sql`AND s.model IS NOT NULL`)}) u
     GROUP BY provider, model
     ORDER BY nullif(provider, '') NULLS LAST, model`);
}
