import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDb, getPool } from '@/lib/db/client';
import { ingestItems } from '@/lib/ingest/ingest';
import { newOrg } from '@/tests/helpers';
import { getRecovery } from '../get-recovery';
import { getRecoveryFacts } from './get-recovery';

// MTTR from the recovery facts maintained at ingest equals the window-function definition over
// raw rows (getRecovery), whatever the order the runs arrive in: random runs of two pipelines
// (started_at on whole minutes, so ties broken by id are common; cancelled runs in between),
// split into random batches sent in a random order — or all at once, concurrently — with some
// runs re-sent as duplicates, then every window of a grid, organisation-wide and per pipeline.

const T0 = Date.parse('2026-02-01T00:00:00.000Z');
const at = (minute: number) => new Date(T0 + minute * 60_000).toISOString();
const STATUSES = ['success', 'failed', 'failed', 'cancelled'] as const;

const runArb = fc.record({
  pipeline: fc.constantFrom('a', 'b'),
  minute: fc.integer({ min: 0, max: 40 }),
  status: fc.constantFrom(...STATUSES),
  duration: fc.integer({ min: 0, max: 90_000 }),
  batch: fc.nat(3),
});

const caseArb = fc.record({
  runs: fc.array(runArb, { minLength: 1, maxLength: 30 }),
  order: fc.array(fc.nat(100), { minLength: 4, maxLength: 4 }),
  resend: fc.array(fc.nat(29), { maxLength: 6 }),
  concurrent: fc.boolean(),
});

const WINDOWS = [[0, 41], [0, 20], [5, 41], [10, 30], [12, 13], [20, 41], [-5, 3]].map(([s, e]) => ({ start: at(s), end: at(e) }));

describe('recovery facts (MTTR) equal the window-function definition under any ingest order', () => {
  afterAll(closeDb);

  it('holds for random runs, batches, orders, duplicates and windows', async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, async ({ runs, order, resend, concurrent }) => {
        const org = (await newOrg('mttr-prop')).id;
        // Ids are unrelated to arrival order (1009 is prime: i·7919 mod 1009 is a permutation).
        const items = runs.map((r, i) => ({
          id: `k${String((i * 7919) % 1009).padStart(4, '0')}`,
          pipeline_id: r.pipeline, status: r.status, started_at: at(r.minute), duration_ms: r.duration, cost_usd: 0,
        }));
        const batches: Array<typeof items> = [[], [], [], []];
        runs.forEach((r, i) => batches[r.batch].push(items[i]));
        resend.forEach((i, k) => { if (i < items.length) batches[k % 4].push(items[i]); });
        const sequence = [0, 1, 2, 3].sort((x, y) => order[x] - order[y] || x - y).map((b) => batches[b]).filter((b) => b.length > 0);
        const send = (b: typeof items) => ingestItems(getPool(), org, b);
        const results = concurrent ? await Promise.all(sequence.map(send)) : await sequence.reduce(
          async (acc, b) => [...(await acc), await send(b)], Promise.resolve([] as Awaited<ReturnType<typeof send>>[]));
        expect(results.reduce((n, r) => n + r.accepted, 0)).toBe(items.length);
        for (const w of WINDOWS) {
          for (const scope of [{}, { pipelineId: 'a' }]) {
            const raw = await getRecovery(org, w, scope);
            const facts = await getRecoveryFacts(org, w, scope);
            expect(facts.streaks, JSON.stringify({ w, scope })).toBe(raw.streaks);
            expect(Math.abs(facts.total_minutes - raw.total_minutes), JSON.stringify({ w, scope, raw, facts })).toBeLessThan(1e-9);
          }
        }
      }),
      { numRuns: 40, seed: 14 },
    );
  }, 300_000);
});
