import { expect, test, type APIRequestContext } from '@playwright/test';
import { dataOf } from '@/tests/support/insight-data';
import { InsightsListResponse, type Insight } from '@/lib/schemas/insights';
import { newOrgWithKey } from '../support';
import { apiContext, getJson, ingest, runAt, runs, type Run } from './analytics-support';

// Performance, anomaly, reliability and usage detectors through the real API, one pipeline per
// scenario, at and just below each threshold. Previous window: 176–320 hours ago; current: 2–150.

let api: APIRequestContext;
let key: string;

const prev = (name: string, n: number, over: (i: number) => Partial<Run> = () => ({})) => runs(name, n, 176, 320, over);
const cur = (name: string, n: number, over: (i: number) => Partial<Run> = () => ({})) => runs(name, n, 2, 150, over);
const speed = (name: string, ms: number) => [...prev(name, 20), ...cur(name, 20, () => ({ duration_ms: ms }))];
/**
 * 18 runs of 100 ms and 2 of `slow` ms: p50 = 100, p95 (rank 18.05 of 0–19) = slow. Percentiles
 * come from the rollups' 1% duration histograms, so the ratio is known to about ±2%: the scenarios
 * sit at 3.1 and 2.9, just outside that band, rather than at 3.01 and 3.
 */
const spread = (name: string, slow: number) => cur(name, 20, (i) => ({ duration_ms: i % 10 === 9 ? slow : 100 }));
/**
 * 11 days × 20 runs at $0.05 ($1 a day), except 5 days ago at `high` per run (days=14 window).
 * 20 runs a day: an anomaly day needs min_executions runs on that day (issue 13).
 */
const daily = (name: string, high: number) =>
  Array.from({ length: 11 }, (_, d) => d + 2).flatMap((daysAgo) =>
    Array.from({ length: 20 }, (_, h) => runAt(name, daysAgo, h + 2, { cost_usd: daysAgo === 5 ? high : 0.05 })),
  );
const failing = (name: string, ok: number, failed: number, over: (i: number) => Partial<Run> = () => ({})) =>
  cur(name, ok + failed, (i) => (i < failed ? { status: 'failed', ...over(i) } : {}));
/** Runs at the given counts per UTC hour of the day, over the last 5 days. */
const hours = (name: string, counts: Record<number, number>) =>
  Object.entries(counts).flatMap(([h, n]) => Array.from({ length: n }, (_, i) => runAt(name, (i % 5) + 1, Number(h))));
const spreadHours = (skip: number[], each: number) => Object.fromEntries(Array.from({ length: 24 }, (_, h) => h).filter((h) => !skip.includes(h)).map((h) => [h, each]));

let loaded: Run[] = [];

test.beforeAll(async () => {
  test.setTimeout(240_000); // the CLI (a tsx process per call) is slow on a busy machine
  ({ key } = newOrgWithKey('read,ingest'));
  api = await apiContext();
  loaded = [
    ...speed('slow-30', 1300), ...speed('slow-29.9', 1299), ...speed('fast-30', 700), ...speed('fast-29.9', 701),
    ...spread('spread-3.1', 310), ...spread('spread-2.9', 290),
    ...daily('day-3x', 0.15), ...daily('day-1.49x', 0.0745),
    ...failing('fail-10', 18, 2), ...cur('fail-10', 5, () => ({ status: 'cancelled' })),
    ...failing('fail-9.9', 91, 10),
    ...failing('fail-25', 15, 5, (i) => ({ error_type: i < 3 ? 'api_error' : 'timeout' })),
    ...failing('fail-24.9', 751, 249),
    ...prev('rel-8pt', 200), ...failing('rel-8pt', 184, 16),
    ...prev('rel-4pt', 200), ...failing('rel-4pt', 192, 8),
    ...prev('rel-noise', 20), ...failing('rel-noise', 19, 1),
    ...prev('surge-50', 20), ...cur('surge-50', 30), ...prev('surge-45', 20), ...cur('surge-45', 29),
    ...prev('drop-50', 40), ...cur('drop-50', 20), ...prev('drop-47.5', 40), ...cur('drop-47.5', 21),
    ...hours('peak-40', { 9: 14, 10: 13, 11: 13, ...spreadHours([9, 10, 11, 23], 3) }), // 40 + 20 × 3
    ...hours('peak-39', { 9: 13, 10: 13, 11: 13, 23: 1, ...spreadHours([9, 10, 11, 23], 3) }), // 39 + 1 + 20 × 3
  ];
  await ingest(api, key, loaded);
});
test.afterAll(async () => api.dispose());

test('every scenario holds its runs (so a finding that is absent is absent for its numbers)', async () => {
  const { body } = await getJson(api, key, '/api/v1/pipelines');
  const counts = Object.fromEntries((body as { pipelines: { pipeline_id: string; executions: number }[] }).pipelines.map((p) => [p.pipeline_id, p.executions]));
  const expected: Record<string, number> = {};
  for (const r of loaded) expected[r.pipeline_id] = (expected[r.pipeline_id] ?? 0) + 1;
  expect(counts).toEqual(expected);
});

