import { describe, expect, it } from 'vitest';
import { generateDemoExecutions } from '@/lib/demo';
import { ExecutionInput } from '@/lib/schemas/ingest';
import { fastExecution } from './fast-validate';

// Property test: the fast path is the zod schema, faster. On demo items and on thousands of
// seeded random mutations of them (edge values in every field, stages and metadata), whenever
// zod accepts an item the fast path returns exactly zod's output, and whenever zod rejects it the
// fast path returns null (so zod words the error). Both see the same "now".

function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

const now = Date.now();
const iso = (ms: number) => new Date(ms).toISOString();
const EDGE: unknown[] = [
  undefined, null, '', 'x', 'x'.repeat(64), 'x'.repeat(65), 'x'.repeat(128), 'x'.repeat(129), 'x'.repeat(1025), 'a\u0000b', '\ud800', '\ud83d\ude00',
  0, -1, 1, 1.5, 2_147_483_647, 2_147_483_648, 1e12, 1e12 + 1, 1e9, 1e9 + 1, Number.NaN, Infinity, -0, 2 ** 53,
  true, false, {}, [], [{}], 'success', 'failed', 'cancelled', 'skipped', 'done',
  iso(now - 60_000), iso(now + 60 * 60_000), '1999-12-31T23:59:59Z', '2026-01-01T00:00:00+05:30', '2026-01-01 00:00:00', '2026-01-01T00:00:00',
  { a: 1 }, { ['k'.repeat(129)]: 1 }, { k: 'v'.repeat(1025) }, { k: null }, { k: [] }, { k: '\udfff' }, Object.fromEntries(Array.from({ length: 33 }, (_, i) => [`k${i}`, i])),
];
const EXEC_FIELDS = ['id', 'pipeline_id', 'status', 'started_at', 'duration_ms', 'completed_at', 'error_type', 'error_message', 'cost_usd', 'metadata', 'stages', 'extra'];
const STAGE_FIELDS = ['stage_id', 'stage_type', 'provider', 'model', 'status', 'duration_ms', 'input_tokens', 'output_tokens', 'cached_input_tokens', 'reasoning_tokens', 'cost_usd', 'error_type', 'extra'];

function items(): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  for (const batch of generateDemoExecutions({ now: new Date(now), total: 400, days: 30, seed: 3 })) {
    for (const e of batch) out.push(JSON.parse(JSON.stringify(e)) as Record<string, unknown>);
  }
  return out;
}

function mutate(base: Record<string, unknown>, r: () => number): unknown {
  const x = structuredClone(base);
  const pickEdge = () => structuredClone(EDGE[Math.floor(r() * EDGE.length)]);
  const n = 1 + Math.floor(r() * 3);
  for (let i = 0; i < n; i++) {
    const stages = Array.isArray(x.stages) ? (x.stages as unknown[]) : [];
    const s = stages[Math.floor(r() * stages.length)] as Record<string, unknown> | undefined;
    if (s && typeof s === 'object' && !Array.isArray(s) && r() < 0.5) {
      const f = STAGE_FIELDS[Math.floor(r() * STAGE_FIELDS.length)];
      if (r() < 0.15) delete s[f];
      else s[f] = pickEdge();
      if (r() < 0.1) s.cached_input_tokens = ((s.input_tokens as number) ?? 0) + 1;
    } else {
      const f = EXEC_FIELDS[Math.floor(r() * EXEC_FIELDS.length)];
      if (r() < 0.15) delete x[f];
      else x[f] = pickEdge();
      if (r() < 0.05 && Number.isFinite(Date.parse(String(x.started_at)))) x.completed_at = iso(Date.parse(String(x.started_at)) - 1);
    }
  }
  return r() < 0.02 ? pickEdge() : x;
}

function check(x: unknown) {
  const fast = fastExecution(x, now);
  const parsed = ExecutionInput.safeParse(x);
  if (parsed.success) expect(fast, JSON.stringify(x) ?? String(x)).toEqual(parsed.data);
  else if (fast !== null) expect.fail(`zod rejects, the fast path accepts: ${JSON.stringify(x)}`);
  return parsed.success;
}

describe('fastExecution ≡ ExecutionInput', () => {
  it('returns zod’s output for every valid demo item', () => {
    const all = items();
    expect(all.length).toBe(400);
    for (const x of all) expect(check(x)).toBe(true);
  });

  it('agrees with zod on 20,000 seeded random mutations (valid ones included)', () => {
    const all = items();
    const r = rng(42);
    let valid = 0;
    for (let i = 0; i < 20_000; i++) if (check(mutate(all[i % all.length], r))) valid += 1;
    // Both outcomes are exercised: plenty of mutations stay valid, plenty do not.
    expect(valid).toBeGreaterThan(2_000);
    expect(valid).toBeLessThan(18_000);
  });
});
