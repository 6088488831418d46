import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb, getPool } from '@/lib/db/client';
import { newOrg } from '@/tests/helpers';
import { ingestTraces } from './ingest-traces';
import { cleanupExpired } from './pending';
import type { OtlpSpan } from './spans';
import { chatSpan, makeSpan } from '@/tests/support/otlp-spans';

// The OTLP ingest path on a real database: buffering, completion, re-export, late spans,
// validation failures, tenant isolation, the TTL, and concurrent requests for the same traces.

const read = (spans: OtlpSpan[]) => ingestTraces(getPool(), orgId, { spans, invalid: 0, reasons: [] });
const q = async <T,>(text: string, values: unknown[]) => (await getPool().query(text, values)).rows as T[];
const recent = Date.now() - 3_600_000;
let orgId: string;
let otherOrg: string;

function trace(n = 2, rootAttrs = {}) {
  const root = makeSpan({ base: recent, name: 'run', durationMs: 3000, attrs: rootAttrs, resource: { 'service.name': 'otel-bot' } });
  const calls = Array.from({ length: n }, (_, i) =>
    chatSpan(root, { 'gen_ai.request.model': 'gpt-4o-mini', 'gen_ai.usage.input_tokens': 1000, 'gen_ai.usage.output_tokens': 200 }, { base: recent, startMs: 10 + i }),
  );
  return { root, calls };
}

