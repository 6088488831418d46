import { describe, expect, it } from 'vitest';
import type { Insight } from '@/lib/schemas/insights';
import { detectInsights } from './detect-all';
import { foldDuplicates } from './fold';
import { makeInsight } from './insight';
import { input, scope, win } from '@/tests/support/insight-fixtures';

const ctx = (pipeline_id: string | null) => ({ pipeline_id, days: 7, now: '2026-02-20T12:00:00.000Z' });
const spike = (pipeline: string | null, increase_usd: number, severity: Insight['severity'] = 'critical') =>
  makeInsight(ctx(pipeline), { type: 'cost_spike', severity, title: `Cost increased by ${increase_usd}%`, description: 'd.', data: { increase_usd, increase_percent: increase_usd }, recommendations: [] });
const usage = (pipeline: string | null, previous_executions: number, current_executions: number) =>
  makeInsight(ctx(pipeline), { type: 'usage_surge', severity: 'info', title: 'Executions increased', description: 'd.', data: { previous_executions, current_executions }, recommendations: [] });
const failures = (pipeline: string | null, type: 'failure_pattern' | 'reliability', severity: Insight['severity']) =>
  makeInsight(ctx(pipeline), { type, severity, title: type, description: `${type}.`, data: { marker: type }, recommendations: [] });

describe('foldDuplicates', () => {
  it.each([
    // [case, findings, ids that remain]
    ['nothing to fold', [spike('a', 10)], ['cost_spike:pipeline=a:7d']],
    ['a pipeline explaining 100% absorbs the org finding', [spike(null, 10), spike('a', 10)], ['cost_spike:pipeline=a:7d']],
    ['exactly 90% is enough', [spike(null, 10), spike('a', 9)], ['cost_spike:pipeline=a:7d']],
    ['89.9% is not: both stay', [spike(null, 10), spike('a', 8.99)], ['cost_spike:org:7d', 'cost_spike:pipeline=a:7d']],
    ['two pipelines sharing the change: both stay with the org finding', [spike(null, 10), spike('a', 5), spike('b', 5)], ['cost_spike:org:7d', 'cost_spike:pipeline=a:7d', 'cost_spike:pipeline=b:7d']],
    ['an org finding alone stays', [spike(null, 10)], ['cost_spike:org:7d']],
    ['a zero org change never divides by zero', [spike(null, 0), spike('a', 0)], ['cost_spike:org:7d', 'cost_spike:pipeline=a:7d']],
    ['usage counts are additive too', [usage(null, 100, 200), usage('a', 10, 105)], ['usage_surge:pipeline=a:7d']],
    ['usage explained only in part', [usage(null, 100, 200), usage('a', 10, 50)], ['usage_surge:org:7d', 'usage_surge:pipeline=a:7d']],
    ['reliability folds into failure_pattern of the same scope', [failures('a', 'failure_pattern', 'critical'), failures('a', 'reliability', 'warning')], ['failure_pattern:pipeline=a:7d']],
    ['reliability alone stays', [failures('a', 'reliability', 'warning')], ['reliability:pipeline=a:7d']],
    ['reliability of another scope stays', [failures('a', 'failure_pattern', 'warning'), failures('b', 'reliability', 'warning')], ['failure_pattern:pipeline=a:7d', 'reliability:pipeline=b:7d']],
  ] as const)('%s', (_case, found, ids) => {
    expect(foldDuplicates([...found]).map((i) => i.id).sort()).toEqual([...ids].sort());
  });

  it('keeps the folded numbers and the higher severity', () => {
    const [p] = foldDuplicates([spike(null, 10, 'critical'), spike('a', 9.5, 'warning')]);
    expect(p.severity).toBe('critical');
    expect(p.data.organisation).toEqual({ increase_usd: 10, increase_percent: 10, share_of_change: 0.95 });
    expect(p.description).toContain('95% of the organisation');
    const [f] = foldDuplicates([failures('a', 'reliability', 'warning'), failures('a', 'failure_pattern', 'critical')]);
    expect(f).toMatchObject({ type: 'failure_pattern', severity: 'critical', data: { marker: 'failure_pattern', success_rate_drop: { marker: 'reliability' } } });
    expect(f.description).toBe('failure_pattern. reliability.');
  });

  it('end to end: one pipeline that doubles the organisation cost is reported once, at its own scope', () => {
    const calm = scope({ pipeline_id: 'calm', current: win({ cost_usd: 10 }), previous: win({ cost_usd: 10 }) });
    const hot = scope({ pipeline_id: 'hot', current: win({ cost_usd: 30 }), previous: win({ cost_usd: 10 }) });
    const org = scope({ current: win({ executions: 200, cost_usd: 40 }), previous: win({ executions: 200, cost_usd: 20 }) });
    const found = detectInsights(input({ scope: org, pipelines: [calm, hot] }));
    expect(found.map((i) => [i.id, i.severity])).toEqual([['cost_spike:pipeline=hot:30d', 'critical']]);
    expect(found[0].data.organisation).toMatchObject({ increase_percent: 100, share_of_change: 1 });
  });
});
