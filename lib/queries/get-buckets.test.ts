import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb, getPrisma } from '@/lib/db/client';
import { computeWindows } from '@/lib/insights/buckets';
import { newOrg } from '@/tests/helpers';
import { getBuckets } from './get-buckets';
import { analyticsQueries } from './analytics-source';
import { getHourCounts } from './get-hour-counts';
import { load, run } from '@/tests/support/query-data';

// Four runs that are all on 2026-01-15 in UTC but straddle midnight in Tokyo (UTC+9, no DST):
//   14:00Z = 23:00 on the 15th in Tokyo; 16:00Z, 16:30Z, 17:00Z = 01:00, 01:30, 02:00 on the 16th.
// Tokyo's 16th: durations 200, 400, 1000 → avg 533.33, p50 400, p95 at rank 1.9 → 400 + 0.9 × 600 = 940.
const NOW = '2026-01-20T12:00:00.000Z';
const w = computeWindows(NOW, 7);

describe('getBuckets / getHourCounts in the organisation time zone', () => {
  let org: string;
  beforeAll(async () => {
    org = (await newOrg('buckets')).id;
    await load(org, [
      run('a', 'success', '2026-01-15T14:00:00Z', 100, { cost_usd: 1 }),
      run('b', 'failed', '2026-01-15T16:00:00Z', 200, { cost_usd: 2 }),
      run('a', 'success', '2026-01-15T16:30:00Z', 400, { cost_usd: 0.5 }),
      run('a', 'success', '2026-01-15T17:00:00Z', 1000),
    ]);
    await getPrisma().orgSettings.update({ where: { orgId: org }, data: { timeZone: 'Asia/Tokyo' } });
  });
  afterAll(closeDb);

  it('buckets days by the local calendar, with interpolated percentiles', async () => {
    const rows = await getBuckets(org, w.current, {}, { unit: 'day', timeZone: 'Asia/Tokyo' });
    expect(rows.map((r) => [r.date, r.executions, r.failures])).toEqual([['2026-01-15', 1, 0], ['2026-01-16', 3, 1]]);
    expect(rows[1].cost_usd).toBeCloseTo(2.5, 10);
    expect(rows[1].avg_duration_ms).toBeCloseTo(1600 / 3, 9);
    expect(rows[1].p50_duration_ms).toBe(400);
    expect(rows[1].p95_duration_ms).toBeCloseTo(940, 9);
    const utc = await getBuckets(org, w.current, {}, { unit: 'day', timeZone: 'UTC' });
    expect(utc.map((r) => [r.date, r.executions])).toEqual([['2026-01-15', 4]]);
  });

  it('adds per-pipeline rows on request and honours the pipeline filter', async () => {
    const rows = await getBuckets(org, w.current, {}, { unit: 'day', timeZone: 'Asia/Tokyo', perPipeline: true });
    const pipelineRows = rows.filter((r) => r.pipeline_id !== null).map((r) => [r.pipeline_id, r.date, r.executions]);
    expect(pipelineRows.sort()).toEqual([['a', '2026-01-15', 1], ['a', '2026-01-16', 2], ['b', '2026-01-16', 1]]);
    const onlyB = await getBuckets(org, w.current, { pipelineId: 'b' }, { unit: 'day', timeZone: 'Asia/Tokyo', perPipeline: true });
    expect(onlyB.map((r) => [r.pipeline_id, r.date, r.executions])).toEqual([[null, '2026-01-16', 1]]);
  });

  it('leaves day percentiles out on request (raw and rollup alike), counts untouched', async () => {
    for (const q of [analyticsQueries('raw'), analyticsQueries('rollup')]) {
      const full = await q.getBuckets(org, w.current, {}, { unit: 'day', timeZone: 'Asia/Tokyo' });
      const lean = await q.getBuckets(org, w.current, {}, { unit: 'day', timeZone: 'Asia/Tokyo', percentiles: false });
      expect(full.some((r) => r.p95_duration_ms !== null)).toBe(true);
      expect(full.every((r) => r.p99_duration_ms! >= r.p95_duration_ms! && r.p95_duration_ms! >= r.p50_duration_ms!)).toBe(true);
      expect(lean).toEqual(full.map((r) => ({ ...r, p50_duration_ms: null, p95_duration_ms: null, p99_duration_ms: null })));
    }
  });

  it('buckets hours with local labels, and counts hours of the day', async () => {
    const rows = await getBuckets(org, w.current, {}, { unit: 'hour', timeZone: 'Asia/Tokyo' });
    expect(rows.map((r) => [r.date, r.executions, r.p50_duration_ms])).toEqual([
      ['2026-01-15T23:00', 1, 100],
      ['2026-01-16T01:00', 2, 300],
      ['2026-01-16T02:00', 1, 1000],
    ]);
    const hours = await getHourCounts(org, w.current, {}, 'Asia/Tokyo');
    expect(hours).toHaveLength(24);
    expect(hours.flatMap((n, h) => (n > 0 ? [[h, n]] : []))).toEqual([[1, 2], [2, 1], [23, 1]]);
  });

  it('returns nothing for an empty window', async () => {
    expect(await getBuckets(org, w.previous, {}, { unit: 'day', timeZone: 'Asia/Tokyo' })).toEqual([]);
    expect(await getHourCounts(org, w.previous, {}, 'UTC')).toEqual(Array(24).fill(0));
  });
});
