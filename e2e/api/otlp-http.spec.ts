import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { decodeProtobufStatus } from '../../lib/otlp/proto';
import { sql } from '../db';
import { bearer, cli, lastLine, newOrgWithKey } from '../support';

// OTLP/HTTP at the protocol level: partial success, bad data, auth, and the error encodings.

const URL_ = '/api/v1/otlp/v1/traces';
const hex = (n: number) => randomBytes(n).toString('hex');
const nowNs = () => BigInt(Date.now()) * 1_000_000n;

function span(traceId: string, spanId: string, parentSpanId: string | undefined, attrs: Record<string, string | number>) {
  const start = nowNs() - 2_000_000_000n;
  return {
    traceId, spanId, ...(parentSpanId ? { parentSpanId } : {}), name: parentSpanId ? 'chat' : 'run', kind: 1,
    startTimeUnixNano: String(start), endTimeUnixNano: String(start + 500_000_000n),
    attributes: Object.entries(attrs).map(([key, v]) => ({ key, value: typeof v === 'number' ? { intValue: String(v) } : { stringValue: v } })),
    status: {},
  };
}
const body = (...spans: unknown[]) => ({ resourceSpans: [{ resource: { attributes: [{ key: 'service.name', value: { stringValue: 'raw-otlp' } }] }, scopeSpans: [{ spans }] }] });
const gen = { 'gen_ai.provider.name': 'openai', 'gen_ai.request.model': 'gpt-4o-mini', 'gen_ai.usage.input_tokens': 10 };

// One organisation (and a read-only key in it) for the file: the CLI is the slow part.
let slug: string;
let key: string;
let readOnly: string;
test.beforeAll(() => {
  test.setTimeout(120_000);
  ({ slug, key } = newOrgWithKey('ingest'));
  readOnly = lastLine(cli('key', 'create', '--org', slug, '--scopes', 'read', '--name', 'e2e-read'));
});
test.beforeEach(() => test.setTimeout(120_000));

test('partial success: a span that comes after its trace was stored is rejected and said why', async ({ request }) => {
  const traceId = hex(16);
  const root = hex(8);
  const ok = await request.post(URL_, { headers: { ...bearer(key), 'content-type': 'application/json' }, data: body(span(traceId, root, undefined, {}), span(traceId, hex(8), root, gen)) });
  expect(ok.status()).toBe(200);
  expect(ok.headers()['content-type']).toContain('application/json');
  expect(await ok.json()).toEqual({});
  // gzip'd JSON, with one unusable span next to the late one.
  const late = gzipSync(JSON.stringify(body(span(traceId, hex(8), root, gen), { traceId: 'nope', spanId: hex(8) })));
  const res = await request.post(URL_, { headers: { ...bearer(key), 'content-type': 'application/json', 'content-encoding': 'gzip' }, data: late });
  expect(res.status()).toBe(200);
  const partial = (await res.json()) as { partialSuccess: { rejectedSpans: string; errorMessage: string } };
  expect(partial.partialSuccess.rejectedSpans).toBe('2');
  expect(partial.partialSuccess.errorMessage).toMatch(/no valid traceId.*after their trace was already stored/s);
  const rows = await sql<{ n: number }>('SELECT count(*)::int AS n FROM stage_executions s JOIN organizations o ON o.id = s.org_id WHERE o.slug = $1 AND s.execution_id = $2', [slug, traceId]);
  expect(rows[0].n).toBe(1);
});

test('bad data is a 400 in the request\'s encoding; auth and media type are checked first', async ({ request }) => {
  const proto = await request.post(URL_, { headers: { ...bearer(key), 'content-type': 'application/x-protobuf' }, data: Buffer.from([0x0a, 0xff, 0xff, 0xff, 0x0f]) });
  expect(proto.status()).toBe(400);
  expect(proto.headers()['content-type']).toBe('application/x-protobuf');
  expect(decodeProtobufStatus(await proto.body())).toEqual({ code: 3, message: 'request body is not a valid protobuf ExportTraceServiceRequest' });

  const json = await request.post(URL_, { headers: { ...bearer(key), 'content-type': 'application/json' }, data: '{"resourceSpans": 5}' });
  expect(json.status()).toBe(400);
  expect(await json.json()).toMatchObject({ code: 3, error: { code: 'invalid_request', message: expect.stringContaining('resourceSpans must be an array') } });

  const media = await request.post(URL_, { headers: { ...bearer(key), 'content-type': 'text/plain' }, data: 'hi' });
  expect(media.status()).toBe(415);
  expect((await media.json()).error.details).toMatchObject({ path: 'content-type' });

  const anonymous = await request.post(URL_, { headers: { 'content-type': 'application/x-protobuf' }, data: Buffer.alloc(0) });
  expect(anonymous.status()).toBe(401);
  expect(decodeProtobufStatus(await anonymous.body()).code).toBe(16);
  const forbidden = await request.post(URL_, { headers: { ...bearer(readOnly), 'content-type': 'application/json' }, data: '{}' });
  expect(forbidden.status()).toBe(403);
  expect(await forbidden.json()).toMatchObject({ code: 7, error: { code: 'forbidden' } });

  const empty = await request.post(URL_, { headers: { ...bearer(key), 'content-type': 'application/x-protobuf' }, data: Buffer.alloc(0) });
  expect(empty.status()).toBe(200);
  expect((await empty.body()).length).toBe(0);
});
