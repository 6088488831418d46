import { expect, test, type APIRequestContext } from '@playwright/test';
import {
  InsightsListResponse, PipelinesResponse, ReportResponse, SummaryResponse, TimeseriesResponse,
} from '@/lib/schemas/insights';
import { bearer, newOrgWithKey } from '../support';
import { apiContext, getJson, ingest, runs, type Run } from './analytics-support';

// The analytics endpoints' contract over real HTTP: the seed's example keys with their types,
// the zod response schemas, filters, 400s naming the parameter, 401/403, and tenant isolation.
// Organisation A: "support-bot" costs 2.4× more than the week before (critical cost spike) and
// "summarizer" fails 30% of its runs (critical failure pattern). Organisation B has its own pipeline.

let api: APIRequestContext;
let a: string;
let b: string;
let readOnlyIngest: string;

const answer = (cost: number, ms: number) => [
  { stage_id: 'retrieve', stage_type: 'retrieval', duration_ms: Math.round(ms * 0.2) },
  { stage_id: 'answer', provider: 'openai', model: 'gpt-4o', duration_ms: Math.round(ms * 0.7), input_tokens: 2000, output_tokens: 300, cost_usd: cost },
];
const dataA: Run[] = [
  ...runs('support-bot', 30, 176, 320, (i) => ({ cost_usd: 0.05, duration_ms: 900 + i * 10, stages: answer(0.05, 900) })),
  ...runs('support-bot', 30, 2, 150, (i) => ({ cost_usd: 0.12, duration_ms: 950 + i * 10, stages: answer(0.12, 950) })),
  ...runs('summarizer', 30, 176, 320, () => ({ cost_usd: 0.02, duration_ms: 4000 })),
  ...runs('summarizer', 30, 2, 150, (i) => ({
    cost_usd: 0.02, duration_ms: 4000 + i * 50,
    ...(i % 10 < 3 ? { status: 'failed' as const, error_type: i % 2 ? 'timeout' : 'api_error' } : {}),
  })),
];

test.beforeAll(async () => {
  test.setTimeout(240_000); // the CLI (a tsx process per call) is slow on a busy machine
  api = await apiContext();
  a = newOrgWithKey('read,ingest').key;
  b = newOrgWithKey('read,ingest').key;
  readOnlyIngest = newOrgWithKey('ingest').key;
  await ingest(api, a, dataA);
  await ingest(api, b, runs('org-b-secret', 25, 2, 150, () => ({ cost_usd: 1 })));
});
test.afterAll(async () => api.dispose());

/** Every key of `example` is in `actual` with the same JSON type (recursively, first array item). */
function expectShape(actual: unknown, example: unknown, path = '$') {
  const kind = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
  expect(kind(actual), path).toBe(kind(example));
  if (kind(example) === 'array') {
    expect((actual as unknown[]).length, `${path} is empty`).toBeGreaterThan(0);
    expectShape((actual as unknown[])[0], (example as unknown[])[0], `${path}[0]`);
  } else if (kind(example) === 'object') {
    for (const [k, v] of Object.entries(example as object)) expectShape((actual as Record<string, unknown>)[k], v, `${path}.${k}`);
  }
}

test("summary: the seed's example keys with their types, and the schema", async () => {
  const { status, body } = await getJson(api, a, '/api/v1/analytics/insights/summary?days=7');
  expect(status).toBe(200);
  const s = SummaryResponse.parse(body);
  expectShape(s, {
    generated_at: '', total_insights: 0, critical_count: 0, warning_count: 0, info_count: 0,
    top_cost_insight: { type: '', severity: '', title: '', description: '' },
    top_reliability_insight: { type: '', severity: '', title: '' },
    estimated_savings: 0, performance_change_percent: 0, reliability_change_percent: 0,
  });
  expect(s).toMatchObject({ period_days: 7, pipeline_id: null, top_cost_insight: { type: 'cost_spike', severity: 'critical' }, top_reliability_insight: { type: 'failure_pattern', severity: 'critical' } });
  expect(s.total_insights).toBe(s.critical_count + s.warning_count + s.info_count);
});

