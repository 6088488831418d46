import { describe, expect, it } from 'vitest';
import type { Insight } from '@/lib/schemas/insights';
import { dropRedundantOrgInsights, planLifecycle, type StoredInsightState } from './lifecycle';
import { matchesWebhook, planDeliveries, type WebhookRoute } from './routing';

const T0 = '2026-01-01T00:00:00.000Z';
const NOW = '2026-01-02T00:00:00.000Z';

function insight(id: string, p: Partial<Insight> = {}): Insight {
  return {
    id,
    type: 'failure_pattern',
    category: 'reliability',
    severity: 'critical',
    title: 't',
    description: 'd',
    pipeline_id: null,
    data: { failure_rate: 0.5, total_failures: 10, total_runs: 20, by_error_type: {} },
    recommendations: [],
    detected_at: NOW,
    ...p,
  } as Insight;
}
const stored = (id: string, status: StoredInsightState['status'], episode = 1): StoredInsightState => ({ id, status, episode, first_seen_at: T0 });

describe('planLifecycle transitions', () => {
  it.each([
    ['not stored, detected → new episode 1', [], 'new', 1, 'active', NOW],
    ['active, detected → continued', [stored('a', 'active', 3)], 'continued', 3, 'active', T0],
    ['acknowledged, detected → stays acknowledged', [stored('a', 'acknowledged', 2)], 'continued', 2, 'acknowledged', T0],
    ['resolved, detected again → recurred, next episode', [stored('a', 'resolved', 2)], 'recurred', 3, 'active', NOW],
  ] as const)('%s', (_name, before, transition, episode, status, firstSeen) => {
    const plan = planLifecycle(before, [insight('a')], NOW);
    expect(plan.upserts).toEqual([{ insight: insight('a'), transition, episode, status, first_seen_at: firstSeen }]);
    expect(plan.resolved).toEqual([]);
  });

  it('resolves active and acknowledged insights that are no longer detected; resolved ones stay as they are', () => {
    const plan = planLifecycle([stored('a', 'active'), stored('b', 'acknowledged'), stored('c', 'resolved'), stored('d', 'active')], [insight('d')], NOW);
    expect(plan.resolved).toEqual(['a', 'b']);
    expect(plan.upserts.map((u) => [u.insight.id, u.transition])).toEqual([['d', 'continued']]);
  });

  it('a whole cycle: new → continued → resolved → recurred gives two episodes', () => {
    let state: StoredInsightState[] = [];
    const episodes: number[] = [];
    for (const present of [true, true, false, false, true, true]) {
      const plan = planLifecycle(state, present ? [insight('x')] : [], NOW);
      const next = new Map(state.map((s) => [s.id, s]));
      for (const id of plan.resolved) next.set(id, { ...next.get(id)!, status: 'resolved' });
      for (const u of plan.upserts) {
        next.set(u.insight.id, { id: u.insight.id, status: u.status, episode: u.episode, first_seen_at: u.first_seen_at });
        if (u.transition !== 'continued') episodes.push(u.episode);
      }
      state = [...next.values()];
    }
    expect(episodes).toEqual([1, 2]);
  });
});

describe('routing', () => {
  const hook = (p: Partial<WebhookRoute>): WebhookRoute => ({ id: 'w', min_severity: 'critical', categories: [], enabled: true, ...p });
  it.each([
    ['critical to critical-only', { severity: 'critical' }, {}, true],
    ['warning to critical-only', { severity: 'warning' }, {}, false],
    ['warning to warning+', { severity: 'warning' }, { min_severity: 'warning' }, true],
    ['info to warning+', { severity: 'info' }, { min_severity: 'warning' }, false],
    ['info to info+', { severity: 'info' }, { min_severity: 'info' }, true],
    ['reliability to cost-only', { severity: 'critical' }, { categories: ['cost'] }, false],
    ['reliability to cost+reliability', { severity: 'critical' }, { categories: ['cost', 'reliability'] }, true],
    ['critical to a disabled endpoint', { severity: 'critical' }, { enabled: false }, false],
  ] as const)('%s', (_n, i, w, expected) => {
    expect(matchesWebhook({ category: 'reliability', ...i }, hook(w as Partial<WebhookRoute>))).toBe(expected);
  });

  it('offers only active insights, to every matching endpoint', () => {
    const up = (id: string, status: 'active' | 'acknowledged', severity: Insight['severity']) => ({
      insight: insight(id, { severity }), episode: 1, status, first_seen_at: NOW, transition: 'new' as const,
    });
    const planned = planDeliveries(
      [up('a', 'active', 'critical'), up('b', 'acknowledged', 'critical'), up('c', 'active', 'warning')],
      [hook({ id: 'crit' }), hook({ id: 'warn', min_severity: 'warning' })],
    );
    expect(planned.map((p) => `${p.webhookId}:${p.insight.id}`)).toEqual(['crit:a', 'warn:a', 'warn:c']);
  });
});

describe('dropRedundantOrgInsights', () => {
  const org = insight('failure_pattern:org:7d', { data: { total_failures: 30, failure_rate: 0.75, total_runs: 40, by_error_type: {} } } as Partial<Insight>);
  const pipe = insight('failure_pattern:pipeline=p:7d', { pipeline_id: 'p', data: { failure_rate: 0.75, total_failures: 30, total_runs: 40, by_error_type: {} } } as Partial<Insight>);
  it('drops the organisation-wide copy when a pipeline finding has the same numbers', () => {
    expect(dropRedundantOrgInsights([org, pipe]).map((i) => i.id)).toEqual(['failure_pattern:pipeline=p:7d']);
  });
  it('keeps both when the numbers differ (other pipelines contribute)', () => {
    const pipe2 = { ...pipe, data: { failure_rate: 0.9, total_failures: 30, total_runs: 40, by_error_type: {} } } as Insight;
    expect(dropRedundantOrgInsights([org, pipe2])).toHaveLength(2);
  });
  it('keeps both when the severity differs, and keeps other types', () => {
    const other = insight('cost_spike:org:7d', { type: 'cost_spike', category: 'cost', data: org.data } as Partial<Insight>);
    expect(dropRedundantOrgInsights([org, { ...pipe, severity: 'warning' }, other])).toHaveLength(3);
  });
});