describe('ingestTraces on a real database', () => {
  beforeAll(async () => {
    orgId = (await newOrg('otlp')).id;
    otherOrg = (await newOrg('otlp-other')).id;
  });
  afterAll(closeDb);

  it('buffers GenAI spans until the root arrives, then stores one priced execution', async () => {
    const { root, calls } = trace(2);
    expect(await read(calls)).toBeNull();
    expect(await q('SELECT span_id FROM otlp_pending_spans WHERE org_id = $1 AND trace_id = $2 AND NOT done', [orgId, root.traceId])).toHaveLength(2);
    expect(await q('SELECT 1 FROM executions WHERE org_id = $1 AND id = $2', [orgId, root.traceId])).toHaveLength(0);

    expect(await read([root])).toBeNull();
    const [e] = await q<{ pipeline_id: string; stage_count: number; cost: number }>(
      'SELECT pipeline_id, stage_count, cost_usd::float8 AS cost FROM executions WHERE org_id = $1 AND id = $2', [orgId, root.traceId]);
    expect(e).toMatchObject({ pipeline_id: 'otel-bot', stage_count: 2 });
    expect(e.cost).toBeCloseTo(2 * (1000 * 0.15 + 200 * 0.6) / 1e6, 9);
    const stages = await q<{ cost_source: string }>('SELECT cost_source FROM stage_executions WHERE org_id = $1 AND execution_id = $2', [orgId, root.traceId]);
    expect(stages.map((s) => s.cost_source)).toEqual(['catalog', 'catalog']);
    const rows = await q<{ done: boolean; payload: unknown }>('SELECT done, payload FROM otlp_pending_spans WHERE org_id = $1 AND trace_id = $2', [orgId, root.traceId]);
    expect(rows).toEqual([{ done: true, payload: null }, { done: true, payload: null }]);
  });

  it('takes a re-export as a no-op and rejects a GenAI span that comes after its stored trace', async () => {
    const { root, calls } = trace(2);
    expect(await read([...calls, root])).toBeNull();
    expect(await read([...calls, root])).toBeNull();
    expect(await read([calls[0]])).toBeNull();
    const late = chatSpan(root, { 'gen_ai.request.model': 'gpt-4o' }, { base: recent, startMs: 50 });
    const partial = await read([late]);
    expect(partial).toMatchObject({ rejectedSpans: 1 });
    expect(partial!.errorMessage).toMatch(/after their trace was already stored/);
    expect(await q('SELECT 1 FROM executions WHERE org_id = $1 AND id = $2', [orgId, root.traceId])).toHaveLength(1);
    expect(await q('SELECT 1 FROM stage_executions WHERE org_id = $1 AND execution_id = $2', [orgId, root.traceId])).toHaveLength(2);
  });

  it('rejects a trace that fails validation (all its spans in the request) and forgets its buffer', async () => {
    const future = makeSpan({ base: Date.now() + 3_600_000, name: 'run', attrs: { 'flowmason.pipeline_id': 'p' } });
    const call = chatSpan(future, { 'gen_ai.request.model': 'gpt-4o-mini' }, { base: Date.now() + 3_600_000 });
    const other = trace(1);
    expect(await read([call])).toBeNull();
    const partial = await read([future, ...other.calls, other.root]);
    expect(partial).toMatchObject({ rejectedSpans: 1 });
    expect(partial!.errorMessage).toContain(`trace ${future.traceId}: started_at must not be more than 5 minutes in the future`);
    expect(await q('SELECT 1 FROM otlp_pending_spans WHERE org_id = $1 AND trace_id = $2', [orgId, future.traceId])).toHaveLength(0);
    expect(await q('SELECT 1 FROM executions WHERE org_id = $1 AND id = $2', [orgId, other.root.traceId])).toHaveLength(1);
  });

  it.each<{ field: string; root: Record<string, string>; call: Record<string, string>; message: RegExp }>([
    { field: 'model', root: {}, call: { 'gen_ai.request.model': '  ' }, message: /stages\.0\.model must not be empty or only whitespace/ },
    { field: 'provider', root: {}, call: { 'gen_ai.request.model': 'gpt-4o-mini', 'gen_ai.provider.name': '' }, message: /stages\.0\.provider must not be empty/ },
    { field: 'error_type', root: {}, call: { 'gen_ai.request.model': 'gpt-4o-mini', 'error.type': ' ' }, message: /stages\.0\.error_type must not be empty/ },
    { field: 'pipeline_id', root: { 'flowmason.pipeline_id': '' }, call: { 'gen_ai.request.model': 'gpt-4o-mini' }, message: /pipeline_id must be 1–128 characters/ },
  ])('rejects a trace whose $field is blank (its spans in the partial success), never storing ""', async ({ root: rootAttrs, call: callAttrs, message }) => {
    const root = makeSpan({ base: recent, name: 'run', durationMs: 3000, attrs: rootAttrs, resource: { 'service.name': 'otel-bot' } });
    const call = chatSpan(root, callAttrs, { base: recent, startMs: 10 });
    const partial = await read([root, call]);
    expect(partial).toMatchObject({ rejectedSpans: 2 });
    expect(partial!.errorMessage).toMatch(message);
    expect(await q('SELECT 1 FROM executions WHERE org_id = $1 AND id = $2', [orgId, root.traceId])).toHaveLength(0);
  });

  it('completes a trace whose root came first when its GenAI spans follow', async () => {
    const { root, calls } = trace(2);
    expect(await read([root])).toBeNull();
    const [waiting] = await q<{ is_root: boolean; minutes: number }>(
      `SELECT is_root, extract(epoch FROM expires_at - now())::float8 / 60 AS minutes FROM otlp_pending_spans WHERE org_id = $1 AND span_id = $2`, [orgId, root.spanId]);
    expect(waiting.is_root).toBe(true);
    expect(waiting.minutes).toBeGreaterThan(14);
    expect(waiting.minutes).toBeLessThanOrEqual(15);
    expect(await read(calls)).toBeNull();
    const [e] = await q<{ duration_ms: number; stage_count: number; metadata: Record<string, unknown> }>(
      'SELECT duration_ms, stage_count, metadata FROM executions WHERE org_id = $1 AND id = $2', [orgId, root.traceId]);
    expect(e).toMatchObject({ duration_ms: 3000, stage_count: 2, metadata: { service: 'otel-bot', root_span: 'run' } });
  });

  it('never completes one organisation\'s trace with another\'s buffered spans', async () => {
    const { root, calls } = trace(1);
    expect(await read(calls)).toBeNull();
    await ingestTraces(getPool(), otherOrg, { spans: [root], invalid: 0, reasons: [] });
    expect(await q('SELECT org_id FROM executions WHERE id = $1', [root.traceId])).toHaveLength(0);
    expect(await read([root])).toBeNull();
    expect(await q('SELECT org_id FROM executions WHERE id = $1', [root.traceId])).toEqual([{ org_id: orgId }]);
  });

  it('ignores expired rows, and deletes them lazily', async () => {
    const { root, calls } = trace(2);
    await read(calls);
    await getPool().query(`UPDATE otlp_pending_spans SET expires_at = now() - interval '1 second' WHERE org_id = $1 AND span_id = $2`, [orgId, calls[0].spanId]);
    const client = await getPool().connect();
    try {
      expect(await cleanupExpired(client, orgId, Date.now() + 3_600_000)).toBe(1);
      expect(await cleanupExpired(client, orgId, Date.now() + 3_600_000)).toBe(0); // throttled
    } finally {
      client.release();
    }
    expect(await q('SELECT span_id FROM otlp_pending_spans WHERE org_id = $1 AND trace_id = $2', [orgId, root.traceId])).toEqual([{ span_id: calls[1].spanId }]);
    // Expired but not yet deleted: the root completes without it.
    await getPool().query(`UPDATE otlp_pending_spans SET expires_at = now() - interval '1 second' WHERE org_id = $1 AND span_id = $2`, [orgId, calls[1].spanId]);
    const other = chatSpan(root, { 'gen_ai.request.model': 'gpt-4o' }, { base: recent, startMs: 30 });
    expect(await read([other, root])).toBeNull();
    expect(await q('SELECT model FROM stage_executions WHERE org_id = $1 AND execution_id = $2', [orgId, root.traceId])).toEqual([{ model: 'gpt-4o' }]);
  });

  it('accounts for every span when roots and children of many traces race', async () => {
    const traces = Array.from({ length: 12 }, () => trace(3));
    const results = await Promise.all(traces.flatMap(({ root, calls }) => [read(calls), read([root])]));
    const late = results.reduce((n, r) => n + (r?.rejectedSpans ?? 0), 0);
    const ids = traces.map((t) => t.root.traceId);
    const [{ stages }] = await q<{ stages: number }>('SELECT count(*)::int AS stages FROM stage_executions WHERE org_id = $1 AND execution_id = ANY($2)', [orgId, ids]);
    const [{ executions }] = await q<{ executions: number }>('SELECT count(*)::int AS executions FROM executions WHERE org_id = $1 AND id = ANY($2)', [orgId, ids]);
    const [{ orphans }] = await q<{ orphans: number }>('SELECT count(*)::int AS orphans FROM otlp_pending_spans WHERE org_id = $1 AND trace_id = ANY($2) AND NOT done', [orgId, ids]);
    // Whatever order the requests run in, every call ends up a stage of its execution.
    expect(late).toBe(0);
    expect(stages).toBe(36);
    expect(orphans).toBe(0);
    expect(executions).toBe(12);
  });
});
