import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { getPrisma } from '@/lib/db/client';
import type { DayBucket } from '@/lib/insights/types';
import { scopeWhere, type QueryScope, type Range } from './filters';

export type BucketUnit = 'hour' | 'day';

/** Labels as the engine's listDays / listHours write them, in the organisation's time zone. */
const LABEL_FORMAT: Record<BucketUnit, string> = { day: 'YYYY-MM-DD', hour: 'YYYY-MM-DD"T"HH24:00' };

export interface BucketRow extends DayBucket {
  /** null = the whole scope. */
  pipeline_id: string | null;
}

export interface BucketOptions {
  unit: BucketUnit;
  timeZone: string;
  /** Adds one row per bucket and pipeline (GROUPING SETS) next to the scope's rows. */
  perPipeline?: boolean;
  /** false: the percentiles are null (the engine's day series never reads them; charts do). Default true. */
  percentiles?: boolean;
}

/**
 * Executions per local day (or hour) in `timeZone`: counts, failures, cost, average and
 * interpolated p50 / p95 / p99 duration. Only buckets with executions come back; the engine's
 * fillBuckets decides what an empty bucket means.
 */
export async function getBuckets(
  orgId: string,
  window: Range,
  scope: QueryScope,
  opts: BucketOptions,
): Promise<BucketRow[]> {
  const percentiles = opts.percentiles !== false;
  const perPipeline = Boolean(opts.perPipeline) && !scope.pipelineId;
  const rows = await getPrisma().$queryRaw<Array<BucketRow & { is_scope: boolean }>>(Prisma.sql`
    SELECT ${perPipeline ? Prisma.sql`GROUPING(pipeline_id) = 1` : Prisma.sql`true`} AS is_scope,
           ${perPipeline ? Prisma.sql`pipeline_id` : Prisma.sql`NULL::text`} AS pipeline_id,
           to_char(bucket, ${LABEL_FORMAT[opts.unit]}) AS date,
           count(*)::int AS executions,
           count(*) FILTER (WHERE status = 'failed')::int AS failures,
           count(*) FILTER (WHERE status = 'cancelled')::int AS cancelled,
           coalesce(sum(cost_usd), 0)::float8 AS cost_usd,
           avg(duration_ms)::float8 AS avg_duration_ms,
           ${percentiles
             ? Prisma.sql`percentile_cont(0.5) WITHIN GROUP (ORDER BY duration_ms)::float8 AS p50_duration_ms,
                          percentile_cont(0.95) WITHIN GROUP (ORDER BY duration_ms)::float8 AS p95_duration_ms,
                          percentile_cont(0.99) WITHIN GROUP (ORDER BY duration_ms)::float8 AS p99_duration_ms`
             : Prisma.sql`NULL::float8 AS p50_duration_ms, NULL::float8 AS p95_duration_ms, NULL::float8 AS p99_duration_ms`}
      FROM (SELECT pipeline_id, status, cost_usd, duration_ms,
                   date_trunc(${opts.unit}, started_at AT TIME ZONE ${opts.timeZone}) AS bucket
              FROM executions WHERE ${scopeWhere(orgId, window, scope)}) e
     GROUP BY ${perPipeline ? Prisma.sql`GROUPING SETS ((bucket), (bucket, pipeline_id))` : Prisma.sql`bucket`}
     ORDER BY bucket`);
  return rows.map(({ is_scope, pipeline_id, ...r }) => ({ ...r, pipeline_id: is_scope ? null : pipeline_id }));
}
