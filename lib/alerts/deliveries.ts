import 'server-only';
import { getPrisma } from '@/lib/db/client';
import type { DeliveriesQuery, DeliveriesResponse } from '@/lib/schemas/alerts';

// An endpoint's deliveries, newest first, each with its attempt log (aggregated in SQL).

/** to_char format of an ISO-8601 UTC timestamp (a bound parameter, hence no quotes). */
const iso = 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"';

export async function listDeliveries(orgId: string, webhookId: string, q: DeliveriesQuery): Promise<DeliveriesResponse> {
  const status = q.status ?? null;
  const [rows, counted] = await Promise.all([
    getPrisma().$queryRaw<DeliveriesResponse['deliveries']>`
      SELECT d.id::text, d.webhook_id::text, d.insight_id, d.episode, d.status, d.attempts,
             CASE WHEN d.status = 'pending' THEN to_char(d.next_attempt_at AT TIME ZONE 'UTC', ${iso}) END AS next_attempt_at,
             d.last_status, d.last_error,
             to_char(d.created_at AT TIME ZONE 'UTC', ${iso}) AS created_at,
             to_char(d.delivered_at AT TIME ZONE 'UTC', ${iso}) AS delivered_at,
             COALESCE((
               SELECT json_agg(json_build_object(
                        'attempt', a.attempt, 'started_at', to_char(a.started_at AT TIME ZONE 'UTC', ${iso}),
                        'duration_ms', a.duration_ms, 'status_code', a.status_code, 'error', a.error) ORDER BY a.attempt)
                 FROM webhook_attempts a WHERE a.org_id = d.org_id AND a.delivery_id = d.id
             ), '[]'::json) AS history
        FROM webhook_deliveries d
       WHERE d.org_id = ${orgId}::uuid AND d.webhook_id = ${webhookId}::uuid AND (${status}::text IS NULL OR d.status = ${status}::text)
       ORDER BY d.created_at DESC, d.id
       LIMIT ${q.limit}`,
    getPrisma().$queryRaw<Array<{ n: number }>>`
      SELECT count(*)::int AS n FROM webhook_deliveries
       WHERE org_id = ${orgId}::uuid AND webhook_id = ${webhookId}::uuid AND (${status}::text IS NULL OR status = ${status}::text)`,
  ]);
  return { deliveries: rows, total: counted[0]?.n ?? 0 };
}
