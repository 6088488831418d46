import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb, getPrisma } from '@/lib/db/client';
import { load, run } from '@/tests/support/query-data';
import { InsightsListResponse, PipelinesResponse, ReportResponse, SummaryResponse, TimeseriesResponse } from '@/lib/schemas/insights';
import { newOrg } from '@/tests/helpers';
import { getInsightsService } from './insights';

// The whole path on a real database: SQL aggregates → engine → response schemas.
// Pipeline "spiky": 20 runs at $1 in the previous 7 days, 20 at $2.50 in the current 7 (+150%, critical).
// Pipeline "calm": 20 + 20 runs at $1 (no finding); its oldest current run fails, the next one
// (an hour later, lasting 500 ms) recovers: MTTR = 60 min + 500 ms. Organisation: $40 → $70 (+75%, warning).
const NOW = new Date('2026-02-20T12:00:00.000Z');
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000).toISOString();
const svc = getInsightsService();

describe('getInsightsService on a real database', () => {
  let org: string;
  beforeAll(async () => {
    org = (await newOrg('svc')).id;
    const items = [];
    for (let i = 0; i < 20; i++) {
      items.push(run('spiky', 'success', hoursAgo(200 + i), 1000, { cost_usd: 1 }));
      items.push(run('spiky', 'success', hoursAgo(20 + i), 1000, { cost_usd: 2.5 }));
      items.push(run('calm', 'success', hoursAgo(210 + i), 500, { cost_usd: 1 }));
      items.push(run('calm', i === 19 ? 'failed' : 'success', hoursAgo(30 + i), 500, { cost_usd: 1 }));
    }
    await load(org, items);
  });
  afterAll(closeDb);

  it('reports the spike organisation-wide and per pipeline, in the contract shape', async () => {
    const report = ReportResponse.parse(await svc.generateReport({ orgId: org, days: 7, now: NOW }));
    const found = report.insights.filter((i) => i.type === 'cost_spike').map((i) => [i.pipeline_id, i.severity, i.data.increase_percent]);
    // spiky explains all of the organisation's +$30: one finding, carrying the organisation's numbers
    expect(found).toEqual([['spiky', 'critical', 150]]);
    expect(report.insights[0].data.organisation).toMatchObject({ increase_percent: 75, share_of_change: 1 });
    expect(report.period).toEqual({ start: '2026-02-13T12:00:00.000Z', end: NOW.toISOString(), days: 7 });
    expect(report.cost_breakdown.by_pipeline.map((p) => [p.pipeline_id, p.cost_usd])).toEqual([['spiky', 50], ['calm', 20]]);
    expect(report.reliability_metrics).toMatchObject({ total_failures: 1, failure_rate: 0.025, by_error_type: { other: 1 }, mttr_minutes: 60.01 }); // 60.0083, rounded to 2 decimals
    expect(report.cost_forecast).not.toBeNull();
    const noExtras = await svc.generateReport({ orgId: org, days: 7, now: NOW, includeForecasts: false, includeRecommendations: false });
    expect(noExtras.cost_forecast).toBeNull();
    expect(noExtras.insights.every((i) => i.recommendations.length === 0)).toBe(true);
  });

  it('scopes data and insights to one pipeline', async () => {
    const s = SummaryResponse.parse(await svc.getSummary({ orgId: org, days: 7, pipelineId: 'calm', now: NOW }));
    expect(s).toMatchObject({ pipeline_id: 'calm', critical_count: 0, warning_count: 0, cost_change_percent: 0 });
    const spiky = await svc.listInsights({ orgId: org, days: 7, pipelineId: 'spiky', now: NOW, severity: ['critical'] });
    expect(InsightsListResponse.parse(spiky).insights.map((i) => i.id)).toEqual(['cost_spike:pipeline=spiky:7d']);
    const unknown = await svc.generateReport({ orgId: org, days: 7, pipelineId: 'nope', now: NOW });
    expect(unknown.insights).toEqual([]);
    expect(unknown.cost_breakdown.by_pipeline).toEqual([]);
    expect(unknown.performance_metrics.avg_duration_ms).toBeNull();
  });

  it('filters the list by category and severity', async () => {
    const all = await svc.listInsights({ orgId: org, days: 7, now: NOW });
    expect(all.insights.map((i) => i.id)).toEqual(['cost_spike:pipeline=spiky:7d']);
    expect((await svc.listInsights({ orgId: org, days: 7, now: NOW, category: ['cost', 'usage'] })).total).toBe(1);
    expect(await svc.listInsights({ orgId: org, days: 7, now: NOW, category: ['performance'] })).toEqual({ insights: [], total: 0 });
    const warn = await svc.listInsights({ orgId: org, days: 7, now: NOW, severity: ['warning'] });
    expect(warn.insights).toEqual([]);
    const critical = await svc.listInsights({ orgId: org, days: 7, now: NOW, severity: ['critical', 'info'] });
    expect(critical.insights.map((i) => i.id)).toEqual(['cost_spike:pipeline=spiky:7d']);
  });

  it('fills every day and hour of the timeseries in the organisation time zone', async () => {
    const day = TimeseriesResponse.parse(await svc.getTimeseries({ orgId: org, days: 3, now: NOW }));
    expect(day.buckets.map((b) => b.date)).toEqual(['2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']);
    expect(day.buckets[0]).toEqual({ date: '2026-02-17', executions: 0, failures: 0, cost_usd: 0, avg_duration_ms: null, p50_duration_ms: null, p95_duration_ms: null, p99_duration_ms: null });
    expect(day.buckets.reduce((a, b) => a + b.executions, 0)).toBe(40);
    await getPrisma().orgSettings.update({ where: { orgId: org }, data: { timeZone: 'America/New_York' } });
    const hour = await svc.getTimeseries({ orgId: org, days: 1, granularity: 'hour', pipelineId: 'spiky', now: NOW });
    expect(hour).toMatchObject({ time_zone: 'America/New_York', pipeline_id: 'spiky', granularity: 'hour' });
    expect(hour.buckets).toHaveLength(24); // 07:00 local yesterday … 06:00 local today
    expect(hour.buckets[0].date).toBe('2026-02-19T07:00');
    expect(hour.buckets.at(-1)).toMatchObject({ date: '2026-02-20T06:00', executions: 0, avg_duration_ms: null });
    expect(hour.buckets.reduce((a, b) => a + b.executions, 0)).toBe(5); // 20–24 hours ago
  });

  it('lists pipelines with their execution counts', async () => {
    const p = PipelinesResponse.parse(await svc.listPipelines(org));
    expect(p.pipelines.map((x) => [x.pipeline_id, x.executions])).toEqual([['calm', 40], ['spiky', 40]]);
    expect(p.total).toBe(2);
  });

  it('answers an organisation without data with zeros and nulls', async () => {
    const empty = (await newOrg('svc-empty')).id;
    const s = SummaryResponse.parse(await svc.getSummary({ orgId: empty, days: 30 }));
    expect(s).toMatchObject({ total_insights: 0, cost_change_percent: 0, performance_change_percent: null, estimated_savings: 0 });
    const r = ReportResponse.parse(await svc.generateReport({ orgId: empty, days: 30 }));
    expect(r.reliability_metrics).toMatchObject({ failure_rate: null, mttr_minutes: null, total_failures: 0 });
    expect((await svc.listPipelines(empty)).pipelines).toEqual([]);
  });
});
