import 'server-only';
import { NotFoundError } from '@/lib/errors';
import { getPrisma } from '@/lib/db/client';
import type { InsightStateResponse } from '@/lib/schemas/alerts';

// Acknowledging a finding: someone is on it. It stays acknowledged (no further deliveries) for
// the rest of its episode; once it resolves and recurs, the new episode is active again.
// Idempotent: acknowledging an acknowledged or resolved finding returns its state unchanged.
// Only findings the alert evaluation tracks (its window, ALERT_WINDOW_DAYS, default 7) exist here.

/** to_char format of an ISO-8601 UTC timestamp (a bound parameter, hence no quotes). */
const iso = 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"';

export async function acknowledgeInsight(orgId: string, id: string): Promise<InsightStateResponse> {
  const rows = await getPrisma().$queryRaw<InsightStateResponse[]>`
    UPDATE insights
       SET status = CASE WHEN status = 'active' THEN 'acknowledged' ELSE status END,
           acknowledged_at = CASE WHEN status = 'active' THEN now() ELSE acknowledged_at END
     WHERE org_id = ${orgId}::uuid AND id = ${id}
    RETURNING id, status, episode, severity, title,
              to_char(first_seen_at AT TIME ZONE 'UTC', ${iso}) AS first_seen_at,
              to_char(last_seen_at AT TIME ZONE 'UTC', ${iso}) AS last_seen_at,
              to_char(acknowledged_at AT TIME ZONE 'UTC', ${iso}) AS acknowledged_at,
              to_char(resolved_at AT TIME ZONE 'UTC', ${iso}) AS resolved_at`;
  const row = rows[0];
  if (!row) {
    throw new NotFoundError(`insight "${id}" is not tracked by alerts (only the ${process.env.ALERT_WINDOW_DAYS ?? 7}-day window's findings, once evaluated, can be acknowledged)`);
  }
  return row;
}

/** Statuses of tracked insights, for the dashboard (ids not tracked are absent). */
export async function getInsightStates(orgId: string, ids: string[]): Promise<Map<string, InsightStateResponse>> {
  if (ids.length === 0) return new Map();
  const rows = await getPrisma().$queryRaw<InsightStateResponse[]>`
    SELECT id, status, episode, severity, title,
           to_char(first_seen_at AT TIME ZONE 'UTC', ${iso}) AS first_seen_at,
           to_char(last_seen_at AT TIME ZONE 'UTC', ${iso}) AS last_seen_at,
           to_char(acknowledged_at AT TIME ZONE 'UTC', ${iso}) AS acknowledged_at,
           to_char(resolved_at AT TIME ZONE 'UTC', ${iso}) AS resolved_at
      FROM insights WHERE org_id = ${orgId}::uuid AND id = ANY(${ids}::text[])`;
  return new Map(rows.map((r) => [r.id, r]));
}
