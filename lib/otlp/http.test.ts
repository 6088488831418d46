import { gzipSync } from 'node:zlib';
import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { otlpBody as readOtlpBody } from '@/lib/api/body';
import { ApiError, errorResponse, fromDomainError } from '@/lib/api/errors';
import { MAX_BODY_BYTES } from '@/lib/schemas/ingest';
import { decodeOtlpBody } from './decode';
import { decodeProtobufResponse, decodeProtobufStatus } from './proto';
import { otlpFormat } from './format';
import { otlpSuccess, withOtlpErrors } from './response';

// The HTTP edges of the OTLP route: content types, gzip and its limits, undecodable bodies, and
// answers in the request's own encoding.

const URL_ = 'http://localhost/api/v1/otlp/v1/traces';
const post = (body: BodyInit, headers: Record<string, string>) => new Request(URL_, { method: 'POST', body, headers });
const status = async (p: Promise<unknown>) => p.then(() => 200, (e: unknown) => (e instanceof ApiError ? e : fromDomainError(e))?.status ?? 500);

describe('the OTLP body reader (lib/api/body.ts otlpBody)', () => {
  it('knows the two OTLP encodings by Content-Type and refuses the rest with 415', async () => {
    expect(otlpFormat('application/json; charset=utf-8')).toBe('json');
    expect(otlpFormat('application/x-protobuf')).toBe('protobuf');
    expect(otlpFormat('text/plain')).toBeNull();
    expect(await status(readOtlpBody(post('{}', { 'content-type': 'text/plain' })))).toBe(415);
    expect(await status(readOtlpBody(post('{}', { 'content-type': 'application/json', 'content-encoding': 'br' })))).toBe(415);
  });

  it('undoes gzip and holds the 5 MB limit on the wire and after decompression', async () => {
    const body = await readOtlpBody(post(gzipSync('{"resourceSpans":[]}'), { 'content-type': 'application/json', 'content-encoding': 'gzip' }));
    expect(body.bytes.toString()).toBe('{"resourceSpans":[]}');
    const bomb = gzipSync(Buffer.alloc(MAX_BODY_BYTES + 1));
    expect(bomb.length).toBeLessThan(10_000);
    expect(await status(readOtlpBody(post(bomb, { 'content-type': 'application/x-protobuf', 'content-encoding': 'gzip' })))).toBe(413);
    expect(await status(readOtlpBody(post(Buffer.alloc(MAX_BODY_BYTES + 1), { 'content-type': 'application/x-protobuf' })))).toBe(413);
    expect(await status(readOtlpBody(post('not gzip', { 'content-type': 'application/json', 'content-encoding': 'gzip' })))).toBe(400);
  });
});

describe('decodeOtlpBody', () => {
  it('answers 400 for bodies that are not an ExportTraceServiceRequest, and takes an empty body as empty', async () => {
    const decode = (format: 'json' | 'protobuf', bytes: Buffer) => status(Promise.resolve().then(() => decodeOtlpBody({ format, bytes })));
    expect(await decode('json', Buffer.from('{nope'))).toBe(400);
    expect(await decode('json', Buffer.from('[1]'))).toBe(400);
    expect(await decode('json', Buffer.from([0xc3, 0x28]))).toBe(400);
    expect(await decode('protobuf', Buffer.from([0x0a, 0xff, 0xff, 0xff, 0x0f]))).toBe(400);
    expect(decodeOtlpBody({ format: 'protobuf', bytes: Buffer.alloc(0) })).toEqual({ spans: [], invalid: 0, reasons: [] });
  });
});

describe('OTLP responses', () => {
  it('leaves partialSuccess unset on full success and fills it otherwise, in either encoding', async () => {
    expect(await otlpSuccess('json', null).json()).toEqual({});
    expect(await otlpSuccess('json', { rejectedSpans: 2, errorMessage: 'why' }).json()).toEqual({ partialSuccess: { rejectedSpans: '2', errorMessage: 'why' } });
    const proto = otlpSuccess('protobuf', { rejectedSpans: 2, errorMessage: 'why' });
    expect(proto.headers.get('content-type')).toBe('application/x-protobuf');
    expect(decodeProtobufResponse(new Uint8Array(await proto.arrayBuffer()))).toEqual({ partialSuccess: { rejectedSpans: 2, errorMessage: 'why' } });
    expect((await otlpSuccess('protobuf', null).arrayBuffer()).byteLength).toBe(0);
  });

  it('turns the error envelope into a google.rpc.Status, keeping status and headers', async () => {
    const failing = withOtlpErrors(async () => errorResponse(new ApiError(503, 'unavailable', 'database down', undefined, { 'Retry-After': '5' })));
    const req = (type: string) => new NextRequest(URL_, { method: 'POST', headers: { 'content-type': type } });
    const proto = await failing(req('application/x-protobuf'), {});
    expect(proto.status).toBe(503);
    expect(proto.headers.get('retry-after')).toBe('5');
    expect(proto.headers.get('content-type')).toBe('application/x-protobuf');
    expect(decodeProtobufStatus(new Uint8Array(await proto.arrayBuffer()))).toEqual({ code: 14, message: 'database down' });
    const json = await failing(req('application/json'), {});
    expect(await json.json()).toEqual({ code: 14, message: 'database down', error: { code: 'unavailable', message: 'database down' } });
  });
});
