import type pg from 'pg';

// The recovery facts (failure streaks, table recovery_streaks) around a batch's new runs, in the
// batch's transaction, after its raw rows: fm_recovery_refresh (migration
// 20261207141500_rollup_arrays_hours_recovery) locks the pipelines, then recomputes the streaks
// between the last success before and the first success after the new runs of each pipeline, so
// out-of-order and concurrent batches leave the same facts as one ordered load. Duplicates never
// get here (only new executions are passed). It reads executions(org_id, pipeline_id, started_at).

export interface NewRuns {
  pipeline_id: string;
  first_seen: Date;
  last_seen: Date;
}

export async function refreshRecovery(client: pg.PoolClient, orgId: string, seen: NewRuns[]): Promise<void> {
  if (seen.length === 0) return;
  await client.query('SELECT fm_recovery_refresh($1::uuid, $2::text[], $3::timestamptz[], $4::timestamptz[])', [
    orgId,
    seen.map((p) => p.pipeline_id),
    seen.map((p) => p.first_seen),
    seen.map((p) => p.last_seen),
  ]);
}
