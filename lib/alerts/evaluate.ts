import 'server-only';
import { getPrisma } from '@/lib/db/client';
import type { Insight } from '@/lib/schemas/insights';
import type { EvaluationResponse } from '@/lib/schemas/alerts';
import { alertsConfig } from './config';
import { dropRedundantOrgInsights, planLifecycle } from './lifecycle';
import { planDeliveries } from './routing';
import { enqueueDeliveries, lastAppliedAt, loadInsightStates, loadWebhookRoutes, lockOrgEvaluation, resolveInsights, upsertInsights } from './store';

// One alert evaluation of an organisation: detect (SQL aggregates + the pure engine, outside any
// transaction), then in one short transaction apply the lifecycle and enqueue the deliveries.
// Window: the last ALERT_WINDOW_DAYS (default 7) days, organisation-wide and per pipeline — the
// dashboard's default range, so what is alerted is what people see first.

/** Detected insights of an organisation for a window (the analytics service in production). */
export type Detector = (orgId: string, days: number, now: Date) => Promise<Insight[]>;

/** Detects, then applies under the organisation's lock unless a newer detection was applied meanwhile. */
async function detectAndApply(orgId: string, detect: Detector, now: Date, windowDays: number) {
  const at = now.toISOString();
  const detected = dropRedundantOrgInsights(await detect(orgId, windowDays, now));
  return getPrisma().$transaction(
    async (tx) => {
      await lockOrgEvaluation(tx, orgId);
      const newest = await lastAppliedAt(tx, orgId);
      if (newest && newest.getTime() > now.getTime()) return null; // superseded while detecting
      const stored = await loadInsightStates(tx, orgId, detected.map((i) => i.id));
      const plan = planLifecycle(stored, detected, at);
      await upsertInsights(tx, orgId, plan.upserts, at);
      await resolveInsights(tx, orgId, plan.resolved, at);
      const routes = await loadWebhookRoutes(tx, orgId);
      const enqueued = await enqueueDeliveries(tx, orgId, planDeliveries(plan.upserts, routes), at);
      return { at, plan, enqueued };
    },
    { maxWait: 15_000, timeout: 30_000 },
  );
}

export async function evaluateOrg(orgId: string, detect: Detector, now = new Date()): Promise<EvaluationResponse> {
  const { windowDays } = alertsConfig();
  // Two evaluations of one organisation may overlap (the scheduler's and a forced one): the one
  // that detected earlier but reaches the lock later detects again on current data.
  let applied = await detectAndApply(orgId, detect, now, windowDays);
  for (let i = 0; !applied && i < 3; i++) applied = await detectAndApply(orgId, detect, new Date(), windowDays);
  if (!applied) throw new Error(`alert evaluation of ${orgId} kept being superseded`);
  const { at, plan, enqueued } = applied;
  return {
    evaluated_at: at,
    window_days: windowDays,
    insights: plan.upserts.map((u) => ({
      id: u.insight.id,
      type: u.insight.type,
      category: u.insight.category,
      severity: u.insight.severity,
      pipeline_id: u.insight.pipeline_id,
      title: u.insight.title,
      status: u.status,
      episode: u.episode,
      first_seen_at: u.first_seen_at,
      transition: u.transition,
    })),
    resolved: plan.resolved,
    enqueued,
  };
}
