import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb, getPool, getPrisma } from '@/lib/db/client';
import { generateDemoExecutions } from '@/lib/demo';
import { computeWindows } from '@/lib/insights/buckets';
import { buildReport, buildSummary } from '@/lib/insights/build';
import { detectInsights } from '@/lib/insights/detect-all';
import { ingestItems } from '@/lib/ingest/ingest';
import { loadInsightsInput } from '@/lib/services/insights-input';
import { newOrg } from '@/tests/helpers';
import { analyticsQueries } from '@/lib/queries/analytics-source';
import { expectSameAnswer } from '@/tests/support/same-answer';

// The rollups answer exactly what the raw rows answer, on the demo data loaded through the one
// ingest path: the engine's whole input (and so the report) from both sources, organisation-wide
// and per pipeline, in UTC and after a change to a half-hour zone (which rebuilds the rollups).
// `now` is not on an hour boundary, so every window has partial days (their whole hours from the
// hourly rollups) and partial hours (raw rows) at both ends. The batches arrive out of order, two
// at a time, one of them twice at once; the ingest-maintained rollups and recovery facts must be
// exactly what a rebuild from the raw rows gives. Last, a DST zone across its change.

const NOW = new Date('2026-03-10T13:37:11.123Z');
const TOTAL = 20_000;
/** 15:20 UTC on the day America/New_York skips 02:00–03:00. */
const DST_NOW = new Date('2026-03-08T15:20:07.500Z');
const ROLLUP_TABLES = ['rollup_executions', 'rollup_execution_days', 'rollup_exec_hist_days', 'rollup_exec_hist_hours', 'rollup_stages',
  'rollup_stage_hours', 'rollup_stage_hist_days', 'rollup_stage_hist_hours', 'recovery_streaks'];

/** A statement that rebuilds rollups: no statement or read timeout (a loaded machine takes > 15 s). */
async function unhurried(sql: string, params: unknown[]) {
  const client = await getPool().connect();
  try {
    await client.query('SET statement_timeout = 0');
    // pg reads query_timeout per query (client.js), its types do not list it.
    await client.query({ text: sql, values: params, query_timeout: 600_000 } as pg.QueryConfig);
  } finally {
    await client.query('RESET statement_timeout').catch(() => {});
    client.release();
  }
}

/** Every rollup row and recovery fact of the organisation, as text (arrays with their bounds). */
async function snapshot(orgId: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const t of ROLLUP_TABLES) {
    const { rows } = await getPool().query(`SELECT coalesce(string_agg(r::text, E'\\n' ORDER BY r::text), '') AS s, count(*)::int AS n FROM ${t} r WHERE org_id = $1`, [orgId]);
    expect(rows[0].n, t).toBeGreaterThan(0);
    out[t] = rows[0].s;
  }
  return out;
}

/** The cut of the n-day window ending at `now`: raw rows for under an hour at each end. */
async function expectHourlyEnds(orgId: string, now: Date, days: number, tz: string) {
  const w = computeWindows(now.toISOString(), days).current;
  const [c] = await getPrisma().$queryRaw<Array<Record<string, Date | null>>>`
    SELECT * FROM fm_rollup_cut(${orgId}::uuid, ${w.start}::timestamptz, ${w.end}::timestamptz, ${tz}::text)`;
  const ms = (lo: string, hi: string) => c[hi]!.getTime() - c[lo]!.getTime();
  expect(ms('raw1_lo', 'raw1_hi')).toBeLessThan(3_600_000);
  expect(ms('raw2_lo', 'raw2_hi')).toBeLessThan(3_600_000);
  expect(ms('hr1_lo', 'hr1_hi') + ms('hr2_lo', 'hr2_hi')).toBeGreaterThan(3_600_000);
  expect(ms('raw1_lo', 'raw2_hi')).toBe(days * 86_400_000);
}

async function usesRollups(orgId: string, tz: string) {
  const w = computeWindows(NOW.toISOString(), 30).current;
  const [cut] = await getPrisma().$queryRaw<Array<{ day_lo: Date | null }>>`
    SELECT day_lo FROM fm_rollup_cut(${orgId}::uuid, ${w.start}::timestamptz, ${w.end}::timestamptz, ${tz}::text)`;
  return cut.day_lo !== null;
}

