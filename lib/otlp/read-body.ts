import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { ApiError, badRequest } from '@/lib/api/errors';
import { MAX_BODY_BYTES } from '@/lib/schemas/ingest';

// The raw OTLP/HTTP body: its encoding from Content-Type, gzip undone, and the ingest API's 5 MB
// limit held both on the wire and after decompression (a small gzip bomb must not expand into
// memory: zlib stops at the limit).

export type OtlpFormat = 'json' | 'protobuf';
export type OtlpBody = { format: OtlpFormat; bytes: Buffer };

const gunzipAsync = promisify(gunzip);

export function otlpFormat(contentType: string | null): OtlpFormat | null {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (type === 'application/json') return 'json';
  if (type === 'application/x-protobuf' || type === 'application/protobuf') return 'protobuf';
  return null;
}

const tooLarge = (what: string) => new ApiError(413, 'payload_too_large', `${what} must be at most ${MAX_BODY_BYTES} bytes`);

async function readLimited(req: Request): Promise<Buffer> {
  if (Number(req.headers.get('content-length') ?? 0) > MAX_BODY_BYTES) throw tooLarge('request body');
  if (!req.body) return Buffer.alloc(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel().catch(() => {});
      throw tooLarge('request body');
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

export async function readOtlpBody(req: Request): Promise<OtlpBody> {
  const format = otlpFormat(req.headers.get('content-type'));
  if (!format) {
    throw new ApiError(415, 'invalid_request', 'Content-Type must be application/json or application/x-protobuf', {
      path: 'content-type',
      allowed: ['application/json', 'application/x-protobuf'],
    });
  }
  const encoding = (req.headers.get('content-encoding') ?? '').trim().toLowerCase();
  if (!['', 'identity', 'gzip', 'x-gzip'].includes(encoding)) {
    throw new ApiError(415, 'invalid_request', 'Content-Encoding must be gzip or absent', { path: 'content-encoding', allowed: ['gzip'] });
  }
  const raw = await readLimited(req);
  if (encoding !== 'gzip' && encoding !== 'x-gzip') return { format, bytes: raw };
  try {
    return { format, bytes: await gunzipAsync(raw, { maxOutputLength: MAX_BODY_BYTES }) };
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge('decompressed request body');
    throw badRequest('request body is not valid gzip (Content-Encoding: gzip)', { path: 'content-encoding' });
  }
}
