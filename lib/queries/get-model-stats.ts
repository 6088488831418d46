import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { getPrisma } from '@/lib/db/client';
import type { ModelStats } from '@/lib/insights/types';
import { scopeWhere, type QueryScope, type Range } from './filters';

/** ModelStats as measured; the unit price is attached from the catalog and overrides afterwards. */
export type ModelUsageRow = Omit<ModelStats, 'price'>;

/**
 * Stage executions per (provider, model) in one window: calls, outcomes, token sums, recorded
 * cost, average latency, and the calls the catalog could not price (cost_source = 'unpriced').
 * Stages without a model (tools, retrieval) are not model usage and are left out.
 */
export async function getModelStats(orgId: string, window: Range, scope: QueryScope): Promise<ModelUsageRow[]> {
  return getPrisma().$queryRaw<ModelUsageRow[]>(Prisma.sql`
    SELECT provider, model,
           count(*)::int AS calls,
           count(*) FILTER (WHERE status = 'success')::int AS successes,
           count(*) FILTER (WHERE status = 'failed')::int AS failures,
           coalesce(sum(input_tokens), 0)::float8 AS input_tokens,
           coalesce(sum(output_tokens), 0)::float8 AS output_tokens,
           coalesce(sum(cached_input_tokens), 0)::float8 AS cached_input_tokens,
           coalesce(sum(reasoning_tokens), 0)::float8 AS reasoning_tokens,
           coalesce(sum(cost_usd), 0)::float8 AS cost_usd,
           avg(duration_ms)::float8 AS avg_latency_ms,
           count(*) FILTER (WHERE cost_source = 'unpriced')::int AS unpriced_calls
      FROM stage_executions
     WHERE ${scopeWhere(orgId, window, scope)} AND model IS NOT NULL
     GROUP BY provider, model
     ORDER BY provider NULLS LAST, model`);
}
