import 'server-only';
import { getPrisma } from '@/lib/db/client';
import type { AttemptOutcome } from './outcome';
import type { SendResult } from './send';

// The delivery outbox in PostgreSQL (webhook_deliveries). A worker claims due rows with
// FOR UPDATE SKIP LOCKED — several workers (processes) never take the same row — and, in the same
// statement, pushes next_attempt_at one lease ahead: the row lock lasts only for the claim, the
// lease keeps the delivery from being claimed again while its HTTP attempt runs. If the process
// dies mid-attempt, the lease expires and another worker sends it again (at-least-once).

export interface ClaimedDelivery {
  org_id: string;
  id: string;
  webhook_id: string;
  payload: unknown;
  /** Attempt number of this attempt (1 = first). */
  attempts: number;
  created_at: Date;
  url: string | null;
  secret: string | null;
  enabled: boolean | null;
  disabled_reason: string | null;
}

export async function claimDueDeliveries(limit: number, leaseMs: number): Promise<ClaimedDelivery[]> {
  if (limit <= 0) return [];
  return getPrisma().$queryRaw<ClaimedDelivery[]>`
    WITH due AS (
      SELECT org_id, id FROM webhook_deliveries
       WHERE status = 'pending' AND next_attempt_at <= now()
       ORDER BY next_attempt_at
       LIMIT ${limit}
         FOR UPDATE SKIP LOCKED
    ), claimed AS (
      UPDATE webhook_deliveries d
         SET attempts = d.attempts + 1, next_attempt_at = now() + make_interval(secs => ${leaseMs / 1000}::float8)
        FROM due WHERE d.org_id = due.org_id AND d.id = due.id
      RETURNING d.org_id, d.id, d.webhook_id, d.payload, d.attempts, d.created_at
    )
    SELECT c.org_id::text, c.id::text, c.webhook_id::text, c.payload, c.attempts, c.created_at,
           w.url, w.secret, w.enabled, w.disabled_reason
      FROM claimed c LEFT JOIN webhooks w ON w.org_id = c.org_id AND w.id = c.webhook_id`;
}

/** A delivery whose endpoint was deleted or disabled is not attempted. */
export async function cancelDelivery(d: ClaimedDelivery, reason: string) {
  await getPrisma().$executeRaw`
    UPDATE webhook_deliveries SET status = 'cancelled', last_error = ${reason}, attempts = attempts - 1
     WHERE org_id = ${d.org_id}::uuid AND id = ${d.id}::uuid AND status = 'pending'`;
}

/**
 * Logs the attempt and moves the delivery on — and on 410 disables the endpoint and cancels its
 * other pending deliveries — in ONE statement (data-modifying CTEs), so it is atomic without a
 * transaction to open: on the embedded database a busy moment could otherwise refuse to start one,
 * and losing the record of an answered attempt means sending it again after the lease.
 */
async function recordAttemptOnce(d: ClaimedDelivery, startedAt: Date, r: SendResult, o: AttemptOutcome) {
  const status = o.kind === 'delivered' ? 'delivered' : o.kind === 'retry' ? 'pending' : 'failed';
  const error = o.kind === 'failed' && r.error ? `${r.error} (gave up: retry window over)` : r.error;
  const next = o.kind === 'retry' ? o.nextAttemptAt.toISOString() : null;
  const gone = o.kind === 'gone';
  const reason = `the endpoint answered 410 Gone at ${startedAt.toISOString()}`;
  await getPrisma().$queryRaw`
    WITH attempt AS (
      INSERT INTO webhook_attempts (org_id, delivery_id, attempt, started_at, duration_ms, status_code, error)
      SELECT org_id, id, ${d.attempts}::int, ${startedAt.toISOString()}::timestamptz, ${r.durationMs}::int, ${r.statusCode}::int, ${r.error}::text
        FROM webhook_deliveries WHERE org_id = ${d.org_id}::uuid AND id = ${d.id}::uuid
      ON CONFLICT DO NOTHING
      RETURNING attempt
    ), delivery AS (
      UPDATE webhook_deliveries
         SET status = ${status}::text, last_status = ${r.statusCode}::int, last_error = ${error}::text,
             next_attempt_at = COALESCE(${next}::timestamptz, next_attempt_at),
             delivered_at = CASE WHEN ${status}::text = 'delivered' THEN now() END
       WHERE org_id = ${d.org_id}::uuid AND id = ${d.id}::uuid
      RETURNING id
    ), disabled AS (
      UPDATE webhooks SET enabled = false, disabled_reason = ${reason}::text
       WHERE ${gone}::boolean AND org_id = ${d.org_id}::uuid AND id = ${d.webhook_id}::uuid
      RETURNING id
    ), cancelled AS (
      UPDATE webhook_deliveries SET status = 'cancelled', last_error = 'endpoint disabled (410 Gone)'
       WHERE ${gone}::boolean AND org_id = ${d.org_id}::uuid AND webhook_id = ${d.webhook_id}::uuid
         AND status = 'pending' AND id <> ${d.id}::uuid
      RETURNING id
    )
    SELECT (SELECT count(*) FROM attempt)::int AS attempts, (SELECT count(*) FROM delivery)::int AS deliveries,
           (SELECT count(*) FROM disabled)::int AS disabled, (SELECT count(*) FROM cancelled)::int AS cancelled`;
}

/** Records an attempt, retrying a few times (the statement is idempotent) before giving up. */
export async function recordAttempt(d: ClaimedDelivery, startedAt: Date, r: SendResult, o: AttemptOutcome) {
  for (let i = 0; ; i++) {
    try {
      return await recordAttemptOnce(d, startedAt, r, o);
    } catch (err) {
      if (i >= 3) throw err;
      await new Promise((res) => setTimeout(res, 500 * 2 ** i));
    }
  }
}