async function expectSameInputs(orgId: string, days: number, pipelineId: string | null, now = NOW) {
  const req = { orgId, days, pipelineId, now };
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
    const batches = [...generateDemoExecutions({ now: NOW, total: TOTAL, days: 60, seed: 11 })];
    // 7 and 20 are coprime: every batch once, in the order 0, 7, 14, 1, 8, …; two at a time, and
    // the first one twice at the same time.
    const order = batches.map((_, i) => i).sort((a, b) => ((a * 7) % batches.length) - ((b * 7) % batches.length));
    let accepted = 0;
    const send = async (b: unknown[]) => {
      const r = await ingestItems(getPool(), org, b);
      accepted += r.accepted;
    };
    await Promise.all([send(batches[order[0]]), send(batches[order[0]])]);
    for (let k = 1; k < order.length; k += 2) await Promise.all(order.slice(k, k + 2).map((i) => send(batches[i])));
    expect(accepted).toBe(TOTAL);
  }, 300_000);
  afterAll(closeDb);

  it('keeps every execution and stage exactly once, also when batches are re-sent', async () => {
    const first = generateDemoExecutions({ now: NOW, total: TOTAL, days: 60, seed: 11 }).next().value!;
    const again = await ingestItems(getPool(), org, first);
    expect(again).toMatchObject({ accepted: 0, duplicates: first.length });
    const [t] = await getPrisma().$queryRaw<Array<Record<string, number>>>`
      SELECT (SELECT sum(executions) FROM rollup_executions WHERE org_id = ${org}::uuid)::int AS rolled,
             (SELECT sum(executions) FROM rollup_execution_days WHERE org_id = ${org}::uuid)::int AS rolled_days,
             (SELECT sum(v) FROM rollup_exec_hist_days, unnest(counts) v WHERE org_id = ${org}::uuid)::int AS hist,
             (SELECT sum(v) FROM rollup_exec_hist_hours, unnest(counts) v WHERE org_id = ${org}::uuid)::int AS hist_hours,
             (SELECT sum(calls) FROM rollup_stages WHERE org_id = ${org}::uuid)::int AS stages,
             (SELECT sum(calls) FROM rollup_stage_hours WHERE org_id = ${org}::uuid)::int AS stage_hours,
             (SELECT sum(v) FROM rollup_stage_hist_days, unnest(counts) v WHERE org_id = ${org}::uuid)::int AS stage_hist,
             (SELECT sum(v) FROM rollup_stage_hist_hours, unnest(counts) v WHERE org_id = ${org}::uuid)::int AS stage_hist_hours,
             (SELECT count(*) FROM stage_executions WHERE org_id = ${org}::uuid)::int AS raw_stages`;
    const s = t.raw_stages;
    expect(t).toEqual({ rolled: TOTAL, rolled_days: TOTAL, hist: TOTAL, hist_hours: TOTAL, stages: s, stage_hours: s, stage_hist: s, stage_hist_hours: s, raw_stages: s });
    expect(t.raw_stages).toBeGreaterThan(TOTAL);
  });

  it('gives the same engine input and report for 30 and 7 days, organisation-wide and per pipeline', async () => {
    expect(await usesRollups(org, 'UTC')).toBe(true);
    await expectSameInputs(org, 30, null);
    await expectSameInputs(org, 7, null);
    await expectSameInputs(org, 30, 'support-bot');
    await expectSameInputs(org, 1, null);
  }, 120_000);

  it('maintains at ingest exactly what a rebuild from the raw rows gives', async () => {
    const maintained = await snapshot(org);
    await unhurried('SELECT fm_rollups_rebuild($1)', [org]);
    expect(await snapshot(org)).toEqual(maintained);
  }, 120_000);

  it('reads raw rows for under an hour at each end of a window', async () => {
    for (const days of [1, 7, 30]) await expectHourlyEnds(org, NOW, days, 'UTC');
  });

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
    await unhurried('UPDATE org_settings SET time_zone = $2 WHERE org_id = $1', [org, 'Asia/Kolkata']);
    expect(await usesRollups(org, 'Asia/Kolkata')).toBe(true);
    expect(await usesRollups(org, 'UTC')).toBe(false); // a stale zone is never read
    await expectSameInputs(org, 30, null);
    await expectSameInputs(org, 7, 'rag-answer');
    await expectHourlyEnds(org, NOW, 7, 'Asia/Kolkata');
  }, 120_000);

  it('agrees in a DST zone, with windows ending on the day of the change', async () => {
    await unhurried('UPDATE org_settings SET time_zone = $2 WHERE org_id = $1', [org, 'America/New_York']);
    expect(await usesRollups(org, 'America/New_York')).toBe(true);
    for (const days of [1, 7]) await expectHourlyEnds(org, DST_NOW, days, 'America/New_York');
    await expectSameInputs(org, 1, null, DST_NOW);
    await expectSameInputs(org, 7, 'support-bot', DST_NOW);
    await expectSameInputs(org, 30, null);
  }, 120_000);
});