test("report: the seed's example keys with their types, and the schema", async () => {
  const { status, body } = await getJson(api, a, '/api/v1/analytics/insights/report?days=7');
  expect(status).toBe(200);
  const r = ReportResponse.parse(body);
  const insight = { type: '', severity: '', title: '', description: '', data: {}, recommendations: [''] };
  const trend = { metric_name: '', current_value: 0, previous_value: 0, change_percent: 0, direction: '', is_significant: true };
  expectShape(r, {
    insights: [insight],
    cost_trend: trend, performance_trend: trend, reliability_trend: trend, volume_trend: trend,
    performance_metrics: { avg_duration_ms: 0, p50_duration_ms: 0, p95_duration_ms: 0, p99_duration_ms: 0, slowest_stages: [{ stage_id: '', avg_ms: 0 }] },
    cost_forecast: { current_daily_avg: 0, projected_daily: 0, projected_weekly: 0, projected_monthly: 0, trend: '', confidence: 0 },
    optimization_opportunities: [{ type: '', description: '', current_cost: 0, potential_savings: 0, savings_percent: 0, difficulty: '' }],
    model_efficiency: [{ provider: '', model: '', avg_latency_ms: 0, cost_per_1k_tokens: 0, success_rate: 0, usage_count: 0 }],
    total_potential_savings: 0,
  });
  expect(r.cost_trend).toMatchObject({ metric_name: 'cost', direction: 'up', previous_value: 2.1, current_value: 4.2, change_percent: 100 });
  expect(r.performance_metrics.slowest_stages[0]).toMatchObject({ stage_id: 'answer', executions: 30 });
  expect(r.reliability_metrics).toMatchObject({ total_failures: 9, by_error_type: { api_error: 6, timeout: 3 } });
  expect(r.optimization_opportunities.map((o) => o.type).sort()).toEqual(['model_downgrade', 'reliability']);
});

test('report flags drop recommendations and the forecast', async () => {
  const r = ReportResponse.parse((await getJson(api, a, '/api/v1/analytics/insights/report?days=7&include_recommendations=false&include_forecasts=false')).body);
  expect(r.insights.length).toBeGreaterThan(0);
  expect(r.insights.every((i) => i.recommendations.length === 0)).toBe(true);
  expect(r.cost_forecast).toBeNull();
});

test('list filters: category, severity (comma lists) and pipeline', async () => {
  const list = async (q: string) => InsightsListResponse.parse((await getJson(api, a, `/api/v1/analytics/insights?days=7&${q}`)).body);
  const all = await list('');
  expect(all.total).toBe(all.insights.length);
  const critical = await list('severity=critical');
  expect(critical.insights.map((i) => `${i.type}:${i.pipeline_id}`).sort()).toEqual(
    all.insights.filter((i) => i.severity === 'critical').map((i) => `${i.type}:${i.pipeline_id}`).sort(),
  );
  expect(critical.insights.map((i) => i.id)).toContain('failure_pattern:pipeline=summarizer:7d');
  const costRel = await list('category=cost,reliability&severity=critical,warning');
  expect(costRel.total).toBeGreaterThan(0);
  expect(costRel.insights.every((i) => ['cost', 'reliability'].includes(i.category) && i.severity !== 'info')).toBe(true);
  const summarizer = await list('pipeline_id=summarizer');
  expect(summarizer.insights.every((i) => i.pipeline_id === 'summarizer')).toBe(true);
  expect(summarizer.insights.map((i) => i.type)).not.toContain('cost_spike');
  expect((await list('pipeline_id=no-such-pipeline')).total).toBe(0);
});

test('timeseries: every day or hour of the window, empty buckets as 0 and null', async () => {
  const day = TimeseriesResponse.parse((await getJson(api, a, '/api/v1/analytics/timeseries?days=7')).body);
  expect(day).toMatchObject({ granularity: 'day', days: 7, time_zone: 'UTC', pipeline_id: null });
  expect(day.buckets).toHaveLength(8); // a rolling 7-day window touches 8 calendar dates
  expect(day.buckets.reduce((n, x) => n + x.executions, 0)).toBe(60);
  const hour = TimeseriesResponse.parse((await getJson(api, a, '/api/v1/analytics/timeseries?days=1&granularity=hour&pipeline_id=summarizer')).body);
  expect(hour.buckets.length).toBeGreaterThanOrEqual(24);
  expect(hour.buckets.length).toBeLessThanOrEqual(25);
  const empty = hour.buckets.find((x) => x.executions === 0)!;
  expect(empty).toMatchObject({ failures: 0, cost_usd: 0, avg_duration_ms: null, p50_duration_ms: null, p95_duration_ms: null, p99_duration_ms: null });
  for (const b of day.buckets.filter((x) => x.executions > 0)) {
    expect(b.p50_duration_ms!).toBeLessThanOrEqual(b.p95_duration_ms!);
    expect(b.p95_duration_ms!).toBeLessThanOrEqual(b.p99_duration_ms!);
  }
});

