import { describe, expect, it } from 'vitest';
import { ReportResponse, SummaryResponse } from '@/lib/schemas/insights';
import { buildReport, buildSummary } from './build';
import { EMPTY_WINDOW, days, input, model, scope, win } from '@/tests/support/insight-fixtures';
import { aggregate, simulate } from '@/tests/support/simulation';

const noData = input({ scope: scope({ current: EMPTY_WINDOW, previous: EMPTY_WINDOW }), hour_counts: Array(24).fill(0) });

describe('buildSummary', () => {
  it('no data: zero counts, null tops and null changes, valid against the schema', () => {
    const s = SummaryResponse.parse(buildSummary(noData));
    expect(s).toMatchObject({
      total_insights: 0, critical_count: 0, warning_count: 0, info_count: 0,
      top_cost_insight: null, top_performance_insight: null, top_reliability_insight: null,
      estimated_savings: 0, cost_change_percent: 0, performance_change_percent: null, reliability_change_percent: null,
    });
  });

  it('counts by severity and picks the most severe insight of each group', () => {
    const s = buildSummary(input({
      scope: scope({
        previous: win({ cost_usd: 10, avg_duration_ms: 1000, executions: 100, failures: 0 }),
        current: win({ cost_usd: 16, avg_duration_ms: 1400, executions: 100, failures: 30, failed_cost_usd: 4.8 }),
      }),
    }));
    // cost_spike 60% (warning), failed-runs cost 30% (info), degradation 40% (warning),
    // failure_pattern 30% (critical) with the −30-point success-rate drop folded into it
    expect(s).toMatchObject({ total_insights: 4, critical_count: 1, warning_count: 2, info_count: 1 });
    expect(s.top_cost_insight?.type).toBe('cost_spike'); // warning beats the info optimisation
    expect(s.top_performance_insight?.type).toBe('performance_degradation');
    expect(s.top_reliability_insight?.type).toBe('failure_pattern');
    expect(s).toMatchObject({ cost_change_percent: 60, performance_change_percent: 40, reliability_change_percent: -30, estimated_savings: 4.8 });
  });
});

describe('buildReport', () => {
  it('no data: a complete, finite report', () => {
    const r = ReportResponse.parse(buildReport(noData));
    expect(JSON.stringify(r)).not.toMatch(/NaN|Infinity/);
    expect(r.cost_forecast).toMatchObject({ projected_daily: 0, confidence: 0 });
    expect(r.reliability_metrics).toMatchObject({ failure_rate: null, mttr_minutes: null });
    expect(r.period).toEqual({ start: '2024-01-01T12:00:00.000Z', end: '2024-01-31T12:00:00.000Z', days: 30 });
  });

  it('realistic data parses against the schema and adds up', () => {
    const inp = aggregate(simulate({ seed: 11, days: 30, pipelines: ['a', 'b'], runsPerDay: 30 }), 30, {
      models: [
        model({ model: 'gpt-4o', calls: 400, cost_usd: 6, input_tokens: 2e6, output_tokens: 1e5, avg_latency_ms: 900, successes: 390, failures: 10 }),
        model({ provider: 'acme', model: 'mystery', calls: 5, unpriced_calls: 5, input_tokens: 100, avg_latency_ms: null, successes: 0, failures: 0 }),
      ],
      stages: [
        { stage_id: 'fetch', avg_ms: 100, p95_ms: 300, executions: 900 },
        { stage_id: 'generate', avg_ms: 2500, p95_ms: 5000, executions: 900 },
      ],
      recovery: { streaks: 4, total_minutes: 50 },
    });
    const r = ReportResponse.parse(buildReport(inp));
    expect(r.performance_metrics.slowest_stages.map((s) => s.stage_id)).toEqual(['generate', 'fetch']);
    expect(r.cost_breakdown.by_pipeline.reduce((a, p) => a + p.share, 0)).toBeCloseTo(1, 3);
    expect(r.cost_breakdown.by_provider).toEqual([
      { provider: 'openai', cost_usd: 6, calls: 400, share: 1 },
      { provider: 'acme', cost_usd: 0, calls: 5, share: 0 },
    ]);
    expect(r.model_efficiency[0]).toEqual({
      provider: 'openai', model: 'gpt-4o', avg_latency_ms: 900, cost_per_1k_tokens: 0.002857, success_rate: 0.975, usage_count: 400, unpriced_calls: 0,
    }); // 6 ÷ 2,100,000 × 1000
    expect(r.model_efficiency[1]).toMatchObject({ cost_per_1k_tokens: null, success_rate: null, avg_latency_ms: null });
    expect(r.reliability_metrics.mttr_minutes).toBe(12.5);
    expect(r.reliability_metrics.by_pipeline.map((p) => p.pipeline_id).sort()).toEqual(['a', 'b']);
    expect(r.insights.map((i) => i.type)).toContain('unpriced_model');
    expect(r.total_potential_savings).toBe(r.optimization_opportunities.reduce((a, o) => Math.round((a + o.potential_savings) * 1e6) / 1e6, 0));
  });

  it('honours include_recommendations and include_forecasts', () => {
    const inp = input({ scope: scope({ current: win({ failures: 40, failed_cost_usd: 4 }) }) });
    const r = buildReport(inp, { includeRecommendations: false, includeForecasts: false });
    expect(r.cost_forecast).toBeNull();
    expect(r.insights.length).toBeGreaterThan(0);
    expect(r.insights.every((i) => i.recommendations.length === 0)).toBe(true);
    expect(buildReport(inp).insights.every((i) => i.recommendations.length > 0)).toBe(true);
  });

  it('forecasts from complete days only (today, in progress, is left out)', () => {
    // A 3-day rolling window from Jan 1 12:00 to Jan 4 12:00 touches Jan 1–4: Jan 1 is partial
    // ($9 from half a day) and Jan 4 is today; only Jan 2 and 3 ($1, $2) are fitted.
    const inp = input({ days: 3, now: '2024-01-04T12:00:00.000Z', scope: scope({ days: days([9, 1, 2, 0.5]) }) });
    expect(buildReport(inp).cost_forecast).toMatchObject({ days_used: 2, method: 'daily_average', current_daily_avg: 1.5 });
  });
});
