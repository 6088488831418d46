import { expect, test, type APIRequestContext } from '@playwright/test';
import { dataOf } from '@/tests/support/insight-data';
import { InsightsListResponse, SummaryResponse, type Insight } from '@/lib/schemas/insights';
import { demoKey } from '../support';
import { apiContext, getJson } from './analytics-support';

// The demo organisation (loaded by npm start) has three planted incidents in the last 7 days
// (lib/demo/planted.ts): doc-summarizer switched to a ~19× pricier model, invoice-extraction fails
// 35% of its runs, rag-answer's generation is 2.1× slower. They must surface with the right
// types and severities, and nothing else may be warning or critical: the organisation-wide cost
// spike that doc-summarizer explains and invoice-extraction's success-rate drop are folded into
// the pipelines' findings (lib/insights/fold.ts), so each incident is reported — and alerted — once.

let api: APIRequestContext;
test.beforeAll(async () => {
  api = await apiContext();
});
test.afterAll(async () => api.dispose());


async function list(days: number): Promise<Insight[]> {
  const { status, body } = await getJson(api, demoKey(), `/api/v1/analytics/insights?days=${days}`);
  expect(status).toBe(200);
  return InsightsListResponse.parse(body).insights;
}

const loud = (insights: Insight[]) => insights.filter((i) => i.severity !== 'info').map((i) => `${i.severity} ${i.id}`).sort();

const pick = (insights: Insight[], type: string, pipeline: string) => insights.find((i) => i.type === type && i.pipeline_id === pipeline);

test('days=7: the planted spike, failure burst and slowdown, and nothing else loud', async () => {
  const insights = await list(7);
  expect(pick(insights, 'cost_spike', 'doc-summarizer')?.severity).toBe('critical');
  expect(pick(insights, 'failure_pattern', 'invoice-extraction')?.severity).toBe('critical');
  expect(pick(insights, 'performance_degradation', 'rag-answer')?.severity).toBe('warning');
  expect(loud(insights)).toEqual([
    'critical cost_spike:pipeline=doc-summarizer:7d',
    'critical failure_pattern:pipeline=invoice-extraction:7d',
    'warning performance_degradation:pipeline=rag-answer:7d',
  ]);
  // the folded organisation-wide numbers travel with the pipeline's finding
  expect(dataOf(pick(insights, 'cost_spike', 'doc-summarizer'), 'cost_spike').organisation).toMatchObject({ share_of_change: expect.any(Number) });
  // Organisation-wide, p95/p50 measures the mix of fast and slow pipelines: not reported.
  expect(insights.map((i) => i.id)).not.toContain('anomaly:org:7d:latency_spread');
  const summary = SummaryResponse.parse((await getJson(api, demoKey(), '/api/v1/analytics/insights/summary?days=7')).body);
  expect(summary.critical_count).toBe(insights.filter((i) => i.severity === 'critical').length);
  expect(summary.top_cost_insight?.type).toBe('cost_spike');
  expect(summary.top_reliability_insight).toMatchObject({ type: 'failure_pattern', pipeline_id: 'invoice-extraction' });
});

test('days=30: the spike and the burst still show, diluted; nothing else is loud', async () => {
  const insights = await list(30);
  expect(pick(insights, 'cost_spike', 'doc-summarizer')?.severity).toBe('critical');
  const burst = insights.filter((i) => i.pipeline_id === 'invoice-extraction' && i.category === 'reliability' && i.severity !== 'info');
  expect(burst).toHaveLength(1);
  expect(loud(insights).filter((l) => !l.includes('pipeline=doc-summarizer') && !l.includes('pipeline=invoice-extraction'))).toEqual([]);
});

test('a pipeline filter shows only that pipeline: rag-answer has its slowdown and no cost alarm', async () => {
  const { body } = await getJson(api, demoKey(), '/api/v1/analytics/insights?days=7&pipeline_id=rag-answer&severity=critical,warning');
  const insights = InsightsListResponse.parse(body).insights;
  expect(insights.map((i) => i.type)).toEqual(['performance_degradation']);
  const slow = dataOf(insights[0], 'performance_degradation');
  expect(slow.current_avg_ms).toBeGreaterThan(1.3 * slow.previous_avg_ms);
});
