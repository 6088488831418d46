import { expect, test, type APIRequestContext } from '@playwright/test';
import { InsightsListResponse, SummaryResponse } from '@/lib/schemas/insights';
import { newOrgWithKey } from '../support';
import { apiContext, getJson, ingest, run, type Run } from './analytics-support';

// A steady organisation with realistic noise must raise nothing above info: four weeks of three
// pipelines with ±25% daily volume and quieter weekends, log-normal durations, token counts that vary per run (priced
// by the catalog), 1–3% failures with mixed error types, a few cancellations, and more traffic in
// working hours. Seeded, so the run is the same every time.

let api: APIRequestContext;
let key: string;

function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIPELINES = [
  { id: 'chat', perDay: 60, medianMs: 1800, model: 'gpt-4o-mini', tokensIn: 1500, tokensOut: 300, failure: 0.02 },
  { id: 'summaries', perDay: 25, medianMs: 9000, model: 'gpt-4o', tokensIn: 6000, tokensOut: 800, failure: 0.03 },
  { id: 'tagging', perDay: 40, medianMs: 400, model: 'gpt-4o-mini', tokensIn: 400, tokensOut: 20, failure: 0.01 },
];

function steadyRuns(): Run[] {
  const rnd = prng(20261128);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
  const out: Run[] = [];
  for (const p of PIPELINES) {
    for (let day = 0; day < 28; day++) {
      const weekday = new Date(Date.now() - day * 86_400_000).getUTCDay();
      const weekend = weekday === 0 || weekday === 6 ? 0.5 : 1;
      const n = Math.round(p.perDay * weekend * (0.75 + 0.5 * rnd()));
      for (let i = 0; i < n; i++) {
        // Working hours are busier: 2 of 3 runs between 08:00 and 18:00.
        const hourOfDay = rnd() < 2 / 3 ? 8 + 10 * rnd() : 24 * rnd();
        const hoursAgo = day * 24 + hourOfDay + 1;
        const u = rnd();
        const status = u < p.failure ? 'failed' : u < p.failure + 0.005 ? 'cancelled' : 'success';
        const ms = Math.round(p.medianMs * Math.exp(0.3 * normal()));
        const tokens = (t: number) => Math.max(1, Math.round(t * Math.exp(0.25 * normal())));
        out.push(run(p.id, hoursAgo, {
          status, duration_ms: ms, cost_usd: undefined,
          ...(status === 'failed' ? { error_type: ['timeout', 'rate_limit', 'api_error'][Math.floor(rnd() * 3)] } : {}),
          stages: [{ stage_id: `${p.id}-llm`, provider: 'openai', model: p.model, duration_ms: Math.round(ms * 0.9), input_tokens: tokens(p.tokensIn), output_tokens: tokens(p.tokensOut), status: status === 'failed' ? 'failed' : 'success' }],
        }));
      }
    }
  }
  return out;
}

test.beforeAll(async () => {
  test.setTimeout(240_000); // the CLI (a tsx process per call) is slow on a busy machine
  ({ key } = newOrgWithKey('read,ingest'));
  api = await apiContext();
  await ingest(api, key, steadyRuns());
});
test.afterAll(async () => api.dispose());

for (const days of [7, 14]) {
  test(`a steady organisation raises no warning or critical insight (days=${days})`, async () => {
    const summary = SummaryResponse.parse((await getJson(api, key, `/api/v1/analytics/insights/summary?days=${days}`)).body);
    const loud = InsightsListResponse.parse((await getJson(api, key, `/api/v1/analytics/insights?days=${days}&severity=critical,warning`)).body);
    expect(loud.insights.map((i) => `${i.severity} ${i.id}: ${i.title}`)).toEqual([]);
    expect(summary).toMatchObject({ critical_count: 0, warning_count: 0 });
    // …and not because the data is missing: both windows are full and compared.
    expect(summary.cost_change_percent).not.toBeNull();
    expect(Math.abs(summary.cost_change_percent!)).toBeLessThan(20);
    expect(Math.abs(summary.performance_change_percent!)).toBeLessThan(10);
  });
}
