import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb, getPool } from '@/lib/db/client';
import { loadBatches } from '@/lib/ingest/load-batches';
import { newOrg } from '@/tests/helpers';
import { aggregate, simulate, simulatedInstant, type SimExecution } from '@/tests/support/simulation';
import { loadInsightsInput } from './insights-input';

// The engine tests feed the engine with the simulator's `aggregate` instead of a database. That
// is only sound if `aggregate` computes what the SQL computes: here the same simulated executions
// go in through the ingest path and the raw-row queries must give exactly the simulator's input
// (counts exact, sums and moments to 10 significant digits, percentiles exact: percentile_cont on
// both sides). rollup-equality.test.ts then holds the rollups to the raw rows.

const DAYS = 14;
const sim = simulate({
  seed: 5,
  days: DAYS,
  pipelines: ['ingest', 'summarise', 'classify'],
  runsPerDay: 12,
  failureRate: (p, day) => (p === 'summarise' && day >= DAYS ? 0.25 : 0.03),
});

function toItem(x: SimExecution, i: number) {
  return {
    id: `sim-${i}`, pipeline_id: x.pipeline_id, status: x.status, started_at: simulatedInstant(x, i % 3600),
    duration_ms: x.duration_ms, cost_usd: x.cost_usd, ...(x.error_type ? { error_type: x.error_type } : {}),
  };
}

/** Every number to 10 significant digits (float8 sums in SQL and JavaScript differ in the last bits). */
function rounded(value: unknown, counter: { n: number }): unknown {
  return JSON.parse(JSON.stringify(value), (_k, v: unknown) => {
    if (typeof v !== 'number') return v;
    counter.n += 1;
    return Number.isInteger(v) ? v : Number(v.toPrecision(10));
  });
}

describe('the simulator is the oracle of the analytics SQL', () => {
  let orgId: string;
  beforeAll(async () => {
    orgId = (await newOrg('oracle')).id;
    const items = sim.map(toItem);
    const batches = Array.from({ length: Math.ceil(items.length / 500) }, (_, b) => items.slice(b * 500, b * 500 + 500));
    const p = await loadBatches(getPool(), orgId, batches);
    expect(p).toMatchObject({ accepted: items.length, rejected: 0 });
  }, 120_000);
  afterAll(closeDb);

  it('raw SQL gives the simulator\'s windows, day series, pipelines, error types and hours', async () => {
    const want = aggregate(sim, DAYS);
    const got = await loadInsightsInput({ orgId, days: DAYS, now: new Date(want.now), source: 'raw' });
    const pick = (i: typeof want) => ({
      scope: i.scope, pipelines: i.pipelines, previous_days: i.previous_days, hour_counts: i.hour_counts, now: i.now, days: i.days,
    });
    const compared = { n: 0 };
    expect(rounded(pick(got), compared)).toEqual(rounded(pick(want), { n: 0 }));
    expect(want.scope.current.executions).toBeGreaterThan(400);
    expect(want.scope.current.failures).toBeGreaterThan(10);
    expect(compared.n).toBeGreaterThan(400); // 410: windows, 2 × 14 days × 4 scopes, 24 hours
  });
});
