import { describe, expect, it } from 'vitest';
import { detectInsights, filterInsights } from './detect-all';
import { insightId } from './insight';
import { EMPTY_WINDOW, input, model, scope, win } from '@/tests/support/insight-fixtures';
import { aggregate, simulate } from '@/tests/support/simulation';

const base = { days: 30, pipelines: ['ingest', 'summarise', 'classify'], runsPerDay: 40 };

describe('detectInsights end to end', () => {
  it('no data: no insights', () => {
    const empty = scope({ current: EMPTY_WINDOW, previous: EMPTY_WINDOW });
    expect(detectInsights(input({ scope: empty }))).toEqual([]);
  });

  it('only the current window (a new organisation): nothing that needs a comparison', () => {
    const s = scope({ previous: EMPTY_WINDOW, current: win({ executions: 500, cost_usd: 80, avg_duration_ms: 5000 }) });
    const types = detectInsights(input({ scope: s })).map((i) => i.type);
    expect(types).not.toContain('cost_spike');
    expect(types).not.toContain('performance_degradation');
    expect(types).not.toContain('usage_surge');
  });

  it.each([1, 2, 3, 4, 5, 6])('a steady organisation with realistic noise raises no warning or critical (seed %i)', (seed) => {
    const found = detectInsights(aggregate(simulate({ ...base, seed }), 30));
    expect(found.filter((i) => i.severity !== 'info')).toEqual([]);
    expect(found.map((i) => i.type)).not.toContain('cost_spike');
  });

  it('finds a failure burst, a slowdown and a cost spike in the right pipelines', () => {
    const xs = simulate({
      ...base,
      seed: 7,
      failureRate: (p, day) => (p === 'summarise' && day >= 30 ? 0.3 : 0.02),
      durationMs: (p, day) => (p === 'classify' && day >= 30 ? 2000 : 1200),
      costUsd: (p, day) => (p === 'ingest' && day >= 30 ? 0.05 : 0.02),
    });
    const found = detectInsights(aggregate(xs, 30));
    const ids = found.map((i) => i.id);
    expect(ids).toContain('failure_pattern:pipeline=summarise:30d');
    // the success-rate drop of the same burst is folded into the failure_pattern finding
    expect(ids).not.toContain('reliability:pipeline=summarise:30d');
    expect(found.find((i) => i.id === 'failure_pattern:pipeline=summarise:30d')!.data.success_rate_drop).toMatchObject({ drop_points: expect.any(Number) });
    expect(ids).toContain('performance_degradation:pipeline=classify:30d');
    expect(ids).toContain('cost_spike:pipeline=ingest:30d');
    expect(found.find((i) => i.id === 'failure_pattern:pipeline=summarise:30d')!.severity).toBe('critical');
    expect(found.find((i) => i.id === 'cost_spike:pipeline=ingest:30d')!.severity).toBe('critical');
    // nothing about the healthy pipelines' own numbers
    expect(ids.filter((id) => id.startsWith('failure_pattern:pipeline=ingest'))).toEqual([]);
    // ranked: critical first
    expect(found[0].severity).toBe('critical');
  });

  it('a single pipeline request scopes every insight to that pipeline', () => {
    const s = scope({ pipeline_id: 'etl', current: win({ executions: 100, failures: 30 }) });
    const found = detectInsights(input({ scope: s, models: [model({ model: 'mystery', unpriced_calls: 4 })] }));
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((i) => i.pipeline_id === 'etl')).toBe(true);
    expect(found.map((i) => i.id)).toContain('failure_pattern:pipeline=etl:30d');
  });

  it('ids are stable across runs and times, and distinct across scopes and windows', () => {
    const xs = simulate({ ...base, seed: 3, failureRate: () => 0.3 });
    const a = detectInsights(aggregate(xs, 30)).map((i) => i.id);
    const b = detectInsights({ ...aggregate(xs, 30), now: '2030-01-01T00:00:00.000Z' }).map((i) => i.id);
    expect(b).toEqual(a);
    expect(new Set(a).size).toBe(a.length);
    expect(insightId('cost_spike', null, 7)).not.toBe(insightId('cost_spike', null, 30));
    expect(insightId('cost_spike', 'a:b', 7)).not.toBe(insightId('cost_spike', 'a', 7, 'b'));
  });

  it('organisation thresholds override the defaults; junk overrides are ignored', () => {
    const s = scope({ current: win({ executions: 100, failures: 6 }), previous: win({ executions: 100, failures: 6 }) });
    expect(detectInsights(input({ scope: s }))).toEqual([]);
    expect(detectInsights(input({ scope: s, thresholds: { failure_rate_warning: 0.05 } }))[0].type).toBe('failure_pattern');
    expect(detectInsights(input({ scope: s, thresholds: { failure_rate_warning: 'low', min_executions: -1 } }))).toEqual([]);
  });

  it('filters by category and severity lists', () => {
    const s = scope({ current: win({ executions: 100, failures: 30 }), previous: win({ cost_usd: 5 }) });
    const all = detectInsights(input({ scope: s }));
    expect(all.map((i) => i.type).sort()).toEqual(['cost_spike', 'failure_pattern']); // reliability folded in
    expect(filterInsights(all, { category: ['reliability'] }).map((i) => i.type)).toEqual(['failure_pattern']);
    expect(filterInsights(all, { severity: ['critical'] }).map((i) => i.type).sort()).toEqual(['cost_spike', 'failure_pattern']);
    expect(filterInsights(all, { category: ['usage'], severity: ['critical'] })).toEqual([]);
  });
});
