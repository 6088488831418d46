import { expect, test, type APIRequestContext } from '@playwright/test';
import { DEMO_DEFAULTS } from '@/lib/demo';
import { expectedDailySpend } from '@/lib/demo/expected-spend';
import type { DemoExecution } from '@/lib/demo';
import { normalizeExecution } from '@/lib/ingest/normalize';
import { makePriceResolver } from '@/lib/ingest/prices';
import { ReportResponse } from '@/lib/schemas/insights';
import { ExecutionInput } from '@/lib/schemas/ingest';
import { demoKey, newOrgWithKey } from '../support';
import { apiContext, getJson, ingest, type Run } from './analytics-support';

// Issue 13 over real HTTP: the demo's forecast against what the demo generator itself expects,
// and the statistics on complete days at local noon (both windows then start and end mid-day).

let api: APIRequestContext;
test.beforeAll(async () => {
  api = await apiContext();
});
test.afterAll(async () => api.dispose());

const HOUR = 3_600_000;

test("demo: the 30-day forecast is within 15% of the generator's expectation, inside the 80% band", async () => {
  const { status, body } = await getJson(api, demoKey(), '/api/v1/analytics/insights/report?days=7');
  expect(status).toBe(200);
  const f = ReportResponse.parse(body).cost_forecast!;
  expect(f.method).not.toBe('none');
  expect(f.days_used).toBeGreaterThanOrEqual(58);
  // Priced the way ingest prices (the catalog), from today's (UTC) midnight like the forecast.
  const resolver = makePriceResolver(new Map());
  const price = (e: DemoExecution) => normalizeExecution(ExecutionInput.parse(e), resolver).costUsd;
  const now = new Date();
  const from = new Date(Date.parse(`${f.daily[0].date}T00:00:00Z`));
  // The app loads DEMO_TOTAL executions (scripts/setup-demo.ts, default 20,000) over 60 days.
  const total = Number(process.env.DEMO_TOTAL ?? 20_000);
  const expected = expectedDailySpend({ now, days: DEMO_DEFAULTS.days, total, from, horizonDays: 30, price }).reduce((a, b) => a + b, 0);
  expect(Math.abs(f.projected_monthly - expected) / expected).toBeLessThan(0.15);
  expect(f.interval_80.monthly.lower).toBeLessThanOrEqual(expected);
  expect(f.interval_80.monthly.upper).toBeGreaterThanOrEqual(expected);
  // days=1 and days=30 give the same forecast
  const other = ReportResponse.parse((await getJson(api, demoKey(), '/api/v1/analytics/insights/report?days=1')).body).cost_forecast;
  expect(other).toEqual(f);
});

/** `perHour` runs in every hour of [fromH, toH) hours ago, each costing `cost`. */
function hourly(pipeline: string, fromH: number, toH: number, perHour: number, cost: number): Run[] {
  const out: Run[] = [];
  const now = Date.now();
  for (let h = fromH; h < toH; h++) {
    for (let k = 0; k < perHour; k++) {
      const at = now - (h + (k + 0.5) / perHour) * HOUR;
      out.push({ id: `${pipeline}-${h}-${k}`, pipeline_id: pipeline, status: 'success', started_at: new Date(at).toISOString(), duration_ms: 1000, cost_usd: cost });
    }
  }
  return out;
}

// The organisation stays in UTC: at any time but exactly midnight both windows start and end
// mid-day, with the partial days the old tests read (at 12:00 they are exactly half days; the
// engine test lib/insights/change-tests.test.ts pins that case with an injected clock).
test('mid-day: a noiseless +30% cost rise is significant with days=7, a doubling with days=1', async () => {
  test.setTimeout(240_000);
  const { key } = newOrgWithKey('read,ingest');
  await ingest(api, key, [
    // days=7: the previous week at $0.10 a run, the current week at $0.13 (one run an hour)
    ...hourly('rise-30', 0, 7 * 24, 1, 0.13), ...hourly('rise-30', 7 * 24, 14 * 24, 1, 0.1),
    // days=1: yesterday's 24 h at $0.10 a run, the last 24 h at $0.20 (four runs an hour)
    ...hourly('double', 0, 24, 4, 0.2), ...hourly('double', 24, 48, 4, 0.1),
  ]);
  const trend = async (pipeline: string, days: number) => {
    const { status, body } = await getJson(api, key, `/api/v1/analytics/insights/report?days=${days}&pipeline_id=${pipeline}`);
    expect(status).toBe(200);
    return ReportResponse.parse(body).cost_trend;
  };
  const rise = await trend('rise-30', 7);
  expect(rise).toMatchObject({ change_percent: expect.closeTo(30, 0), is_significant: true, test: 'welch_t_test_daily_cost' });
  expect(rise.p_value).toBeLessThan(0.05);
  const double = await trend('double', 1);
  expect(double).toMatchObject({ change_percent: expect.closeTo(100, 0), is_significant: true, test: 'compound_poisson_execution_cost' });
  expect(double.p_value).toBeLessThan(0.05);
  // The finding and the trend agree: the same test, the same p-value, in the cost_spike's data.
  const { body } = await getJson(api, key, '/api/v1/analytics/insights?days=1&pipeline_id=double');
  const spike = (body as { insights: { type: string; data: Record<string, unknown> }[] }).insights.find((i) => i.type === 'cost_spike');
  expect(spike?.data).toMatchObject({ test: 'compound_poisson_execution_cost', p_value: double.p_value });
});
