import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { otlpMediaFormat, type OtlpBody, type OtlpFormat } from '@/lib/otlp/format';
import { MAX_BODY_BYTES } from '@/lib/schemas/ingest';
import { ApiError, badRequest, errorResponse } from './errors';

// The one reader of request bodies, for the JSON API and OTLP/HTTP alike: the media type checked
// against what the route takes, gzip undone, and a hard byte limit held on the wire (declared or
// actually sent: Content-Length alone is not trusted) and after decompression (zlib stops at the
// limit, so a small gzip bomb never expands into memory). withApi's `read` option takes a reader.

/** Reads (and checks) a request's body for a handler; throws ApiError for the client's mistakes. */
export type BodyReader<T> = (req: Request) => Promise<T>;

export interface MediaRule<F extends string> {
  maxBytes: number;
  /** An accepted media type (lower case, without parameters) → the format handed on; else null. */
  format: (mediaType: string) => F | null;
  /** What the error names as allowed. */
  allowed: string[];
  /** For a Content-Type or Content-Encoding not taken: 400 in the JSON API, 415 in OTLP/HTTP (its specification says so). */
  unsupportedStatus: 400 | 415;
}

const gunzipAsync = promisify(gunzip);
const tooLarge = (what: string, maxBytes: number) => new ApiError(413, 'payload_too_large', `${what} must be at most ${maxBytes} bytes`);

/** The whole body, refused with 413 as soon as it exceeds maxBytes (declared or actually sent). */
async function readBytes(req: Request, maxBytes: number): Promise<Buffer> {
  if (Number(req.headers.get('content-length') ?? 0) > maxBytes) throw tooLarge('request body', maxBytes);
  if (!req.body) return Buffer.alloc(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge('request body', maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** The body's bytes (gzip undone) and its format, or the ApiError that refuses it. */
export async function readBody<F extends string>(req: Request, rule: MediaRule<F>): Promise<{ format: F; bytes: Buffer }> {
  const refuse = (message: string, details: unknown) => new ApiError(rule.unsupportedStatus, 'invalid_request', message, details);
  const format = rule.format((req.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase());
  if (!format) throw refuse(`Content-Type must be ${rule.allowed.join(' or ')}`, { path: 'content-type', allowed: rule.allowed });
  const encoding = (req.headers.get('content-encoding') ?? '').trim().toLowerCase();
  const gzipped = encoding === 'gzip' || encoding === 'x-gzip';
  if (!gzipped && encoding !== '' && encoding !== 'identity') {
    throw refuse('Content-Encoding must be gzip or absent', { path: 'content-encoding', allowed: ['gzip'] });
  }
  const raw = await readBytes(req, rule.maxBytes);
  if (!gzipped) return { format, bytes: raw };
  try {
    return { format, bytes: await gunzipAsync(raw, { maxOutputLength: rule.maxBytes }) };
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge('decompressed request body', rule.maxBytes);
    throw badRequest('request body is not valid gzip (Content-Encoding: gzip)', { path: 'content-encoding' });
  }
}

const JSON_TYPE = /^application\/([\w.+-]+\+)?json$/;

/** A JSON body of at most maxBytes (gzip allowed): the parsed value, 400 for anything else. */
export function jsonBody(maxBytes: number): BodyReader<unknown> {
  const rule: MediaRule<'json'> = { maxBytes, format: (t) => (JSON_TYPE.test(t) ? 'json' : null), allowed: ['application/json'], unsupportedStatus: 400 };
  return async (req) => {
    const { bytes } = await readBody(req, rule);
    if (bytes.length === 0) throw badRequest('request body is empty');
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw badRequest('request body is not valid UTF-8');
    }
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw badRequest('request body is not valid JSON');
    }
  };
}

export const readJsonBody = (req: Request, maxBytes: number) => jsonBody(maxBytes)(req);

/** An OTLP/HTTP export: JSON or protobuf by Content-Type (else 415), at most the ingest API's 5 MB. */
export const otlpBody: BodyReader<OtlpBody> = (req) =>
  readBody<OtlpFormat>(req, {
    maxBytes: MAX_BODY_BYTES,
    format: otlpMediaFormat,
    allowed: ['application/json', 'application/x-protobuf'],
    unsupportedStatus: 415,
  });

/**
 * For handlers that read the body themselves (better-auth): the same request with its body held
 * in memory, or a 413 envelope when it is larger than maxBytes. Route handlers have no body limit
 * of their own, so without this a single request could make the process buffer gigabytes.
 */
export async function limitBody(req: Request, maxBytes: number): Promise<Request | Response> {
  if (!req.body) return req;
  try {
    return new Request(req, { body: new Uint8Array(await readBytes(req, maxBytes)) });
  } catch (err) {
    if (err instanceof ApiError) return errorResponse(err);
    throw err;
  }
}