test('pipelines: with execution counts, busiest first', async () => {
  const p = PipelinesResponse.parse((await getJson(api, a, '/api/v1/pipelines')).body);
  expect(p.pipelines.map((x) => [x.pipeline_id, x.executions])).toEqual([['summarizer', 60], ['support-bot', 60]]);
});

test('invalid parameters → 400 naming the parameter and what is allowed', async () => {
  const cases: [string, string, RegExp][] = [
    ['/api/v1/analytics/insights/summary?days=0', 'days', /1 to 365/],
    ['/api/v1/analytics/insights/report?days=366', 'days', /1 to 365/],
    ['/api/v1/analytics/insights?days=1.5', 'days', /integer/],
    ['/api/v1/analytics/insights?days=abc', 'days', /integer/],
    ['/api/v1/analytics/insights?category=money', 'category', /cost, performance, reliability, usage, optimization/],
    ['/api/v1/analytics/insights?severity=critical,urgent', 'severity', /critical, warning, info/],
    ['/api/v1/analytics/timeseries?granularity=week', 'granularity', /hour, day/],
    ['/api/v1/analytics/timeseries?granularity=hour&days=365', 'granularity', /at most days=31/],
    ['/api/v1/analytics/insights/report?include_forecasts=yes', 'include_forecasts', /true or false/],
    ['/api/v1/analytics/insights/summary?pipeline_id=', 'pipeline_id', /1–128/],
  ];
  for (const [path, param, allowed] of cases) {
    const { status, body } = await getJson(api, a, path);
    expect(status, path).toBe(400);
    const error = (body as { error: { code: string; message: string } }).error;
    expect(error.code, path).toBe('invalid_request');
    expect(error.message, path).toContain(`"${param}"`);
    expect(error.message, path).toMatch(allowed);
  }
});

test('401 without a valid key, 403 without the read scope', async () => {
  for (const path of ['/api/v1/analytics/insights/summary', '/api/v1/analytics/insights/report', '/api/v1/analytics/insights', '/api/v1/analytics/timeseries', '/api/v1/pipelines']) {
    expect((await api.get(path)).status(), path).toBe(401);
    expect((await api.get(path, { headers: bearer('fm_not-a-key') })).status(), path).toBe(401);
    const forbidden = await api.get(path, { headers: bearer(readOnlyIngest) });
    expect(forbidden.status(), path).toBe(403);
    expect((await forbidden.json()).error.code).toBe('forbidden');
  }
});

test("tenants are isolated: B never sees A's pipelines, by name or by filter", async () => {
  const pipelines = PipelinesResponse.parse((await getJson(api, b, '/api/v1/pipelines')).body);
  expect(pipelines.pipelines.map((p) => p.pipeline_id)).toEqual(['org-b-secret']);
  const filtered = InsightsListResponse.parse((await getJson(api, b, '/api/v1/analytics/insights?days=7&pipeline_id=summarizer')).body);
  expect(filtered).toEqual({ insights: [], total: 0 });
  const report = ReportResponse.parse((await getJson(api, b, '/api/v1/analytics/insights/report?days=7')).body);
  expect(report.cost_breakdown.by_pipeline.map((p) => p.pipeline_id)).toEqual(['org-b-secret']);
  expect(JSON.stringify(report)).not.toMatch(/summarizer|support-bot/);
  const series = TimeseriesResponse.parse((await getJson(api, b, '/api/v1/analytics/timeseries?days=7&pipeline_id=support-bot')).body);
  expect(series.buckets.every((x) => x.executions === 0)).toBe(true);
  const aSummary = SummaryResponse.parse((await getJson(api, a, '/api/v1/analytics/insights/summary?days=7&pipeline_id=org-b-secret')).body);
  expect(aSummary.total_insights).toBe(0);
});
