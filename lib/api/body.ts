import { ApiError, badRequest } from './errors';

// Reads a JSON body with a hard byte limit, without trusting Content-Length alone.
export async function readJsonBody(req: Request, maxBytes: number): Promise<unknown> {
  const type = req.headers.get('content-type') ?? '';
  if (!/^application\/(.+\+)?json\b/i.test(type)) {
    throw badRequest('Content-Type must be application/json', { path: 'content-type', allowed: ['application/json'] });
  }
  const tooLarge = () => new ApiError(413, 'payload_too_large', `request body must be at most ${maxBytes} bytes`);
  const declared = Number(req.headers.get('content-length') ?? 0);
  if (declared > maxBytes) throw tooLarge();
  if (!req.body) throw badRequest('request body is empty');
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
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw badRequest('request body is not valid UTF-8');
  }
  try {
    return JSON.parse(text);
  } catch {
    throw badRequest('request body is not valid JSON');
  }
}
