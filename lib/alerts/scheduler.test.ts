import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb, getPool } from '@/lib/db/client';
import { ingestItems } from '@/lib/ingest/ingest';
import { newOrg } from '@/tests/helpers';
import { EvaluationScheduler } from './scheduler';
import { makeInsight, waitFor } from '@/tests/support/webhook-receiver';

// The scheduler on a real database: new data triggers an evaluation without anyone asking, and a
// failed evaluation is tried again on the next tick (not only at the next schedule).

const run = (id: string) => ({ id, pipeline_id: 'p', status: 'failed', started_at: new Date().toISOString(), duration_ms: 5 });
const state = async (orgId: string) =>
  (await getPool().query('SELECT status, episode FROM insights WHERE org_id = $1', [orgId])).rows as Array<{ status: string; episode: number }>;

beforeAll(() => {
  Object.assign(process.env, { ALERT_EVAL_INTERVAL_MS: '100', ALERT_SCHEDULE_MS: '600000' });
});
afterAll(closeDb);

describe('EvaluationScheduler', () => {
  it('evaluates an organisation soon after it ingests, and not again until new data arrives', async () => {
    const orgId = (await newOrg('sched')).id;
    const calls: string[] = [];
    const scheduler = new EvaluationScheduler(async (org) => {
      if (org !== orgId) return [];
      calls.push(org);
      return [makeInsight('failure_pattern:pipeline=p:7d', { pipeline_id: 'p' })];
    }, () => {});
    scheduler.start();
    try {
      await ingestItems(getPool(), orgId, [run('a')]);
      expect(await waitFor(() => state(orgId), (s) => s.length === 1, 30_000)).toEqual([{ status: 'active', episode: 1 }]);
      const after = calls.length;
      await new Promise((r) => setTimeout(r, 600)); // several ticks, no new data
      expect(calls.length).toBe(after);
      await ingestItems(getPool(), orgId, [run('b')]);
      await waitFor(() => calls.length, (n) => n > after, 30_000);
      expect(calls.length).toBe(after + 1);
    } finally {
      await scheduler.stop();
    }
  });

  it('data arriving during an evaluation is coalesced into the next tick, not evaluated back to back', async () => {
    const orgId = (await newOrg('steady')).id;
    let calls = 0;
    // Steady ingest: every evaluation of the organisation sees a new batch land while it runs.
    const scheduler = new EvaluationScheduler(async (org) => {
      if (org !== orgId) return [];
      calls += 1;
      await ingestItems(getPool(), orgId, [run(`during-${calls}`)]);
      return [];
    }, () => {});
    await ingestItems(getPool(), orgId, [run('first')]);
    await scheduler.runOnce(); // before: this loop re-claimed the organisation after every evaluation, forever
    expect(calls).toBe(1);
    const due = await getPool().query('SELECT data_version > evaluated_version AS due FROM alert_state WHERE org_id = $1', [orgId]);
    expect(due.rows).toEqual([{ due: true }]); // the batch that arrived meanwhile is not lost: due next tick
    await scheduler.runOnce();
    expect(calls).toBe(2);
    await scheduler.stop();
  });

  it('a failed evaluation is retried on the next tick', async () => {
    const orgId = (await newOrg('flaky')).id;
    let attempts = 0;
    const scheduler = new EvaluationScheduler(async (org) => {
      if (org !== orgId) return [];
      attempts += 1;
      if (attempts === 1) throw new Error('database hiccup');
      return [makeInsight('cost_spike:org:7d', { type: 'cost_spike', category: 'cost' })];
    }, () => {});
    scheduler.start();
    try {
      await ingestItems(getPool(), orgId, [run('a')]);
      expect(await waitFor(() => state(orgId), (s) => s.length === 1, 30_000)).toEqual([{ status: 'active', episode: 1 }]);
      expect(attempts).toBe(2);
    } finally {
      await scheduler.stop();
    }
  });
});
