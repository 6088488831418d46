import type pg from 'pg';
import type { ExecutionRow } from './normalize';
import { executionColumns, stageColumns } from './columns';
import { refreshRecovery } from './recovery';
import { CREATE_ROLLUP_STATE, LOCK_ROLLUP_ZONE, ROLLUP_DELTAS } from './rollup-deltas';

// Set-based, idempotent insert of a batch: one transaction and a fixed number of statements
// whatever the batch size (unnest arrays, no round trip per row). execution_keys is the
// idempotency registry: ON CONFLICT DO NOTHING there decides which executions are new, so a
// retried batch or two concurrent requests with the same id store it exactly once. Rows are sorted
// by id so that concurrent overlapping batches take their key locks in the same order (no
// deadlock). Executions, their stages and the keys go in ONE statement (data-modifying CTEs): the
// stages of executions that turn out to be duplicates are dropped by the join, in SQL. The same
// statement adds the batch's deltas to the rollups (rollup-deltas.ts).

const MONTH_MS_PROBE = /^(\d{4}-\d{2})/;

/** Creates the monthly partitions the rows fall in: one call per distinct month, not per range. */
export async function ensurePartitions(db: pg.Pool | pg.PoolClient, rows: ExecutionRow[]) {
  const months = new Set<string>();
  for (const r of rows) months.add(MONTH_MS_PROBE.exec(r.startedAt.toISOString())![1]);
  if (months.size === 0) return;
  await db.query('SELECT fm_ensure_month_partitions(m, m) FROM unnest($1::timestamptz[]) AS m', [
    [...months].map((m) => `${m}-01T00:00:00Z`),
  ]);
}

const INSERT_BATCH = `
WITH input AS (
  SELECT * FROM unnest($2::text[], $3::timestamptz[], $4::text[], $5::text[], $6::timestamptz[], $7::int[],
                       $8::text[], $9::text[], $10::numeric[], $11::bigint[], $12::bigint[], $13::int[], $14::int[],
                       $15::jsonb[]) WITH ORDINALITY
    AS t(id, started_at, pipeline_id, status, completed_at, duration_ms, error_type, error_message, cost_usd,
         input_tokens, output_tokens, stage_count, unpriced_stages, metadata, n)
), new_keys AS (
  INSERT INTO execution_keys (org_id, id, started_at)
  SELECT $1, id, started_at FROM input ORDER BY id
  ON CONFLICT DO NOTHING
  RETURNING id
), fresh AS (
  SELECT i.* FROM input i JOIN new_keys k ON k.id = i.id
), new_executions AS (
  INSERT INTO executions (org_id, id, started_at, pipeline_id, status, completed_at, duration_ms, error_type,
                          error_message, cost_usd, input_tokens, output_tokens, stage_count, unpriced_stages, metadata)
  SELECT $1, id, started_at, pipeline_id, status, completed_at, duration_ms, error_type, error_message, cost_usd,
         input_tokens, output_tokens, stage_count, unpriced_stages, metadata
    FROM fresh
  RETURNING pipeline_id, started_at
), stage_in AS (
  SELECT f.id AS execution_id, s.stage_index, f.started_at, f.pipeline_id, s.stage_id, s.stage_type, s.provider,
         s.model, s.status, s.duration_ms, s.input_tokens, s.output_tokens, s.cached_input_tokens,
         s.reasoning_tokens, s.cost_usd, s.cost_source, s.error_type
    FROM unnest($16::int[], $17::int[], $18::text[], $19::text[], $20::text[], $21::text[], $22::text[], $23::int[],
                $24::bigint[], $25::bigint[], $26::bigint[], $27::bigint[], $28::numeric[], $29::text[], $30::text[])
      AS s(n, stage_index, stage_id, stage_type, provider, model, status, duration_ms, input_tokens, output_tokens,
           cached_input_tokens, reasoning_tokens, cost_usd, cost_source, error_type)
    JOIN fresh f ON f.n = s.n
), new_stages AS (
  INSERT INTO stage_executions (org_id, execution_id, stage_index, started_at, pipeline_id, stage_id, stage_type,
                                provider, model, status, duration_ms, input_tokens, output_tokens,
                                cached_input_tokens, reasoning_tokens, cost_usd, cost_source, error_type)
  SELECT $1, * FROM stage_in
)${ROLLUP_DELTAS}
SELECT pipeline_id, min(started_at) AS first_seen, max(started_at) AS last_seen, count(*)::int AS n
  FROM new_executions GROUP BY pipeline_id ORDER BY pipeline_id`;

type PipelineSeen = { pipeline_id: string; first_seen: Date; last_seen: Date; n: number };

// The pipelines upsert comes last, right before COMMIT: it locks the batch's pipeline rows (and,
// through the alerts trigger, the organisation's alert_state row) for as short a time as possible,
// so concurrent batches of one organisation overlap everywhere but in that final moment.
const UPSERT_PIPELINES = `
INSERT INTO pipelines (org_id, id, first_seen_at, last_seen_at)
SELECT $1, * FROM unnest($2::text[], $3::timestamptz[], $4::timestamptz[])
ON CONFLICT (org_id, id) DO UPDATE
  SET first_seen_at = least(pipelines.first_seen_at, excluded.first_seen_at),
      last_seen_at = greatest(pipelines.last_seen_at, excluded.last_seen_at)`;

/** The rollup zone, locked for this transaction; recorded on an organisation's first batch. */
async function rollupZone(client: pg.PoolClient, orgId: string): Promise<string> {
  let { rows } = await client.query<{ time_zone: string }>(LOCK_ROLLUP_ZONE, [orgId]);
  if (rows.length === 0) {
    await client.query(CREATE_ROLLUP_STATE, [orgId]);
    ({ rows } = await client.query<{ time_zone: string }>(LOCK_ROLLUP_ZONE, [orgId]));
  }
  return rows[0].time_zone;
}

/** Stores the new executions of a batch; returns how many were new. Commits before returning. */
export async function insertBatch(pool: pg.Pool, orgId: string, batch: ExecutionRow[]): Promise<number> {
  if (batch.length === 0) return 0;
  const rows = [...batch].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  await ensurePartitions(pool, rows);
  const client = await pool.connect();
  try {
    // "Once 200 is returned, every accepted execution is durable" (API.md), whatever the server's
    // default: a server set to synchronous_commit=off would otherwise acknowledge before the WAL flush.
    await client.query('BEGIN; SET LOCAL synchronous_commit TO on');
    const zone = await rollupZone(client, orgId);
    const { rows: seen } = await client.query<PipelineSeen>(INSERT_BATCH, [orgId, ...executionColumns(rows), ...stageColumns(rows), zone]);
    await refreshRecovery(client, orgId, seen);
    if (seen.length > 0) {
      await client.query(UPSERT_PIPELINES, [orgId, seen.map((p) => p.pipeline_id), seen.map((p) => p.first_seen), seen.map((p) => p.last_seen)]);
    }
    await client.query('COMMIT');
    return seen.reduce((sum, p) => sum + p.n, 0);
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}
