import type { Insight, InsightCategory, InsightSeverity } from '@/lib/schemas/insights';
import type { InsightUpsert } from './lifecycle';

// Which endpoint gets which insight (pure). An endpoint receives an insight when the insight is
// at least as severe as its min_severity and, when it lists categories, in one of them. Only
// insights that are active get deliveries: an acknowledged one already has someone on it.

const RANK: Record<InsightSeverity, number> = { info: 1, warning: 2, critical: 3 };

export interface WebhookRoute {
  id: string;
  min_severity: InsightSeverity;
  /** Empty = every category. */
  categories: readonly InsightCategory[];
  enabled: boolean;
}

export function matchesWebhook(insight: Pick<Insight, 'severity' | 'category'>, w: WebhookRoute): boolean {
  if (!w.enabled) return false;
  if (RANK[insight.severity] < RANK[w.min_severity]) return false;
  return w.categories.length === 0 || w.categories.includes(insight.category);
}

export interface PlannedDelivery {
  webhookId: string;
  insight: Insight;
  episode: number;
}

/**
 * Candidate deliveries for this evaluation. Every active insight is offered to every matching
 * endpoint each time; the outbox's unique (endpoint, insight, episode) key turns the ones already
 * made into no-ops. That also covers a finding that escalates from warning to critical (a
 * critical-only endpoint gets it then) and an endpoint created while a finding is active.
 */
export function planDeliveries(upserts: readonly InsightUpsert[], webhooks: readonly WebhookRoute[]): PlannedDelivery[] {
  const out: PlannedDelivery[] = [];
  for (const u of upserts) {
    if (u.status !== 'active') continue;
    for (const w of webhooks) {
      if (matchesWebhook(u.insight, w)) out.push({ webhookId: w.id, insight: u.insight, episode: u.episode });
    }
  }
  return out;
}

/** The event body of the contract: {"type":"insight.detected","timestamp":…,"data":{insight}}. */
export function insightEvent(insight: Insight, timestamp: string) {
  return { type: 'insight.detected' as const, timestamp, data: insight };
}