async function insights(pipeline: string, days = 7): Promise<Insight[]> {
  const { status, body } = await getJson(api, key, `/api/v1/analytics/insights?days=${days}&pipeline_id=${pipeline}`);
  expect(status).toBe(200);
  return InsightsListResponse.parse(body).insights;
}
const find = async (pipeline: string, type: string, days = 7) => (await insights(pipeline, days)).filter((i) => i.type === type);
const severities = async (pipeline: string, type: string) => (await find(pipeline, type)).map((i) => i.severity);

test('performance_degradation: warning at 30% slower, nothing at 29.9%', async () => {
  const [found] = await find('slow-30', 'performance_degradation');
  expect(found).toMatchObject({ severity: 'warning', title: 'Execution time increased by 30%', data: { previous_avg_ms: 1000, current_avg_ms: 1300 } });
  expect(await find('slow-29.9', 'performance_degradation')).toEqual([]);
});

test('performance_improvement: info at 30% faster, nothing at 29.9%', async () => {
  expect(await severities('fast-30', 'performance_improvement')).toEqual(['info']);
  expect(await find('fast-29.9', 'performance_improvement')).toEqual([]);
});

test('anomaly: p95/p50 of 3.1 is a long tail, 2.9 is not', async () => {
  const spreadOf = async (p: string) => (await find(p, 'anomaly')).filter((i) => i.id.endsWith(':latency_spread'));
  const [found] = await spreadOf('spread-3.1');
  expect(found).toMatchObject({ severity: 'info', title: expect.stringMatching(/^High latency variability/) });
  const spreadData = dataOf(found, 'anomaly');
  if (spreadData.kind !== 'latency_spread') throw new Error('not a latency_spread');
  const { p50_ms, p95_ms } = spreadData;
  expect(Math.abs(p50_ms / 100 - 1)).toBeLessThanOrEqual(0.01);
  expect(Math.abs(p95_ms / 310 - 1)).toBeLessThanOrEqual(0.01);
  expect(await spreadOf('spread-2.9')).toEqual([]);
});

test('anomaly: a day at 3× the median day is an outlier; 1.49× is not, however steady the rest', async () => {
  const outlier = async (p: string) => (await find(p, 'anomaly', 14)).filter((i) => i.id.endsWith(':cost_outlier'));
  const [found] = await outlier('day-3x');
  expect(found).toMatchObject({ severity: 'info', data: { median: 1, days_analyzed: 11, outlier_days: [{ value: 3 }] } });
  expect(await outlier('day-1.49x')).toEqual([]);
});

test('failure_pattern: warning at 10% (cancelled runs do not count), nothing at 9.9%', async () => {
  const [found] = await find('fail-10', 'failure_pattern');
  expect(found).toMatchObject({ severity: 'warning', category: 'reliability', data: { failure_rate: 0.1, total_failures: 2, total_runs: 20 } });
  expect(await find('fail-9.9', 'failure_pattern')).toEqual([]);
});

test('failure_pattern: critical at 25% with the error types, warning at 24.9%', async () => {
  const [found] = await find('fail-25', 'failure_pattern');
  expect(found).toMatchObject({ severity: 'critical', title: 'Critical failure rate: 25%', data: { failure_rate: 0.25, total_failures: 5, by_error_type: { api_error: 3, timeout: 2 } } });
  expect(await severities('fail-24.9', 'failure_pattern')).toEqual(['warning']);
});

test('reliability: a significant 8-point drop warns; 4 points, or 5 points on 20 runs, do not', async () => {
  const [found] = await find('rel-8pt', 'reliability');
  expect(found).toMatchObject({ severity: 'warning', data: { previous_success_rate: 1, current_success_rate: 0.92, drop_points: 8 } });
  expect(await find('rel-8pt', 'failure_pattern')).toEqual([]); // 8% failures is below 10%
  expect(await find('rel-4pt', 'reliability')).toEqual([]);
  expect(await find('rel-noise', 'reliability')).toEqual([]);
});

test('usage_surge / usage_drop at ±50%, nothing at +45% / −47.5%', async () => {
  expect(await severities('surge-50', 'usage_surge')).toEqual(['info']);
  expect(await find('surge-45', 'usage_surge')).toEqual([]);
  expect((await find('drop-50', 'usage_drop')).map((i) => [i.severity, dataOf(i, 'usage_drop').change_percent])).toEqual([['info', -50]]);
  expect(await find('drop-47.5', 'usage_drop')).toEqual([]);
});

test('peak_hours: 3 hours holding 40% of runs fire, 39% does not', async () => {
  const [found] = await find('peak-40', 'peak_hours');
  expect(found).toMatchObject({ severity: 'info', category: 'usage', data: { time_zone: 'UTC', peak_share: 0.4, total_executions: 100 } });
  expect(dataOf(found, 'peak_hours').peak_hours.map((h) => h.hour).sort((a, b) => a - b)).toEqual([9, 10, 11]);
  expect(await find('peak-39', 'peak_hours')).toEqual([]);
});
