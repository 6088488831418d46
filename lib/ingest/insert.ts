import type pg from 'pg';
import type { ExecutionRow } from './normalize';

// Set-based, idempotent insert of a batch: one transaction, a fixed number of statements whatever
// the batch size (unnest arrays, no round trip per row). execution_keys is the idempotency
// registry: ON CONFLICT DO NOTHING there decides which executions are new, so a retried batch or
// two concurrent requests with the same id store it exactly once. Rows are sorted by id so that
// concurrent overlapping batches take their locks in the same order (no deadlock).

const money = (n: number) => n.toFixed(10);

export async function ensurePartitions(db: pg.Pool | pg.PoolClient, rows: ExecutionRow[]) {
  if (rows.length === 0) return;
  let min = rows[0].startedAt;
  let max = rows[0].startedAt;
  for (const r of rows) {
    if (r.startedAt < min) min = r.startedAt;
    if (r.startedAt > max) max = r.startedAt;
  }
  await db.query('SELECT fm_ensure_month_partitions($1, $2)', [min, max]);
}

async function insertExecutions(client: pg.PoolClient, orgId: string, rows: ExecutionRow[]): Promise<Set<string>> {
  const { rows: inserted } = await client.query<{ id: string }>(
    `WITH input AS (
       SELECT * FROM unnest($2::text[], $3::timestamptz[], $4::text[], $5::text[], $6::timestamptz[], $7::int[],
                            $8::text[], $9::text[], $10::numeric[], $11::bigint[], $12::bigint[], $13::int[],
                            $14::int[], $15::jsonb[])
         AS t(id, started_at, pipeline_id, status, completed_at, duration_ms, error_type, error_message,
              cost_usd, input_tokens, output_tokens, stage_count, unpriced_stages, metadata)
     ), new_keys AS (
       INSERT INTO execution_keys (org_id, id, started_at)
       SELECT $1, id, started_at FROM input ORDER BY id
       ON CONFLICT DO NOTHING
       RETURNING id
     )
     INSERT INTO executions (org_id, id, started_at, pipeline_id, status, completed_at, duration_ms, error_type,
                             error_message, cost_usd, input_tokens, output_tokens, stage_count, unpriced_stages, metadata)
     SELECT $1, i.id, i.started_at, i.pipeline_id, i.status, i.completed_at, i.duration_ms, i.error_type,
            i.error_message, i.cost_usd, i.input_tokens, i.output_tokens, i.stage_count, i.unpriced_stages, i.metadata
       FROM input i JOIN new_keys k ON k.id = i.id
     RETURNING id`,
    [
      orgId,
      rows.map((r) => r.id),
      rows.map((r) => r.startedAt),
      rows.map((r) => r.pipelineId),
      rows.map((r) => r.status),
      rows.map((r) => r.completedAt),
      rows.map((r) => r.durationMs),
      rows.map((r) => r.errorType),
      rows.map((r) => r.errorMessage),
      rows.map((r) => money(r.costUsd)),
      rows.map((r) => r.inputTokens),
      rows.map((r) => r.outputTokens),
      rows.map((r) => r.stages.length),
      rows.map((r) => r.unpricedStages),
      rows.map((r) => (r.metadata ? JSON.stringify(r.metadata) : null)),
    ],
  );
  return new Set(inserted.map((r) => r.id));
}

async function insertStages(client: pg.PoolClient, orgId: string, rows: ExecutionRow[]) {
  const stages = rows.flatMap((r) => r.stages.map((s) => ({ r, s })));
  if (stages.length === 0) return;
  const col = <T>(f: (x: (typeof stages)[number]) => T) => stages.map(f);
  await client.query(
    `INSERT INTO stage_executions (org_id, execution_id, stage_index, started_at, pipeline_id, stage_id, stage_type,
       provider, model, status, duration_ms, input_tokens, output_tokens, cached_input_tokens, reasoning_tokens,
       cost_usd, cost_source, error_type)
     SELECT $1, * FROM unnest($2::text[], $3::int[], $4::timestamptz[], $5::text[], $6::text[], $7::text[],
       $8::text[], $9::text[], $10::text[], $11::int[], $12::bigint[], $13::bigint[], $14::bigint[], $15::bigint[],
       $16::numeric[], $17::text[], $18::text[])`,
    [
      orgId,
      col((x) => x.r.id),
      col((x) => x.s.stageIndex),
      col((x) => x.r.startedAt),
      col((x) => x.r.pipelineId),
      col((x) => x.s.stageId),
      col((x) => x.s.stageType),
      col((x) => x.s.provider),
      col((x) => x.s.model),
      col((x) => x.s.status),
      col((x) => x.s.durationMs),
      col((x) => x.s.inputTokens),
      col((x) => x.s.outputTokens),
      col((x) => x.s.cachedInputTokens),
      col((x) => x.s.reasoningTokens),
      col((x) => money(x.s.costUsd)),
      col((x) => x.s.costSource),
      col((x) => x.s.errorType),
    ],
  );
}

async function upsertPipelines(client: pg.PoolClient, orgId: string, rows: ExecutionRow[]) {
  await client.query(
    `INSERT INTO pipelines (org_id, id, first_seen_at, last_seen_at)
     SELECT $1, pipeline_id, min(started_at), max(started_at)
       FROM unnest($2::text[], $3::timestamptz[]) AS t(pipeline_id, started_at)
      GROUP BY pipeline_id ORDER BY pipeline_id
     ON CONFLICT (org_id, id) DO UPDATE
       SET first_seen_at = least(pipelines.first_seen_at, excluded.first_seen_at),
           last_seen_at = greatest(pipelines.last_seen_at, excluded.last_seen_at)`,
    [orgId, rows.map((r) => r.pipelineId), rows.map((r) => r.startedAt)],
  );
}

/** Stores the new executions of a batch; returns how many were new. Commits before returning. */
export async function insertBatch(pool: pg.Pool, orgId: string, batch: ExecutionRow[]): Promise<number> {
  if (batch.length === 0) return 0;
  const rows = [...batch].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  await ensurePartitions(pool, rows);
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const inserted = await insertExecutions(client, orgId, rows);
    const fresh = rows.filter((r) => inserted.has(r.id));
    await insertStages(client, orgId, fresh);
    if (fresh.length > 0) await upsertPipelines(client, orgId, fresh);
    await client.query('COMMIT');
    return inserted.size;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}
