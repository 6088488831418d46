import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb, getPool, getPrisma } from '@/lib/db/client';
import { generateDemoExecutions } from '@/lib/demo';
import { computeWindows } from '@/lib/insights/buckets';
import { buildReport, buildSummary } from '@/lib/insights/build';
import { detectInsights } from '@/lib/insights/detect-all';
import { ingestItems } from '@/lib/ingest/ingest';
import { loadBatches } from '@/lib/ingest/load-batches';
import { loadInsightsInput } from '@/lib/services/insights-input';
import { newOrg } from '@/tests/helpers';
import { analyticsQueries } from '@/lib/queries/analytics-source';
import { expectSameAnswer } from '@/tests/support/same-answer';

// The rollups answer exactly what the raw rows answer, on the demo data loaded through the one
// ingest path: the engine's whole input (and so the report) from both sources, organisation-wide
// and per pipeline, in UTC and after a change to a half-hour zone (which rebuilds the rollups).
// `now` is not on an hour boundary, so every window has partial days read from raw rows.

const NOW = new Date('2026-03-10T13:37:11.123Z');
const TOTAL = 20_000;

async function usesRollups(orgId: string, tz: string) {
  const w = computeWindows(NOW.toISOString(), 30).current;
  const [cut] = await getPrisma().$queryRaw<Array<{ day_lo: Date | null }>>`
    SELECT day_lo FROM fm_rollup_cut(${orgId}::uuid, ${w.start}::timestamptz, ${w.end}::timestamptz, ${tz}::text)`;
  return cut.day_lo !== null;
}

async function expectSameInputs(orgId: string, days: number, pipelineId: string | null) {
  const req = { orgId, days, pipelineId, now: NOW };
  const rollup = await loadInsightsInput({ ...req, source: 'rollup' });
  const raw = await loadInsightsInput({ ...req, source: 'raw' });
  expect(raw.scope.current.executions).toBeGreaterThan(0);
  expect(expectSameAnswer(rollup, raw)).toBeGreaterThan(200);
  // Insight texts quote percentiles (within 1%, so not the same text); their numbers are in
  // `data`, which is compared field by field.
  const opts = { includeRecommendations: true, includeForecasts: true };
  const numbersOnly = (r: ReturnType<typeof buildReport>) => ({
    ...r,
    insights: r.insights.map(({ title: _t, description: _d, recommendations: _r, ...i }) => i),
  });
  expectSameAnswer(numbersOnly(buildReport(rollup, opts)), numbersOnly(buildReport(raw, opts)));
  // Summary and list load only the detectors' parts: the same summary and insights as the full input.
  const lean = await loadInsightsInput({ ...req, parts: 'insights' });
  expect(lean.stages).toEqual([]);
  expect({ ...buildSummary(lean), generated_at: null }).toEqual({ ...buildSummary(rollup), generated_at: null });
  expect(detectInsights(lean)).toEqual(detectInsights(rollup));
}

describe('rollups equal raw rows on the demo data', () => {
  let org: string;
  beforeAll(async () => {
    org = (await newOrg('rollup-eq')).id;
    const p = await loadBatches(getPool(), org, generateDemoExecutions({ now: NOW, total: TOTAL, days: 60, seed: 11 }));
    expect(p.accepted).toBe(TOTAL);
  }, 300_000);
  afterAll(closeDb);

  it('keeps every execution and stage exactly once, also when batches are re-sent', async () => {
    const first = generateDemoExecutions({ now: NOW, total: TOTAL, days: 60, seed: 11 }).next().value!;
    const again = await ingestItems(getPool(), org, first);
    expect(again).toMatchObject({ accepted: 0, duplicates: first.length });
    const [t] = await getPrisma().$queryRaw<Array<Record<string, number>>>`
      SELECT (SELECT sum(executions) FROM rollup_executions WHERE org_id = ${org}::uuid)::int AS rolled,
             (SELECT sum(n) FROM rollup_execution_hist WHERE org_id = ${org}::uuid)::int AS hist,
             (SELECT sum(calls) FROM rollup_stages WHERE org_id = ${org}::uuid)::int AS stages,
             (SELECT sum(n) FROM rollup_stage_hist WHERE org_id = ${org}::uuid)::int AS stage_hist,
             (SELECT count(*) FROM stage_executions WHERE org_id = ${org}::uuid)::int AS raw_stages`;
    expect(t).toEqual({ rolled: TOTAL, hist: TOTAL, stages: t.raw_stages, stage_hist: t.raw_stages, raw_stages: t.raw_stages });
    expect(t.raw_stages).toBeGreaterThan(TOTAL);
  });

  it('gives the same engine input and report for 30 and 7 days, organisation-wide and per pipeline', async () => {
    expect(await usesRollups(org, 'UTC')).toBe(true);
    await expectSameInputs(org, 30, null);
    await expectSameInputs(org, 7, null);
    await expectSameInputs(org, 30, 'support-bot');
    await expectSameInputs(org, 1, null);
  }, 120_000);

  it('gives the same day series for the timeseries', async () => {
    const w = computeWindows(NOW.toISOString(), 30).current;
    const opts = { unit: 'day' as const, timeZone: 'UTC', perPipeline: true };
    const rollup = await analyticsQueries('rollup').getBuckets(org, w, {}, opts);
    const raw = await analyticsQueries('raw').getBuckets(org, w, {}, opts);
    expect(raw.length).toBeGreaterThan(30);
    const order = (rows: typeof raw) => [...rows].sort((a, b) => `${a.date}|${a.pipeline_id}`.localeCompare(`${b.date}|${b.pipeline_id}`));
    expectSameAnswer(order(rollup), order(raw));
  });

  it('rebuilds in a new (half-hour) zone and still agrees', async () => {
    await getPrisma().orgSettings.update({ where: { orgId: org }, data: { timeZone: 'Asia/Kolkata' } });
    expect(await usesRollups(org, 'Asia/Kolkata')).toBe(true);
    expect(await usesRollups(org, 'UTC')).toBe(false); // a stale zone is never read
    await expectSameInputs(org, 30, null);
    await expectSameInputs(org, 7, 'rag-answer');
  }, 120_000);
});
