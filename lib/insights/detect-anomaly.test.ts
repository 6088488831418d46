import { describe, expect, it } from 'vitest';
import { detectAnomalies } from './detect-anomaly';
import { DEFAULT_THRESHOLDS as T } from '@/lib/schemas/thresholds';
import { ctx, days, scope, win } from '@/tests/support/insight-fixtures';

describe('anomaly', () => {
  it.each([
    { p95: 3000, want: 0 }, // p95/p50 = 3 exactly: not "more than 3"
    { p95: 3010, want: 1 },
  ])('p50 1000, p95 $p95 → $want latency_spread in a pipeline', ({ p95, want }) => {
    const s = scope({ pipeline_id: 'p', current: win({ p50_duration_ms: 1000, p95_duration_ms: p95 }) });
    expect(detectAnomalies(s, T, ctx('p')).filter((i) => i.id.endsWith('latency_spread'))).toHaveLength(want);
  });

  it('does not report latency_spread organisation-wide, where p95/p50 measures the pipeline mix', () => {
    const s = scope({ current: win({ p50_duration_ms: 1000, p95_duration_ms: 9000 }) });
    expect(detectAnomalies(s, T, ctx()).filter((i) => i.id.endsWith('latency_spread'))).toHaveLength(0);
  });

  it('flags a cost day far above the median day', () => {
    const s = scope({ days: days([10, 9, 11, 8, 12, 10, 11, 10, 40]) });
    const found = detectAnomalies(s, T, ctx());
    expect(found.map((i) => i.id)).toEqual(['anomaly:org:30d:cost_outlier']);
    expect(found[0].data).toMatchObject({ median: 10, days_analyzed: 9, outlier_days: [{ date: '2024-01-09', value: 40 }] });
  });

  it('flags a latency day, using only days with executions', () => {
    const d = days([10, 10, 10, 10, 10, 10, 10, 10]).map((b, i) => ({ ...b, avg_duration_ms: [900, 1000, 1100, 950, 1050, 1000, 980, 5000][i] }));
    const found = detectAnomalies(scope({ days: d }), T, ctx());
    expect(found.map((i) => i.id)).toEqual(['anomaly:org:30d:latency_outlier']);
  });

  it('ignores quiet days (weekends) and needs 7 active days', () => {
    const weekdays = days([10, 11, 0, 0, 9, 10, 12, 11, 10, 0, 0, 9]).map((b) => (b.cost_usd === 0 ? { ...b, executions: 0, avg_duration_ms: null } : b));
    expect(detectAnomalies(scope({ days: weekdays }), T, ctx())).toEqual([]);
    const sixDays = days([10, 9, 11, 10, 10, 50]);
    expect(detectAnomalies(scope({ days: sixDays }), T, ctx())).toEqual([]);
    const sevenDays = days([10, 9, 11, 10, 10, 12, 50]);
    expect(detectAnomalies(scope({ days: sevenDays }), T, ctx())).toHaveLength(1);
  });

  it('needs 20 executions in the window', () => {
    const s = scope({ current: win({ executions: 19, p95_duration_ms: 9000 }), days: days([10, 9, 11, 8, 12, 10, 11, 10, 40]) });
    expect(detectAnomalies(s, T, ctx())).toEqual([]);
  });
});
