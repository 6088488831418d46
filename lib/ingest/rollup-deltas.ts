// Rollup maintenance inside the ingest statement (see prisma/migrations/*_rollups). These CTEs
// read `fresh` (the executions whose key was new: duplicates never get here) and `stage_in`
// (their stages), group them by rollup key so that each key is touched once, and add the deltas
// with ON CONFLICT DO UPDATE: the rollups change in the same transaction as the raw rows, so they
// can neither miss nor double-count a row. `$31` is the organisation's rollup time zone, read
// FOR KEY SHARE just before (a concurrent rebuild waits for this batch, or this batch for it).
// Keys are inserted in primary-key order so concurrent batches lock shared rows in one order.
// Grain: the local day, and for a window's ends the local hour (hour_start = the instant it
// starts); histograms are bucket-count arrays (migration 20261207141500_rollup_arrays_hours_recovery).

const local = (col: string) => `(${col} AT TIME ZONE $31)::date`;

/** A histogram CTE: the batch's buckets per key, merged into the stored array (fm_hist_add). */
function histDelta(name: string, table: string, source: string, keys: string[]): string {
  const k = keys.join(', ');
  return `${name} AS (
  INSERT INTO ${table} AS r (org_id, ${k}, counts)
  SELECT $1, ${k}, fm_hist_from(array_agg(bucket), array_agg(n))
    FROM (SELECT ${keys.map((c) => KEY_EXPR[c] ?? c).map((e, i) => `${e} AS ${keys[i]}`).join(', ')},
                 fm_duration_bucket(duration_ms) AS bucket, count(*)::int AS n
            FROM ${source} GROUP BY ${keys.map((_, i) => i + 1).join(', ')}, ${keys.length + 1}) b
   GROUP BY ${k} ORDER BY ${k}
  ON CONFLICT (org_id, ${k}) DO UPDATE SET counts = fm_hist_add(r.counts, excluded.counts)
)`;
}

const KEY_EXPR: Record<string, string> = { day: local('started_at'), hour_start: 'fm_local_hour(started_at, $31)' };

const STAGE_SUMS = `count(*), sum(cost_usd), sum(input_tokens), sum(output_tokens),
         sum(cached_input_tokens), sum(reasoning_tokens), sum(duration_ms)`;
const STAGE_UPDATE = `SET calls = r.calls + excluded.calls, cost_usd = r.cost_usd + excluded.cost_usd,
        input_tokens = r.input_tokens + excluded.input_tokens, output_tokens = r.output_tokens + excluded.output_tokens,
        cached_input_tokens = r.cached_input_tokens + excluded.cached_input_tokens,
        reasoning_tokens = r.reasoning_tokens + excluded.reasoning_tokens,
        duration_sum = r.duration_sum + excluded.duration_sum`;

