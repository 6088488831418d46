import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb } from '@/lib/db/client';
import { computeWindows } from '@/lib/insights/buckets';
import { newOrg } from '@/tests/helpers';
import { getRecovery } from './get-recovery';
import { load, run } from '@/tests/support/query-data';

// Streaks per pipeline, cancelled runs ignored, measured first failure → end of the next success:
//   r1: fail 00:00, fail 00:10, (cancelled 00:15), success 00:20 lasting 60 s → 21 min;
//       success 01:00; fail 02:00, success 02:05 lasting 0 → 5 min; fail 03:00 never recovers.
//   r2: fail 00:05, success 00:30 lasting 30 s → 25.5 min (interleaved with r1, kept apart).
//   r3: its failure is before the window, so its success inside the window ends no streak.
// Total 3 streaks, 51.5 minutes.
const NOW = '2026-01-20T12:00:00.000Z';
const w = computeWindows(NOW, 7);
const at = (hhmm: string) => `2026-01-14T${hhmm}:00Z`;

describe('getRecovery (MTTR input) on a real database', () => {
  let org: string;
  let other: string;
  beforeAll(async () => {
    org = (await newOrg('mttr')).id;
    other = (await newOrg('mttr-other')).id;
    await load(org, [
      run('r1', 'failed', at('00:00'), 100),
      run('r1', 'failed', at('00:10'), 100),
      run('r1', 'cancelled', at('00:15'), 100),
      run('r1', 'success', at('00:20'), 60_000),
      run('r1', 'success', at('01:00'), 100),
      run('r1', 'failed', at('02:00'), 100),
      run('r1', 'success', at('02:05'), 0),
      run('r1', 'failed', at('03:00'), 100),
      run('r2', 'failed', at('00:05'), 100),
      run('r2', 'success', at('00:30'), 30_000),
      run('r3', 'failed', '2026-01-13T11:00:00Z', 100),
      run('r3', 'success', '2026-01-13T13:00:00Z', 100),
    ]);
    await load(other, [run('r1', 'failed', at('00:00'), 1), run('r1', 'success', at('10:00'), 1)]);
  });
  afterAll(closeDb);

  it('sums recovered streaks over pipelines', async () => {
    const r = await getRecovery(org, w.current, {});
    expect(r.streaks).toBe(3);
    expect(r.total_minutes).toBeCloseTo(51.5, 9);
  });

  it('restricts to one pipeline', async () => {
    const r = await getRecovery(org, w.current, { pipelineId: 'r2' });
    expect(r.streaks).toBe(1);
    expect(r.total_minutes).toBeCloseTo(25.5, 9);
  });

  it('is zero without recoveries, and keeps organisations apart', async () => {
    expect(await getRecovery(org, w.previous, {})).toEqual({ streaks: 0, total_minutes: 0 });
    expect(await getRecovery(org, w.current, { pipelineId: 'r3' })).toEqual({ streaks: 0, total_minutes: 0 });
    const o = await getRecovery(other, w.current, {});
    expect(o.streaks).toBe(1);
    expect(o.total_minutes).toBeCloseTo(600 + 0.001 / 60, 9); // 10 h plus the 1 ms success
  });
});
