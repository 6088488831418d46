import { describe, expect, it } from 'vitest';
import { spanToStage } from './gen-ai';
import { planTraces, type StoredSpan, type TraceState } from './plan';
import { chatSpan, makeSpan } from '@/tests/support/otlp-spans';

const none: TraceState = { existing: new Set(), stored: new Map() };
const model = { 'gen_ai.request.model': 'gpt-4o-mini', 'gen_ai.usage.input_tokens': 10 };

function storedOf(traceId: string, entries: Array<[string, StoredSpan]>): TraceState['stored'] {
  return new Map([[traceId, new Map(entries)]]);
}

describe('planTraces', () => {
  const root = makeSpan({ name: 'run' });
  const a = chatSpan(root, model, { startMs: 1 });
  const b = chatSpan(root, model, { startMs: 2 });
  const http = makeSpan({ traceId: root.traceId, parentSpanId: root.spanId, attrs: { 'http.method': 'POST' } });

  it('completes a trace whose root and GenAI spans come together', () => {
    const plan = planTraces([a, http, b, root], none);
    expect(plan.executions).toHaveLength(1);
    expect(plan.executions[0]).toMatchObject({ traceId: root.traceId, requestSpans: 4 });
    expect(plan.executions[0].item.stages).toHaveLength(2);
    expect(plan.bufferStages).toEqual([]);
  });

  it('buffers GenAI spans (only) while the root is missing', () => {
    const plan = planTraces([a, http], none);
    expect(plan.executions).toEqual([]);
    expect(plan.bufferStages.map((s) => s.spanId)).toEqual([a.spanId]);
    expect(plan.bufferRoots).toEqual([]);
  });

  it('completes with the buffered spans when the root arrives later', () => {
    const state = { existing: new Set<string>(), stored: storedOf(root.traceId, [[a.spanId, { done: false, stage: spanToStage(a), root: null }]]) };
    const plan = planTraces([b, root], state);
    expect(plan.executions[0].consumed.map((s) => s.spanId).sort()).toEqual([a.spanId, b.spanId].sort());
    expect(plan.executions[0].requestSpans).toBe(2);
  });

  it('treats a re-export of a stored trace as duplicates, and a new span without its root as late', () => {
    const stored = storedOf(root.traceId, [[a.spanId, { done: true, stage: null, root: null }]]);
    const state = { existing: new Set([root.traceId]), stored };
    expect(planTraces([a, b, root], state)).toMatchObject({ executions: [], bufferStages: [], late: { spans: 0 }, duplicates: 2 });
    expect(planTraces([a, b], state)).toMatchObject({ executions: [], bufferStages: [], late: { spans: 1, traces: [root.traceId] }, duplicates: 1 });
  });

  it('does not buffer a span twice', () => {
    const state = { existing: new Set<string>(), stored: storedOf(root.traceId, [[a.spanId, { done: false, stage: spanToStage(a), root: null }]]) };
    expect(planTraces([a, b], state)).toMatchObject({ duplicates: 1, bufferStages: [{ spanId: b.spanId }] });
  });

  it('lets a root with no GenAI span yet wait for them, unless it names its pipeline', () => {
    const plain = makeSpan({ attrs: { 'http.route': '/health' } });
    expect(planTraces([plain], none)).toMatchObject({ executions: [], bufferRoots: [plain] });
    const marked = makeSpan({ attrs: { 'flowmason.pipeline_id': 'nightly' } });
    expect(planTraces([marked], none).executions[0].item).toMatchObject({ pipeline_id: 'nightly', stages: [] });
  });

  it('completes a waiting root when its GenAI spans come after it', () => {
    const state = { existing: new Set<string>(), stored: storedOf(root.traceId, [[root.spanId, { done: false, stage: null, root }]]) };
    const plan = planTraces([a, b], state);
    expect(plan).toMatchObject({ bufferStages: [], bufferRoots: [] });
    expect(plan.executions[0]).toMatchObject({ traceId: root.traceId, requestSpans: 2, item: { id: root.traceId, duration_ms: 100 } });
    expect(plan.executions[0].consumed.map((s) => s.spanId)).toEqual([a.spanId, b.spanId, root.spanId]);
    // A root sent again while it waits is not buffered twice.
    expect(planTraces([root], state).bufferRoots).toEqual([]);
  });

  it('counts a GenAI root as its own stage and prefers the true root over a local root', () => {
    const single = makeSpan({ attrs: { ...model, 'gen_ai.operation.name': 'chat' } });
    expect(planTraces([single], none).executions[0].item.stages).toHaveLength(1);
    const local = makeSpan({ traceId: root.traceId, parentSpanId: 'bbbbbbbbbbbbbbbb', parentIsRemote: true, startMs: -5 });
    expect(planTraces([local, root, a], none).executions[0].item.metadata).toMatchObject({ root_span: 'run' });
  });
});
