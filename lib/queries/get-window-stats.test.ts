import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb } from '@/lib/db/client';
import { computeWindows } from '@/lib/insights/buckets';
import { newOrg } from '@/tests/helpers';
import { getErrorCounts } from './get-error-counts';
import { getWindowStats } from './get-window-stats';
import { load, run } from '@/tests/support/query-data';

// Hand-computed: current window of p1 = durations 100, 200, 300, 400, 1000 ms.
//   avg 400; stddev_samp = √((300² + 200² + 100² + 0 + 600²) ÷ 4) = √125000;
//   p50 = 300; p95 at rank 0.95 × 4 = 3.8 → 400 + 0.8 × 600 = 880; p99 at 3.96 → 976.
const NOW = '2026-03-10T12:00:00.000Z';
const w = computeWindows(NOW, 7);

describe('getWindowStats / getErrorCounts on a real database', () => {
  let org: string;
  let other: string;
  beforeAll(async () => {
    org = (await newOrg('ws')).id;
    other = (await newOrg('ws-other')).id;
    await load(org, [
      run('p1', 'success', '2026-03-04T10:00:00Z', 100, { cost_usd: 0.1, stages: [{ stage_id: 's', duration_ms: 90, input_tokens: 10, output_tokens: 5, cost_usd: 0.1 }] }),
      run('p1', 'success', '2026-03-05T10:00:00Z', 200, { cost_usd: 0.2 }),
      run('p1', 'cancelled', '2026-03-06T10:00:00Z', 300, { cost_usd: 0.3 }),
      run('p1', 'success', '2026-03-07T10:00:00Z', 400, { cost_usd: 0.4 }),
      run('p1', 'failed', '2026-03-08T10:00:00Z', 1000, { cost_usd: 1, error_type: 'timeout' }),
      run('p2', 'failed', w.current.start, 50, { cost_usd: 0.05, error_message: 'HTTP 429: rate limit exceeded' }), // start is inclusive
      run('p1', 'success', w.previous.start, 500), // previous window, first instant
      run('p1', 'success', '2026-03-01T00:00:00Z', 700, { cost_usd: 2 }),
      run('p1', 'failed', NOW, 9999, { cost_usd: 5 }), // end is exclusive: in neither window
      run('p1', 'failed', '2026-02-20T00:00:00Z', 9999, { cost_usd: 5 }), // before both windows
    ]);
    await load(other, [run('p1', 'failed', '2026-03-05T10:00:00Z', 5, { cost_usd: 100 })]);
  });
  afterAll(closeDb);

  it('computes both windows for the organisation and per pipeline, percentiles interpolated', async () => {
    const rows = await getWindowStats(org, w, {});
    const find = (p: string | null, win: string) => rows.find((r) => r.pipeline_id === p && r.window === win)?.stats;
    expect(rows).toHaveLength(5); // org × 2 windows, p1 × 2, p2 × current only
    const p1 = find('p1', 'current')!;
    expect(p1).toMatchObject({ executions: 5, successes: 3, failures: 1, cancelled: 1, avg_duration_ms: 400, p50_duration_ms: 300, total_tokens: 15 });
    expect(p1.cost_usd).toBeCloseTo(2.0, 10);
    expect(p1.failed_cost_usd).toBeCloseTo(1.0, 10);
    expect(p1.duration_stddev_ms).toBeCloseTo(Math.sqrt(125_000), 9);
    expect(p1.p95_duration_ms).toBeCloseTo(880, 9);
    expect(p1.p99_duration_ms).toBeCloseTo(976, 9);
    const whole = find(null, 'current')!;
    expect(whole).toMatchObject({ executions: 6, failures: 2, successes: 3 });
    expect(whole.cost_usd).toBeCloseTo(2.05, 10);
    // 50, 100, 200, 300, 400, 1000: p50 at rank 2.5 → 250.
    expect(whole.p50_duration_ms).toBeCloseTo(250, 9);
    expect(find(null, 'previous')).toMatchObject({ executions: 2, successes: 2, avg_duration_ms: 600, p50_duration_ms: 600, duration_stddev_ms: expect.closeTo(Math.sqrt(20_000), 9), cost_usd: 2 });
    expect(find('p2', 'previous')).toBeUndefined();
  });

  it('restricts to one pipeline, and an unknown pipeline is simply empty', async () => {
    const rows = await getWindowStats(org, w, { pipelineId: 'p2' });
    expect(rows.map((r) => [r.pipeline_id, r.window, r.stats.executions])).toEqual([[null, 'current', 1]]);
    expect(await getWindowStats(org, w, { pipelineId: 'nope' })).toEqual([]);
  });

  it('counts failures per error type, derived from the message when missing', async () => {
    const rows = await getErrorCounts(org, w.current, {});
    const sorted = [...rows].sort((a, b) => `${a.pipeline_id}${a.error_type}`.localeCompare(`${b.pipeline_id}${b.error_type}`));
    expect(sorted).toEqual([
      { pipeline_id: null, error_type: 'rate_limit', failures: 1 },
      { pipeline_id: null, error_type: 'timeout', failures: 1 },
      { pipeline_id: 'p1', error_type: 'timeout', failures: 1 },
      { pipeline_id: 'p2', error_type: 'rate_limit', failures: 1 },
    ]);
  });

  it('never returns another organisation\'s executions', async () => {
    const rows = await getWindowStats(other, w, {});
    expect(rows.find((r) => r.pipeline_id === null && r.window === 'current')?.stats).toMatchObject({ executions: 1, cost_usd: 100 });
    expect(await getErrorCounts(other, w.current, { pipelineId: 'p2' })).toEqual([]);
  });
});