export const ROLLUP_DELTAS = `
, roll_exec AS (
  INSERT INTO rollup_executions AS r (org_id, day, hour_start, hour, pipeline_id, status, error_type, executions, cost_usd,
                                      tokens, duration_sum, duration_sq)
  SELECT $1, ${local('started_at')}, fm_local_hour(started_at, $31), extract(hour FROM started_at AT TIME ZONE $31)::smallint,
         pipeline_id, status, coalesce(error_type, ''), count(*), sum(cost_usd), sum(input_tokens + output_tokens),
         sum(duration_ms), sum(duration_ms::numeric * duration_ms)
    FROM fresh GROUP BY 2, 3, 4, 5, 6, 7 ORDER BY 2, 3, 5, 6, 7
  ON CONFLICT (org_id, day, hour_start, pipeline_id, status, error_type) DO UPDATE
    SET executions = r.executions + excluded.executions, cost_usd = r.cost_usd + excluded.cost_usd,
        tokens = r.tokens + excluded.tokens, duration_sum = r.duration_sum + excluded.duration_sum,
        duration_sq = r.duration_sq + excluded.duration_sq
), roll_exec_days AS (
  INSERT INTO rollup_execution_days AS r (org_id, day, pipeline_id, status, error_type, executions, cost_usd, tokens,
                                          duration_sum, duration_sq)
  SELECT $1, ${local('started_at')}, pipeline_id, status, coalesce(error_type, ''), count(*), sum(cost_usd),
         sum(input_tokens + output_tokens), sum(duration_ms), sum(duration_ms::numeric * duration_ms)
    FROM fresh GROUP BY 2, 3, 4, 5 ORDER BY 2, 3, 4, 5
  ON CONFLICT (org_id, day, pipeline_id, status, error_type) DO UPDATE
    SET executions = r.executions + excluded.executions, cost_usd = r.cost_usd + excluded.cost_usd,
        tokens = r.tokens + excluded.tokens, duration_sum = r.duration_sum + excluded.duration_sum,
        duration_sq = r.duration_sq + excluded.duration_sq
), ${histDelta('roll_exec_hist', 'rollup_exec_hist_days', 'fresh', ['day', 'pipeline_id'])},
${histDelta('roll_exec_hist_hours', 'rollup_exec_hist_hours', 'fresh', ['day', 'hour_start', 'pipeline_id'])},
roll_stage AS (
  INSERT INTO rollup_stages AS r (org_id, day, pipeline_id, stage_id, provider, model, status, cost_source, calls,
                                  cost_usd, input_tokens, output_tokens, cached_input_tokens, reasoning_tokens,
                                  duration_sum)
  SELECT $1, ${local('started_at')}, pipeline_id, stage_id, coalesce(provider, ''), coalesce(model, ''),
         status, cost_source, ${STAGE_SUMS}
    FROM stage_in GROUP BY 2, 3, 4, 5, 6, 7, 8 ORDER BY 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT (org_id, day, pipeline_id, stage_id, provider, model, status, cost_source) DO UPDATE ${STAGE_UPDATE}
), roll_stage_hours AS (
  INSERT INTO rollup_stage_hours AS r (org_id, day, hour_start, pipeline_id, stage_id, provider, model, status, cost_source,
                                       calls, cost_usd, input_tokens, output_tokens, cached_input_tokens, reasoning_tokens,
                                       duration_sum)
  SELECT $1, ${local('started_at')}, fm_local_hour(started_at, $31), pipeline_id, stage_id, coalesce(provider, ''),
         coalesce(model, ''), status, cost_source, ${STAGE_SUMS}
    FROM stage_in GROUP BY 2, 3, 4, 5, 6, 7, 8, 9 ORDER BY 2, 3, 4, 5, 6, 7, 8, 9
  ON CONFLICT (org_id, day, hour_start, pipeline_id, stage_id, provider, model, status, cost_source) DO UPDATE ${STAGE_UPDATE}
), ${histDelta('roll_stage_hist', 'rollup_stage_hist_days', 'stage_in', ['day', 'pipeline_id', 'stage_id'])},
${histDelta('roll_stage_hist_hours', 'rollup_stage_hist_hours', 'stage_in', ['day', 'hour_start', 'pipeline_id', 'stage_id'])}`;

/**
 * The organisation's rollup time zone, locked FOR KEY SHARE for the rest of the transaction.
 * The first batch of an organisation records its zone (a zone PostgreSQL does not know → UTC,
 * and the queries, seeing the mismatch, read raw rows for it).
 */
export const LOCK_ROLLUP_ZONE = `SELECT time_zone FROM rollup_state WHERE org_id = $1 FOR KEY SHARE`;
export const CREATE_ROLLUP_STATE = `
INSERT INTO rollup_state (org_id, time_zone)
SELECT $1, CASE WHEN EXISTS (SELECT 1 FROM pg_timezone_names WHERE name = z.tz) THEN z.tz ELSE 'UTC' END
  FROM (SELECT coalesce((SELECT time_zone FROM org_settings WHERE org_id = $1), 'UTC') AS tz) z
ON CONFLICT (org_id) DO NOTHING`;
