import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import type { InsightCategory, InsightSeverity } from '@/lib/schemas/insights';
import type { InsightUpsert, StoredInsightState } from './lifecycle';
import { insightEvent, type PlannedDelivery, type WebhookRoute } from './routing';

// SQL of one evaluation, run inside its transaction. Set-based: one statement per step whatever
// the number of insights or endpoints (jsonb_to_recordset), every statement scoped by org_id.

export type Tx = Prisma.TransactionClient;

/** Serialises evaluations of one organisation (the API's forced one and the scheduler's). */
export async function lockOrgEvaluation(tx: Tx, orgId: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`fm_alerts:${orgId}`}))`;
}

/**
 * The stored state of every finding that is open or detected now, locked until commit so that an
 * acknowledgement arriving meanwhile waits and is applied on top, never overwritten.
 */
export async function loadInsightStates(tx: Tx, orgId: string, detectedIds: string[]): Promise<StoredInsightState[]> {
  return tx.$queryRaw<StoredInsightState[]>`
    SELECT id, episode, status, to_char(first_seen_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS first_seen_at
      FROM insights
     WHERE org_id = ${orgId}::uuid AND (status <> 'resolved' OR id = ANY(${detectedIds}::text[]))
     ORDER BY id
       FOR UPDATE`;
}

export async function upsertInsights(tx: Tx, orgId: string, upserts: InsightUpsert[], now: string) {
  if (upserts.length === 0) return;
  const rows = upserts.map((u) => ({ ...u.insight, episode: u.episode, status: u.status, first_seen_at: u.first_seen_at }));
  await tx.$executeRaw`
    INSERT INTO insights (org_id, id, episode, type, category, severity, pipeline_id, title, description, data,
                          recommendations, status, first_seen_at, last_seen_at, acknowledged_at, resolved_at)
    SELECT ${orgId}::uuid, x.id, x.episode, x.type, x.category, x.severity, x.pipeline_id, x.title, x.description,
           x.data, x.recommendations, x.status, x.first_seen_at, ${now}::timestamptz, NULL, NULL
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(
             id text, episode int, type text, category text, severity text, pipeline_id text, title text,
             description text, data jsonb, recommendations jsonb, status text, first_seen_at timestamptz)
     ORDER BY x.id
    ON CONFLICT (org_id, id) DO UPDATE SET
      episode = excluded.episode, type = excluded.type, category = excluded.category, severity = excluded.severity,
      pipeline_id = excluded.pipeline_id, title = excluded.title, description = excluded.description,
      data = excluded.data, recommendations = excluded.recommendations, status = excluded.status,
      first_seen_at = excluded.first_seen_at, last_seen_at = excluded.last_seen_at,
      acknowledged_at = CASE WHEN excluded.episode = insights.episode THEN insights.acknowledged_at END,
      resolved_at = NULL`;
}

export async function resolveInsights(tx: Tx, orgId: string, ids: string[], now: string) {
  if (ids.length === 0) return;
  await tx.$executeRaw`
    UPDATE insights SET status = 'resolved', resolved_at = ${now}::timestamptz
     WHERE org_id = ${orgId}::uuid AND id = ANY(${ids}::text[]) AND status <> 'resolved'`;
}

export async function loadWebhookRoutes(tx: Tx, orgId: string): Promise<WebhookRoute[]> {
  const rows = await tx.$queryRaw<Array<{ id: string; min_severity: InsightSeverity; categories: InsightCategory[] | null }>>`
    SELECT id::text, min_severity, categories FROM webhooks WHERE org_id = ${orgId}::uuid AND enabled ORDER BY created_at, id`;
  return rows.map((r) => ({ id: r.id, min_severity: r.min_severity, categories: r.categories ?? [], enabled: true }));
}

export interface EnqueuedDelivery {
  id: string;
  webhook_id: string;
  insight_id: string;
  episode: number;
}

/**
 * Adds the planned deliveries to the outbox, due at once (database clock, as the worker's
 * polling uses); those already made for the (endpoint, insight, episode) are skipped.
 */
export async function enqueueDeliveries(tx: Tx, orgId: string, planned: PlannedDelivery[], now: string): Promise<EnqueuedDelivery[]> {
  if (planned.length === 0) return [];
  const rows = planned.map((p) => ({
    webhook_id: p.webhookId,
    insight_id: p.insight.id,
    episode: p.episode,
    payload: insightEvent(p.insight, now),
  }));
  return tx.$queryRaw<EnqueuedDelivery[]>`
    INSERT INTO webhook_deliveries (org_id, webhook_id, insight_id, episode, payload, status, attempts, next_attempt_at, created_at)
    SELECT ${orgId}::uuid, x.webhook_id, x.insight_id, x.episode, x.payload, 'pending', 0, now(), now()
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(webhook_id uuid, insight_id text, episode int, payload jsonb)
     ORDER BY x.webhook_id, x.insight_id
    ON CONFLICT (org_id, webhook_id, insight_id, episode) DO NOTHING
    RETURNING id::text, webhook_id::text, insight_id, episode`;
}

/**
 * When the newest evaluation applied to this organisation detected its findings (every applied
 * evaluation stamps last_seen_at or resolved_at with that time). An evaluation whose detection is
 * older must not be applied over it: it would resolve or reopen findings from stale numbers.
 */
export async function lastAppliedAt(tx: Tx, orgId: string): Promise<Date | null> {
  const rows = await tx.$queryRaw<Array<{ t: Date | null }>>`
    SELECT max(greatest(last_seen_at, resolved_at)) AS t FROM insights WHERE org_id = ${orgId}::uuid`;
  return rows[0]?.t ? new Date(rows[0].t) : null;
}
