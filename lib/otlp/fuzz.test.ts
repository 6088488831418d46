import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromDomainError } from '@/lib/api/errors';
import { InvalidInputError } from '@/lib/errors';
import { closeDb, getPool } from '@/lib/db/client';
import { newOrg } from '@/tests/helpers';
import { decodeOtlpBody } from './decode';
import { ingestTraces } from './ingest-traces';
import { planTraces } from './plan';
import { rootToJson } from './root-row';
import { OtlpShapeError, readSpans } from './spans';

// Hostile OTLP/JSON bodies (odd ids, times, attribute values, NUL, lone surrogates, huge numbers):
// decoding and planning never throw anything but a shape error, nothing stored can be refused by
// PostgreSQL, and the whole path on a real database answers instead of failing.

const NOW_NS = `${Date.now() - 60_000}000000`;
const text = fc.oneof(fc.string(), fc.constantFrom('\u0000', 'a\u0000b', '\uD800', 'x\uDC00', '😀'.repeat(80), 'gpt-4o-mini', 'openai', ''));
const num = fc.oneof(fc.double(), fc.integer(), fc.constantFrom(1e300, -1, 2 ** 63, Number.MAX_SAFE_INTEGER));
const scalar = fc.oneof(text, num, fc.boolean(), fc.constant(null));
const anyValue = fc.oneof(
  fc.record({ stringValue: text }), fc.record({ intValue: fc.oneof(num.map(String), num, text) }), fc.record({ doubleValue: fc.oneof(num, text) }),
  fc.record({ boolValue: scalar }), fc.record({ arrayValue: fc.record({ values: fc.array(fc.record({ stringValue: text }), { maxLength: 3 }) }) }), scalar,
);
const key = fc.oneof(fc.constantFrom('gen_ai.provider.name', 'gen_ai.request.model', 'gen_ai.usage.input_tokens', 'gen_ai.usage.cache_read.input_tokens',
  'gen_ai.usage.cost', 'gen_ai.operation.name', 'error.type', 'flowmason.pipeline_id', 'flowmason.metadata.user', 'service.name'), text);
const attributes = fc.array(fc.record({ key, value: anyValue }), { maxLength: 8 });
const hex = (n: number) => fc.uint8Array({ minLength: n, maxLength: n }).map((b) => Buffer.from(b).toString('hex'));
const time = fc.oneof({ weight: 4, arbitrary: fc.constant(NOW_NS) }, { weight: 1, arbitrary: fc.oneof(num, text, fc.bigInt({ min: 0n, max: 2n ** 70n }).map(String)) });
const span = (traceId: string) => fc.record({
  traceId: fc.oneof({ weight: 5, arbitrary: fc.constant(traceId) }, { weight: 1, arbitrary: fc.oneof(text, num) }),
  spanId: fc.oneof({ weight: 5, arbitrary: hex(8) }, { weight: 1, arbitrary: text }),
  parentSpanId: fc.option(hex(8)),
  name: fc.oneof(text, scalar),
  startTimeUnixNano: time,
  endTimeUnixNano: time,
  flags: fc.oneof(fc.constantFrom(0x100, 0x300), num),
  status: fc.oneof(fc.record({ code: fc.integer({ min: 0, max: 3 }), message: text }), scalar),
  attributes,
  events: fc.option(fc.array(fc.record({ name: fc.constantFrom('exception', 'x'), attributes }), { maxLength: 2 })),
});
const body = hex(16).chain((traceId) => fc.record({
  resourceSpans: fc.array(fc.record({ resource: fc.record({ attributes }), scopeSpans: fc.array(fc.record({ spans: fc.array(span(traceId), { maxLength: 5 }) }), { maxLength: 2 }) }), { maxLength: 2 }),
}));

const storable = (value: unknown) => !/\\u0000|\\ud[89ab][0-9a-f]{2}(?!\\ud[c-f])|(?<!\\ud[89ab][0-9a-f]{2})\\ud[c-f][0-9a-f]{2}/i.test(JSON.stringify(value, (_, v) => (typeof v === 'bigint' ? String(v) : v)));

describe('hostile OTLP bodies', () => {
  it('decode and plan without throwing, into rows PostgreSQL accepts', () => {
    fc.assert(fc.property(body, (b) => {
      const read = readSpans(b);
      const plan = planTraces(read.spans, { existing: new Set(), stored: new Map() });
      expect(storable(plan.bufferStages.map((s) => s.stage))).toBe(true);
      expect(storable(plan.bufferRoots.map(rootToJson))).toBe(true);
      expect(storable(plan.executions.map((e) => e.item))).toBe(true);
    }), { numRuns: 400 });
    expect(() => readSpans('x')).toThrow(OtlpShapeError);
  });

  it('random protobuf bytes decode to spans or a 400, never anything else', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
      try {
        const read = decodeOtlpBody({ format: 'protobuf', bytes: Buffer.from(bytes) });
        const plan = planTraces(read.spans, { existing: new Set(), stored: new Map() });
        expect(storable(plan.bufferStages.map((st) => st.stage))).toBe(true);
      } catch (err) {
        expect(err).toBeInstanceOf(InvalidInputError);
        expect(fromDomainError(err)?.status).toBe(400);
      }
    }), { numRuns: 1000 });
  });

  describe('on a real database', () => {
    let orgId: string;
    beforeAll(async () => {
      orgId = (await newOrg('otlp-fuzz')).id;
    });
    afterAll(closeDb);

    it('buffers and stores NUL and lone surrogates cleaned, not refused', async () => {
      const traceId = 'ab'.repeat(16);
      const child = { traceId, spanId: '01'.repeat(8), parentSpanId: '02'.repeat(8), name: 'chat\uD800', startTimeUnixNano: NOW_NS, endTimeUnixNano: NOW_NS,
        attributes: [{ key: 'gen_ai.request.model', value: { stringValue: 'gpt\u0000-4o' } }, { key: 'gen_ai.provider.name', value: { stringValue: '\uDC00openai' } }] };
      const root = { traceId, spanId: '02'.repeat(8), name: 'run\u0000', startTimeUnixNano: NOW_NS, endTimeUnixNano: NOW_NS, attributes: [] };
      const wrap = (...spans: unknown[]) => ({ resourceSpans: [{ scopeSpans: [{ spans }] }] });
      expect(await ingestTraces(getPool(), orgId, readSpans(wrap(child)))).toBeNull();
      expect(await ingestTraces(getPool(), orgId, readSpans(wrap(root)))).toBeNull();
      const { rows } = await getPool().query('SELECT stage_id, model, provider FROM stage_executions WHERE org_id = $1 AND execution_id = $2', [orgId, traceId]);
      expect(rows).toEqual([{ stage_id: 'chat\uFFFD', model: 'gpt-4o', provider: '\uFFFDopenai' }]);
    });

    it('always answers (stored, waiting or rejected), never fails', async () => {
      await fc.assert(fc.asyncProperty(body, async (b) => {
        const result = await ingestTraces(getPool(), orgId, readSpans(b));
        if (result) expect(result.rejectedSpans).toBeGreaterThan(0);
      }), { numRuns: 60 });
    });
  });
});
