import type { Insight } from '@/lib/schemas/insights';

// The insight lifecycle (pure). An evaluation compares what is detected now with what is stored:
//   not stored            → new        (episode 1, active)
//   stored, resolved      → recurred   (episode + 1, active again: a new alert)
//   stored, active/acked  → continued  (same episode and status: no new alert)
//   stored, not detected  → resolved   (active or acknowledged finding no longer detected)
// One episode = one continuous stretch of a finding being detected; deliveries are unique per
// (endpoint, insight, episode), which is what makes "sent once per episode" hold.

export const INSIGHT_STATUSES = ['active', 'acknowledged', 'resolved'] as const;
export type InsightStatus = (typeof INSIGHT_STATUSES)[number];
export type Transition = 'new' | 'recurred' | 'continued';

export interface StoredInsightState {
  id: string;
  episode: number;
  status: InsightStatus;
  first_seen_at: string;
}

export interface InsightUpsert {
  insight: Insight;
  episode: number;
  status: InsightStatus;
  first_seen_at: string;
  transition: Transition;
}

export interface LifecyclePlan {
  upserts: InsightUpsert[];
  /** Ids of stored active/acknowledged insights that are no longer detected. */
  resolved: string[];
}

export function planLifecycle(stored: readonly StoredInsightState[], detected: readonly Insight[], now: string): LifecyclePlan {
  const byId = new Map(stored.map((s) => [s.id, s]));
  const seen = new Set<string>();
  const upserts: InsightUpsert[] = [];
  for (const insight of detected) {
    if (seen.has(insight.id)) continue; // ids are unique per evaluation; guard anyway
    seen.add(insight.id);
    const prev = byId.get(insight.id);
    if (!prev) {
      upserts.push({ insight, episode: 1, status: 'active', first_seen_at: now, transition: 'new' });
    } else if (prev.status === 'resolved') {
      upserts.push({ insight, episode: prev.episode + 1, status: 'active', first_seen_at: now, transition: 'recurred' });
    } else {
      upserts.push({ insight, episode: prev.episode, status: prev.status, first_seen_at: prev.first_seen_at, transition: 'continued' });
    }
  }
  const resolved = stored.filter((s) => s.status !== 'resolved' && !seen.has(s.id)).map((s) => s.id);
  return { upserts, resolved };
}

/** Deterministic JSON (sorted keys) so two `data` objects compare by content, not key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The part of an id after the scope: `<days>d[:subject]` (see lib/insights/insight.ts insightId). */
const idTail = (i: Insight) => i.id.split(':').slice(2).join(':');

/**
 * Detectors run organisation-wide and per pipeline. When one pipeline is the whole story (e.g. an
 * organisation with a single pipeline), the organisation-wide finding repeats the pipeline's with
 * identical numbers: alerting both would page twice for one problem. Such an organisation-wide
 * insight is dropped in favour of the pipeline one, which names the pipeline.
 */
export function dropRedundantOrgInsights(insights: readonly Insight[]): Insight[] {
  const pipelineKeys = new Set(
    insights.filter((i) => i.pipeline_id !== null).map((i) => `${i.type}|${idTail(i)}|${i.severity}|${canonical(i.data)}`),
  );
  return insights.filter(
    (i) => i.pipeline_id !== null || !pipelineKeys.has(`${i.type}|${idTail(i)}|${i.severity}|${canonical(i.data)}`),
  );
}
