import { context, SpanStatusCode, trace } from '@opentelemetry/api';
import { JsonTraceSerializer, ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { describe, expect, it } from 'vitest';
import { decodeProtobufRequest } from './proto';
import { idHex, readSpans, OtlpShapeError } from './spans';

// Requests made by the real OpenTelemetry JS serializers, decoded by our JSON and protobuf paths.
function exportedSpans() {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': 'rag-bot', 'flowmason.pipeline_id': 'rag' }),
    spanProcessors: [new SimpleSpanProcessor(exporter)],
  });
  const tracer = provider.getTracer('test');
  const remote = trace.setSpanContext(context.active(), { traceId: '0af7651916cd43dd8448eb211c80319c', spanId: 'b7ad6b7169203331', traceFlags: 1, isRemote: true });
  const root = tracer.startSpan('handle', {}, remote);
  const chat = tracer.startSpan('chat gpt-4o', { attributes: { 'gen_ai.usage.input_tokens': 1200, 'gen_ai.usage.cost': 0.0042, 'gen_ai.request.model': 'gpt-4o', tags: ['a', 'b'] } }, trace.setSpan(context.active(), root));
  chat.recordException(Object.assign(new Error('slow down'), { name: 'RateLimitError' }));
  chat.setStatus({ code: SpanStatusCode.ERROR, message: 'rate limited' });
  chat.end();
  root.end();
  return exporter.getFinishedSpans();
}

describe('readSpans', () => {
  const spans = exportedSpans();
  const fromJson = readSpans(JSON.parse(new TextDecoder().decode(JsonTraceSerializer.serializeRequest(spans))));
  const fromProto = readSpans(decodeProtobufRequest(ProtobufTraceSerializer.serializeRequest(spans)!));

  it('reads the same spans from OTLP/JSON and OTLP/protobuf', () => {
    expect(fromJson.invalid).toBe(0);
    expect(fromJson.spans).toHaveLength(2);
    expect(fromProto).toEqual(fromJson);
  });

  it('keeps ids, parent links, times, status, attributes, resource and the exception event', () => {
    const [chat, root] = fromProto.spans;
    expect(root).toMatchObject({ traceId: '0af7651916cd43dd8448eb211c80319c', parentSpanId: 'b7ad6b7169203331', parentIsRemote: true, name: 'handle' });
    expect(chat).toMatchObject({
      traceId: root.traceId,
      parentSpanId: root.spanId,
      parentIsRemote: false,
      statusCode: 2,
      statusMessage: 'rate limited',
      attributes: { 'gen_ai.usage.input_tokens': 1200, 'gen_ai.usage.cost': 0.0042, 'gen_ai.request.model': 'gpt-4o', tags: ['a', 'b'] },
      resource: { 'service.name': 'rag-bot', 'flowmason.pipeline_id': 'rag' },
      exception: { type: 'RateLimitError', message: 'slow down' },
    });
    expect(chat.endNs).toBeGreaterThanOrEqual(chat.startNs);
    expect(chat.startNs).toBeGreaterThan(1_700_000_000_000_000_000n);
  });

  it('rejects unusable spans one by one and refuses a body that is not a request', () => {
    const body = { resourceSpans: [{ scopeSpans: [{ spans: [
      { traceId: 'xyz', spanId: '0102030405060708', startTimeUnixNano: '1', endTimeUnixNano: '2' },
      { traceId: '00000000000000000000000000000000', spanId: '0102030405060708', startTimeUnixNano: '1', endTimeUnixNano: '2' },
      { traceId: '0af7651916cd43dd8448eb211c80319c', spanId: '0102030405060708', startTimeUnixNano: 'soon', endTimeUnixNano: '2' },
      { traceId: '0AF7651916CD43DD8448EB211C80319C', spanId: '0102030405060708', startTimeUnixNano: 1, endTimeUnixNano: '2' },
      { traceId: '0af7651916cd43dd8448eb211c80319c', spanId: '0102030405060708', startTimeUnixNano: '5', endTimeUnixNano: '4' },
      { traceId: '0af7651916cd43dd8448eb211c80319c', spanId: '0102030405060708', startTimeUnixNano: 1e300, endTimeUnixNano: 1e300 },
      7,
    ] }] }] };
    const read = readSpans(body);
    expect(read.spans.map((s) => s.traceId)).toEqual(['0af7651916cd43dd8448eb211c80319c']);
    expect(read.invalid).toBe(6);
    expect(read.reasons).toEqual([
      'a span has no valid traceId / spanId (16 and 8 bytes, hex in JSON)',
      'a span has no valid startTimeUnixNano / endTimeUnixNano',
      'a span ends (endTimeUnixNano) before it starts',
      'a span is not an object',
    ]);
    expect(readSpans({})).toEqual({ spans: [], invalid: 0, reasons: [] });
    expect(() => readSpans([])).toThrow(OtlpShapeError);
    expect(() => readSpans({ resourceSpans: {} })).toThrow('resourceSpans must be an array');
  });

  it('accepts hex, bytes and base64 ids of the right length only', () => {
    expect(idHex('0102030405060708', 8)).toBe('0102030405060708');
    expect(idHex(Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8]), 8)).toBe('0102030405060708');
    expect(idHex(Buffer.from('0102030405060708', 'hex').toString('base64'), 8)).toBe('0102030405060708');
    expect(idHex('01020304', 8)).toBeNull();
    expect(idHex(undefined, 8)).toBeNull();
    expect(idHex('', 8)).toBeNull();
  });
});
