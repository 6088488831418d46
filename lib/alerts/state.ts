import 'server-only';
import { getPrisma } from '@/lib/db/client';

// alert_state: which organisations need an evaluation. Ingest bumps data_version (a trigger, see
// the *_alerts migration); an evaluation records the version it saw. Claims use SKIP LOCKED so
// several app processes share the work without evaluating one organisation twice at once.

/**
 * Organisations with data newer than their last evaluation (first), or not evaluated for
 * `scheduleMs`; claimed by setting evaluated_version/evaluated_at at once. `skip`: organisations
 * already evaluated in this tick — data that arrived during their evaluation waits for the next
 * tick (coalesced into one evaluation) instead of starting another one at once.
 */
export async function claimDueOrgs(limit: number, scheduleMs: number, skip: readonly string[] = []): Promise<string[]> {
  const rows = await getPrisma().$queryRaw<Array<{ org_id: string }>>`
    WITH due AS (
      SELECT org_id FROM alert_state
       WHERE (data_version > evaluated_version OR evaluated_at IS NULL
          OR evaluated_at < now() - make_interval(secs => ${scheduleMs / 1000}::float8))
         AND org_id <> ALL(${[...skip]}::uuid[])
       ORDER BY data_version > evaluated_version DESC, evaluated_at NULLS FIRST, org_id
       LIMIT ${limit}
         FOR UPDATE SKIP LOCKED
    )
    UPDATE alert_state s SET evaluated_version = s.data_version, evaluated_at = now()
      FROM due WHERE s.org_id = due.org_id
    RETURNING s.org_id::text`;
  return rows.map((r) => r.org_id);
}

/** A forced evaluation counts as the scheduler's too: mark the current version as evaluated. */
export async function markEvaluated(orgId: string) {
  await getPrisma().$executeRaw`
    INSERT INTO alert_state (org_id, evaluated_at) VALUES (${orgId}::uuid, now())
    ON CONFLICT (org_id) DO UPDATE SET evaluated_version = alert_state.data_version, evaluated_at = now()`;
}

/** After a failed evaluation: make the organisation due again on the scheduler's next tick. */
export async function releaseClaim(orgId: string) {
  await getPrisma().$executeRaw`UPDATE alert_state SET evaluated_at = NULL WHERE org_id = ${orgId}::uuid`;
}
