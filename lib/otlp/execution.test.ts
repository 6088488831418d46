import { describe, expect, it } from 'vitest';
import { ExecutionInput } from '@/lib/schemas/ingest';
import { buildExecution, isMarkedPipeline, isRootSpan, pipelineIdOf } from './execution';
import { spanToStage } from './gen-ai';
import { chatSpan, makeSpan } from '@/tests/support/otlp-spans';

describe('buildExecution', () => {
  const root = makeSpan({ name: 'answer-question', durationMs: 2500, resource: { 'service.name': 'support-bot', 'service.version': '1.4.0', 'deployment.environment.name': 'prod' } });
  const late = spanToStage(chatSpan(root, { 'gen_ai.request.model': 'gpt-4o' }, { startMs: 900 }));
  const early = spanToStage(chatSpan(root, { 'gen_ai.request.model': 'gpt-4o-mini' }, { startMs: 10 }));

  it('makes the root an execution keyed by its trace id with stages in call order', () => {
    const e = buildExecution(root, [late, early]);
    expect(e).toMatchObject({
      id: root.traceId,
      pipeline_id: 'support-bot',
      status: 'success',
      started_at: '2026-11-20T10:00:00.000Z',
      duration_ms: 2500,
      metadata: { service: 'support-bot', version: '1.4.0', environment: 'prod', root_span: 'answer-question' },
    });
    expect(e.stages!.map((s) => s.model)).toEqual(['gpt-4o-mini', 'gpt-4o']);
    expect(e).not.toHaveProperty('error_type');
    expect(ExecutionInput.safeParse(e).success).toBe(true);
  });

  it('orders calls that start within the same millisecond by their nanoseconds', () => {
    const first = spanToStage(chatSpan(root, { 'gen_ai.request.model': 'first' }, { spanId: 'ffffffffffffffff' }));
    const second = spanToStage(chatSpan(root, { 'gen_ai.request.model': 'second' }, { spanId: '0000000000000001' }));
    const later = { ...second, startNs: second.startNs + 1000n };
    expect(buildExecution(root, [later, first]).stages!.map((s) => s.model)).toEqual(['first', 'second']);
  });

  it('takes pipeline_id from flowmason.pipeline_id on the span, then the resource, then service.name', () => {
    expect(pipelineIdOf(makeSpan({ attrs: { 'flowmason.pipeline_id': 'from-span' }, resource: { 'flowmason.pipeline_id': 'from-res', 'service.name': 's' } }))).toBe('from-span');
    expect(pipelineIdOf(makeSpan({ resource: { 'flowmason.pipeline_id': 'from-res', 'service.name': 's' } }))).toBe('from-res');
    expect(pipelineIdOf(makeSpan({ resource: { 'service.name': 's' } }))).toBe('s');
    expect(pipelineIdOf(makeSpan({ resource: {} }))).toBe('unknown_service');
    expect(isMarkedPipeline(makeSpan({ resource: { 'flowmason.pipeline_id': 'x' } }))).toBe(true);
    expect(isMarkedPipeline(makeSpan())).toBe(false);
  });

  it('fails the execution when the root span is ERROR, taking the failing call\'s error type', () => {
    const failedRoot = { ...root, statusCode: 2, statusMessage: 'upstream said 429' };
    const failedCall = spanToStage(chatSpan(root, { 'error.type': 'openai.RateLimitError' }, { statusCode: 2 }));
    const e = buildExecution(failedRoot, [early, failedCall]);
    expect(e).toMatchObject({ status: 'failed', error_type: 'rate_limit', error_message: 'upstream said 429' });
    // The root's own error.type wins; an exception event fills the message when the status has none.
    const own = buildExecution({ ...root, statusCode: 2, attributes: { 'error.type': 'TimeoutError' }, exception: { type: 'X', message: 'boom' } }, [failedCall]);
    expect(own).toMatchObject({ error_type: 'timeout', error_message: 'boom' });
    // With no error type anywhere the ingest path derives one from the message.
    expect(buildExecution({ ...root, statusCode: 2, statusMessage: 'deadline exceeded' }, [])).not.toHaveProperty('error_type');
  });

  it('keeps a run that recovered from a failed call successful', () => {
    const failedCall = spanToStage(chatSpan(root, { 'error.type': 'timeout' }, { statusCode: 2 }));
    expect(buildExecution(root, [failedCall, early])).toMatchObject({ status: 'success' });
  });

  it('passes flowmason.metadata.* attributes through as metadata, at most 32 keys', () => {
    const attrs = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`flowmason.metadata.k${i}`, i]));
    const e = buildExecution(makeSpan({ attrs: { ...attrs, 'flowmason.metadata.user_id': 'u-1' } }), []);
    expect(Object.keys(e.metadata!)).toHaveLength(32);
    expect(e.metadata).toMatchObject({ service: 'test-service', k0: 0 });
  });
});

describe('isRootSpan', () => {
  it('is a span with no parent, or one whose parent is in another process', () => {
    expect(isRootSpan(makeSpan())).toBe(true);
    expect(isRootSpan(makeSpan({ parentSpanId: 'aaaaaaaaaaaaaaaa' }))).toBe(false);
    expect(isRootSpan(makeSpan({ parentSpanId: 'aaaaaaaaaaaaaaaa', parentIsRemote: true }))).toBe(true);
  });
});
