import { ApiError, badRequest, errorResponse } from './errors';

// Reads a JSON body with a hard byte limit, without trusting Content-Length alone.
export async function readJsonBody(req: Request, maxBytes: number): Promise<unknown> {
  const type = req.headers.get('content-type') ?? '';
  if (!/^application\/(.+\+)?json\b/i.test(type)) {
    throw badRequest('Content-Type must be application/json', { path: 'content-type', allowed: ['application/json'] });
  }
  if (!req.body) throw badRequest('request body is empty');
  const bytes = await readBytes(req, maxBytes);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw badRequest('request body is not valid UTF-8');
  }
  try {
    return JSON.parse(text);
  } catch {
    throw badRequest('request body is not valid JSON');
  }
}

/** The whole body, refused with 413 as soon as it exceeds maxBytes (declared or actually sent). */
async function readBytes(req: Request, maxBytes: number): Promise<Buffer> {
  const tooLarge = () => new ApiError(413, 'payload_too_large', `request body must be at most ${maxBytes} bytes`);
  if (Number(req.headers.get('content-length') ?? 0) > maxBytes) throw tooLarge();
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
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

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
