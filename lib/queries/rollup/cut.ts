import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import type { QueryScope, Range } from '../filters';

// SQL fragments shared by the rollup queries. A window [start, end) is split by fm_rollup_cut
// (migration 20261207141500_rollup_arrays_hours_recovery) into the organisation's whole local
// days (daily rollups), the whole local hours of the partial days at its ends (hourly rollups)
// and the partial hours at its two ends (raw rows); together they are exactly the window.
// Identifiers below are fixed strings (allow-list), values are bound.

type RawTable = 'executions' | 'stage_executions';

/** What a rollup relation holds, and where its daily and hourly rows are (same columns in both). */
const ROLLUPS = {
  executions: {
    day: 'rollup_execution_days',
    hour: 'rollup_executions',
    columns: 'day, pipeline_id, status, error_type, executions, cost_usd, tokens, duration_sum, duration_sq',
  },
  /** Whole days by their hours: for the hour of day. */
  execution_hours: { day: 'rollup_executions', hour: 'rollup_executions', columns: '*' },
  exec_hist: { day: 'rollup_exec_hist_days', hour: 'rollup_exec_hist_hours', columns: 'day, pipeline_id, counts' },
  stages: {
    day: 'rollup_stages',
    hour: 'rollup_stage_hours',
    columns: `day, pipeline_id, stage_id, provider, model, status, cost_source, calls, cost_usd, input_tokens,
              output_tokens, cached_input_tokens, reasoning_tokens, duration_sum`,
  },
  stage_hist: { day: 'rollup_stage_hist_days', hour: 'rollup_stage_hist_hours', columns: 'day, pipeline_id, stage_id, counts' },
} as const;
export type RollupKind = keyof typeof ROLLUPS;

/** One row per window: `part` (its index) and the parts of fm_rollup_cut. */
export function cuts(orgId: string, windows: Range[], timeZone: string): Prisma.Sql {
  return Prisma.join(
    windows.map((w, part) => Prisma.sql`
      SELECT ${part}::int AS part, *
        FROM fm_rollup_cut(${orgId}::uuid, ${w.start}::timestamptz, ${w.end}::timestamptz, ${timeZone}::text)`),
    ' UNION ALL ',
  );
}

const pipelineOf = (alias: string, scope: QueryScope) =>
  scope.pipelineId ? Prisma.sql`AND ${Prisma.raw(alias)}.pipeline_id = ${scope.pipelineId}` : Prisma.empty;

/**
 * `FROM c …`: the raw rows of the partial hours (alias.started_at within either raw range);
 * `also`: more conditions on them (`AND …`).
 * One index range scan per range: the LATERAL subquery is parameterised by the range, and
 * `OFFSET 0` keeps the planner from flattening it into a join — flattened, it does not know the
 * ranges are minutes of a 60-day table and scans every row of the organisation, filtering
 * them against the ranges (measured at 1M executions: 600 ms for the 31k rows it keeps).
 */
export function rawRows(table: RawTable, alias: string, orgId: string, scope: QueryScope, also: Prisma.Sql = Prisma.empty): Prisma.Sql {
  const a = Prisma.raw(alias);
  return Prisma.sql`FROM c CROSS JOIN LATERAL (VALUES (c.raw1_lo, c.raw1_hi), (c.raw2_lo, c.raw2_hi)) r(lo, hi)
    CROSS JOIN LATERAL (SELECT * FROM ${Prisma.raw(table)} ${a}
      WHERE ${a}.org_id = ${orgId}::uuid AND ${a}.started_at >= r.lo AND ${a}.started_at < r.hi
        ${pipelineOf(alias, scope)} ${also}
      OFFSET 0) ${a}`;
}

/**
 * `FROM c …`: the rollup rows of the window's whole days and of the whole hours at its ends (index
 * range scans on (org_id, day[, hour_start]), fenced as above); `also` as above.
 */
export function rollupRows(kind: RollupKind, alias: string, orgId: string, scope: QueryScope, also: Prisma.Sql = Prisma.empty): Prisma.Sql {
  const a = Prisma.raw(alias);
  const { day, hour, columns } = ROLLUPS[kind];
  const cols = Prisma.raw(columns);
  const where = Prisma.sql`${a}.org_id = ${orgId}::uuid ${pipelineOf(alias, scope)} ${also}`;
  const hours = (d: string, lo: string, hi: string) => Prisma.sql`
      SELECT ${cols} FROM ${Prisma.raw(hour)} ${a}
       WHERE ${where} AND ${a}.day = c.${Prisma.raw(d)} AND ${a}.hour_start >= c.${Prisma.raw(lo)} AND ${a}.hour_start < c.${Prisma.raw(hi)}`;
  return Prisma.sql`FROM c CROSS JOIN LATERAL (
      SELECT ${cols} FROM ${Prisma.raw(day)} ${a} WHERE ${where} AND ${a}.day >= c.day_lo AND ${a}.day < c.day_hi
      UNION ALL ${hours('hday1', 'hr1_lo', 'hr1_hi')}
      UNION ALL ${hours('hday2', 'hr2_lo', 'hr2_hi')}
      OFFSET 0) ${a}`;
}

/**
 * The duration histogram of raw rows `FROM raw` grouped by `keys`, as the rollups store it
 * (one bucket-count array per key: fm_hist_from).
 */
export function rawHistograms(keys: string): Prisma.Sql {
  const k = Prisma.raw(keys);
  return Prisma.sql`SELECT ${k}, fm_hist_from(array_agg(bucket), array_agg(n)) AS counts
    FROM (SELECT ${k}, fm_duration_bucket(duration_ms) AS bucket, count(*)::int AS n FROM raw GROUP BY ${k}, bucket) b
   GROUP BY ${k}`;
}

/**
 * `SELECT <keys>, <name> …` per row of `rel` (keys…, h): percentile_cont semantics within the
 * histogram's 1%, from the merged bucket-count array h, all p in one pass (fm_hist_pcts).
 */
export function percentilesOf(rel: string, keys: string, ps: Record<string, number>): Prisma.Sql {
  const names = Object.keys(ps);
  const values = Prisma.join(Object.values(ps).map((p) => Prisma.sql`${p}::float8`));
  const cols = Prisma.raw(names.map((n, i) => `x.p[${i + 1}] AS ${n}`).join(', '));
  const k = Prisma.raw(keys);
  // OFFSET 0: evaluated once per row, not once per column.
  return Prisma.sql`SELECT ${Prisma.raw(keys.split(',').map((c) => `x.${c.trim()}`).join(', '))}, ${cols}
    FROM (SELECT ${k}, fm_hist_pcts(h, ARRAY[${values}]) AS p FROM ${Prisma.raw(rel)} OFFSET 0) x`;
}
