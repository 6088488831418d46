import { describe, expect, it } from 'vitest';
import { changeTone, formatBucket, formatByUnit, formatChange } from './format';
import { insightFields } from './insight-fields';

describe('dashboard formatting', () => {
  it.each([
    [45.234, '+45.2%'],
    [-4, '−4.0%'],
    [0.01, '0.0%'],
    [null, '—'],
  ])('formatChange(%s) = %s', (v, out) => expect(formatChange(v)).toBe(out));

  it('judges a change by what the metric is', () => {
    expect(changeTone(20, false)).toBe('bad'); // cost up
    expect(changeTone(-20, false)).toBe('good');
    expect(changeTone(3, true)).toBe('good'); // success rate up
    expect(changeTone(0.5, true)).toBe('neutral');
  });

  it('formats bucket labels as text, whatever the viewer’s time zone', () => {
    expect(formatBucket('2026-11-21')).toBe('Nov 21');
    expect(formatBucket('2026-01-02T07:00')).toBe('Jan 2, 07:00');
    expect(formatBucket('2026-11-21', true)).toBe('Nov 21, 2026');
  });

  it.each([
    ['usd', 12.5, '$12.50'],
    ['percent', 45.25, '45.3%'],
    ['ratio', 0.125, '12.5%'],
    ['ms', 1840, '1.84 s'],
    ['count', 1234, '1,234'],
    ['p_value', 0.00001, '< 0.001'],
    ['p_value', 0.0321, '0.032'],
    [undefined, 'gpt-4o', 'gpt-4o'],
    ['usd', null, '—'],
  ] as const)('formatByUnit(%s, %s) = %s', (unit, v, out) => expect(formatByUnit(unit, v)).toBe(out));
});

describe('insight fields: the unit comes from the schema of the type, never from the key name', () => {
  const base = { id: 'x', category: 'cost' as const, severity: 'warning' as const, title: 't', description: 'd', pipeline_id: null, recommendations: [] as string[], detected_at: '2026-01-01T00:00:00Z' };
  it('a cost_spike with its folded organisation-wide numbers', () => {
    const facts = { previous_cost: 10, current_cost: 20, increase_usd: 10, increase_percent: 100, previous_executions: 30, current_executions: 30, p_value: 0, test: 'welch_t_test_daily_cost' };
    const fields = insightFields({ ...base, type: 'cost_spike', data: { ...facts, organisation: { ...facts, share_of_change: 1.02 } } });
    const units = Object.fromEntries(fields.map((f) => [f.key, f.unit]));
    expect(units).toMatchObject({ previous_cost: 'usd', increase_percent: 'percent', current_executions: 'count', p_value: 'p_value', test: undefined });
    const org = fields.find((f) => f.key === 'organisation')!;
    expect(org.children?.find((c) => c.key === 'share_of_change')).toMatchObject({ unit: 'ratio', value: 1.02 });
  });
  it('an anomaly picks the schema of its kind (median in $ for cost, ms for latency)', () => {
    const day = { days_analyzed: 9, robust_sd: 1, outlier_days: [] };
    const cost = insightFields({ ...base, type: 'anomaly', category: 'performance', data: { kind: 'cost_outlier', metric: 'cost_usd', median: 10, ...day } });
    const latency = insightFields({ ...base, type: 'anomaly', category: 'performance', data: { kind: 'latency_outlier', metric: 'avg_duration_ms', median: 10, ...day } });
    expect(cost.find((f) => f.key === 'median')?.unit).toBe('usd');
    expect(latency.find((f) => f.key === 'median')?.unit).toBe('ms');
  });
});
