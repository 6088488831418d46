import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import type { QueryScope, Range } from '../filters';
import { getBuckets, type BucketOptions, type BucketRow } from '../get-buckets';
import { getExecAggregate } from './exec-aggregate';

/**
 * getBuckets from the rollups for local days (the rollups' own grain). Hour buckets need hourly
 * percentiles, which the daily histograms cannot give: they read raw rows (getBuckets), which is
 * fine for the short windows hour charts are drawn for, and documented in docs/benchmarks.md.
 */
export async function getBucketsRollup(
  orgId: string,
  window: Range,
  scope: QueryScope,
  opts: BucketOptions,
): Promise<BucketRow[]> {
  if (opts.unit === 'hour') return getBuckets(orgId, window, scope, opts);
  const rows = await getExecAggregate(orgId, scope, opts.timeZone, {
    windows: [window],
    rollupKey: (day) => Prisma.sql`to_char(${day}, 'YYYY-MM-DD')`,
    rawKey: Prisma.sql`to_char(e.started_at AT TIME ZONE ${opts.timeZone}::text, 'YYYY-MM-DD')`,
    perPipeline: Boolean(opts.perPipeline),
    percentiles: opts.percentiles !== false,
  });
  return rows.map((r) => ({
    pipeline_id: r.pipeline_id,
    date: r.key,
    executions: r.executions,
    failures: r.failures,
    cancelled: r.cancelled,
    cost_usd: r.cost_usd,
    avg_duration_ms: r.avg_duration_ms,
    p50_duration_ms: r.p50_duration_ms,
    p95_duration_ms: r.p95_duration_ms,
    p99_duration_ms: r.p99_duration_ms,
  }));
}
