import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { idHex } from '@/lib/otlp/spans';
import { garbageJson, json, type Body } from './fuzz-bodies';
import { hostileKey, hostileNumber, hostileString, hostileValue, rawLiteral, toJson } from './fuzz-values';

// OTLP/HTTP trace bodies: GenAI-shaped spans with hostile ids, times and attribute values (JSON),
// random protobuf bytes, broken gzip and a gzip bomb. The trace ids a body names are returned so
// the suite can check that every stored execution came from a request that was answered 2xx.

const hex = (n: number) => fc.uint8Array({ minLength: n, maxLength: n }).map((b) => Buffer.from(b).toString('hex'));
const nowNs = () => `${Date.now() - 60_000}000000`;

const attrKey = fc.oneof(
  fc.constantFrom('gen_ai.system', 'gen_ai.provider.name', 'gen_ai.request.model', 'gen_ai.response.model', 'gen_ai.usage.input_tokens',
    'gen_ai.usage.output_tokens', 'gen_ai.operation.name', 'flowmason.pipeline_id', 'flowmason.metadata.user', 'service.name', 'error.type'),
  hostileKey,
);
const attrValue = fc.oneof(
  fc.record({ stringValue: fc.oneof(hostileString, fc.constantFrom('openai', 'gpt-4o-mini', 'chat')) }),
  fc.record({ intValue: fc.oneof(hostileString, hostileNumber.map(String), rawLiteral, fc.constant('120')) }),
  fc.record({ doubleValue: hostileNumber }),
  fc.record({ boolValue: hostileValue }),
  fc.record({ arrayValue: fc.record({ values: hostileValue }) }),
  hostileValue,
);
const attributes = fc.array(fc.record({ key: attrKey, value: attrValue }), { maxLength: 6 });

const span = fc.record({
  traceId: fc.oneof({ weight: 4, arbitrary: hex(16) }, { weight: 1, arbitrary: hostileValue }),
  spanId: fc.oneof({ weight: 4, arbitrary: hex(8) }, { weight: 1, arbitrary: hostileValue }),
  parentSpanId: fc.option(fc.oneof(hex(8), hostileValue)),
  name: fc.oneof(hostileString, fc.constant('chat gpt-4o-mini')),
  startTimeUnixNano: fc.oneof(fc.constant(null).map(nowNs), hostileValue),
  endTimeUnixNano: fc.oneof(fc.constant(null).map(nowNs), hostileValue),
  flags: fc.oneof(fc.constantFrom(0, 0x100, 0x300), hostileValue),
  status: fc.oneof(fc.record({ code: fc.integer({ min: 0, max: 2 }), message: hostileString }), hostileValue),
  attributes,
  events: fc.option(fc.array(fc.record({ name: fc.constantFrom('exception', 'x'), attributes }), { maxLength: 2 })),
}, { requiredKeys: ['traceId', 'spanId', 'name', 'startTimeUnixNano', 'endTimeUnixNano', 'attributes'] });

const request = fc.record({
  resourceSpans: fc.array(fc.record({
    resource: fc.record({ attributes }),
    scopeSpans: fc.array(fc.record({ scope: fc.record({ name: hostileString }), spans: fc.array(span, { maxLength: 5 }) }), { maxLength: 2 }),
  }), { minLength: 1, maxLength: 1 }),
});

/** Trace ids (as the app stores them) that a request body names anywhere. */
function traceIdsOf(body: { resourceSpans: { scopeSpans: { spans: { traceId: unknown }[] }[] }[] }): string[] {
  return body.resourceSpans.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans.map((sp) => idHex(sp.traceId, 16)))).filter((t): t is string => t !== null);
}

const protobuf = (bytes: Buffer, contentEncoding?: string, mustReject = false): Body => ({ bytes, contentType: 'application/x-protobuf', contentEncoding, mustReject });

export const otlpBody: fc.Arbitrary<Body> = fc.oneof(
  { weight: 6, arbitrary: request.map((r) => json(toJson(r), false, traceIdsOf(r))) },
  { weight: 2, arbitrary: fc.uint8Array({ maxLength: 600 }).map((b) => protobuf(Buffer.from(b))) },
  { weight: 1, arbitrary: fc.uint8Array({ minLength: 1, maxLength: 300 }).map((b) => protobuf(Buffer.from(b), 'gzip', true)) },
  // 8 MB of zeros: 8 KB on the wire, over the 5 MB limit once inflated.
  { weight: 1, arbitrary: fc.constant(protobuf(gzipSync(Buffer.alloc(8 * 1024 * 1024)), 'gzip', true)) },
  { weight: 1, arbitrary: fc.constantFrom('br', 'deflate', 'gzip, gzip', 'x-unknown').map((enc) => ({ ...json('{}', true), contentEncoding: enc })) },
  { weight: 2, arbitrary: garbageJson(5 * 1024 * 1024).map((b) => ({ ...b, mustReject: b.contentType !== 'application/json' || b.bytes!.length > 5 * 1024 * 1024 })) },
);
