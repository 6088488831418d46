import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { getPrisma } from '@/lib/db/client';
import type { WindowStats } from '@/lib/insights/types';
import type { QueryScope, Range } from '../filters';
import { cuts, percentilesOf, rawHistograms, rawRows, rollupRows } from './cut';

// The rollup form of the execution aggregates behind getWindowStats and getBuckets: per `key`
// (which window, or which local day) and optionally per pipeline (GROUPING SETS), the exact
// counts and sums of rollup_executions (whole days and whole hours) plus the partial hours' raw
// rows, and percentiles from the duration histograms: one bucket-count array per day or hour and
// pipeline, merged per key and pipeline with fm_hist_sum (the organisation's from the pipelines'
// merged arrays). Nothing but aggregates leaves the database.

export interface ExecAggregateRow extends WindowStats {
  key: string;
  /** null = the whole scope. */
  pipeline_id: string | null;
}

export interface ExecAggregateSpec {
  windows: Range[];
  /** The key of a rollup row, from its day column (e.g. `x.day`) and `c.part`. */
  rollupKey: (day: Prisma.Sql) => Prisma.Sql;
  /** The key of a raw row `e` (from e.started_at and `c.part`). */
  rawKey: Prisma.Sql;
  perPipeline: boolean;
  /** Merge p50 / p95 / p99 from the duration histograms (the costly part); false: they are null. */
  percentiles: boolean;
}

export async function getExecAggregate(orgId: string, scope: QueryScope, timeZone: string, spec: ExecAggregateSpec): Promise<ExecAggregateRow[]> {
  const per = spec.perPipeline && !scope.pipelineId;
  const groups = (k: string) => Prisma.raw(per ? `GROUPING SETS ((${k}), (${k}, pipeline_id))` : k);
  const isScope = Prisma.raw(per ? 'GROUPING(pipeline_id) = 1' : 'true');
  const pipe = Prisma.raw(per ? 'pipeline_id' : 'NULL::text');
  const pct = spec.percentiles;
  const pctColumn = (name: string) => Prisma.raw(pct ? `p.${name}` : 'NULL::float8');
  const rows = await getPrisma().$queryRaw<Array<ExecAggregateRow & { is_scope: boolean }>>(Prisma.sql`
    WITH c AS (${cuts(orgId, spec.windows, timeZone)}),
    raw AS MATERIALIZED (
      SELECT (${spec.rawKey})::text AS key, e.pipeline_id, e.status, e.cost_usd, e.duration_ms,
             e.input_tokens + e.output_tokens AS tokens
        ${rawRows('executions', 'e', orgId, scope)}
    ), sums AS (
      SELECT (${spec.rollupKey(Prisma.raw('x.day'))})::text AS key, x.pipeline_id, x.status, x.executions::bigint AS n,
             x.cost_usd, x.duration_sum::numeric AS dsum, x.duration_sq AS dsq, x.tokens::numeric AS tokens
        ${rollupRows('executions', 'x', orgId, scope)}
      UNION ALL
      SELECT key, pipeline_id, status, 1, cost_usd, duration_ms, duration_ms::numeric * duration_ms, tokens FROM raw
    ), agg AS (
      SELECT ${isScope} AS is_scope, ${pipe} AS pipeline_id, key,
             sum(n) AS n,
             coalesce(sum(n) FILTER (WHERE status = 'success'), 0) AS successes,
             coalesce(sum(n) FILTER (WHERE status = 'failed'), 0) AS failures,
             coalesce(sum(n) FILTER (WHERE status = 'cancelled'), 0) AS cancelled,
             sum(cost_usd) AS cost, coalesce(sum(cost_usd) FILTER (WHERE status = 'failed'), 0) AS failed_cost,
             sum(dsum) AS dsum, sum(dsq) AS dsq, sum(tokens) AS tokens
        FROM sums GROUP BY ${groups('key')}
    )${pct ? Prisma.sql`, hg AS (
      SELECT key, pipeline_id, fm_hist_sum(counts) AS h
        FROM (SELECT (${spec.rollupKey(Prisma.raw('h.day'))})::text AS key, h.pipeline_id, h.counts
                ${rollupRows('exec_hist', 'h', orgId, scope)}
              UNION ALL ${rawHistograms('key, pipeline_id')}) u
       GROUP BY key, pipeline_id
    ), hs AS (
      ${per ? Prisma.sql`SELECT false AS is_scope, pipeline_id, key, h FROM hg UNION ALL` : Prisma.empty}
      SELECT true AS is_scope, NULL::text AS pipeline_id, key, fm_hist_sum(h) AS h FROM hg GROUP BY key
    ), pct AS (${percentilesOf('hs', 'is_scope, pipeline_id, key', { p50: 0.5, p95: 0.95, p99: 0.99 })})` : Prisma.empty}
    SELECT a.is_scope, a.pipeline_id, a.key,
           a.n::int AS executions, a.successes::int AS successes, a.failures::int AS failures, a.cancelled::int AS cancelled,
           a.cost::float8 AS cost_usd, a.failed_cost::float8 AS failed_cost_usd,
           (a.dsum / a.n)::float8 AS avg_duration_ms,
           CASE WHEN a.n > 1 THEN sqrt(greatest((a.dsq - a.dsum * a.dsum / a.n) / (a.n - 1), 0))::float8 END AS duration_stddev_ms,
           ${pctColumn('p50')} AS p50_duration_ms, ${pctColumn('p95')} AS p95_duration_ms, ${pctColumn('p99')} AS p99_duration_ms,
           a.tokens::float8 AS total_tokens
      FROM agg a
      ${pct ? Prisma.sql`JOIN pct p ON p.is_scope = a.is_scope AND p.pipeline_id IS NOT DISTINCT FROM a.pipeline_id AND p.key = a.key` : Prisma.empty}
     ORDER BY a.key`);
  return rows.map(({ is_scope, pipeline_id, ...r }) => ({ ...r, pipeline_id: is_scope ? null : pipeline_id }));
}
