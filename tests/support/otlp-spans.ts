import { randomBytes } from 'node:crypto';
import type { Attributes } from '@/lib/otlp/attributes';
import type { OtlpSpan } from '@/lib/otlp/spans';

// Span factories for the OTLP unit and integration tests.

export const newTraceId = () => randomBytes(16).toString('hex');
export const newSpanId = () => randomBytes(8).toString('hex');

const MS = 1_000_000n;

/** A span starting `startMs` ms after `base` and lasting `durationMs`. */
export function makeSpan(
  opts: Partial<Omit<OtlpSpan, 'startNs' | 'endNs'>> & { base?: number; startMs?: number; durationMs?: number; attrs?: Attributes } = {},
): OtlpSpan {
  const { base = Date.parse('2026-11-20T10:00:00Z'), startMs = 0, durationMs = 100, attrs, ...rest } = opts;
  const startNs = BigInt(base + startMs) * MS;
  return {
    traceId: newTraceId(),
    spanId: newSpanId(),
    parentSpanId: null,
    parentIsRemote: false,
    name: 'span',
    statusCode: 0,
    statusMessage: '',
    attributes: attrs ?? {},
    resource: { 'service.name': 'test-service' },
    exception: null,
    ...rest,
    startNs,
    endNs: startNs + BigInt(durationMs) * MS,
  };
}

/** A GenAI chat span under `parent` in the same trace. */
export function chatSpan(parent: OtlpSpan, attrs: Attributes, opts: Parameters<typeof makeSpan>[0] = {}): OtlpSpan {
  return makeSpan({
    traceId: parent.traceId,
    parentSpanId: parent.spanId,
    name: `chat ${String(attrs['gen_ai.request.model'] ?? '')}`.trim(),
    resource: parent.resource,
    attrs: { 'gen_ai.operation.name': 'chat', 'gen_ai.provider.name': 'openai', ...attrs },
    ...opts,
  });
}
