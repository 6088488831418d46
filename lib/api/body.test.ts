import { describe, expect, it } from 'vitest';
import { limitBody, readJsonBody } from './body';
import { ApiError } from './errors';

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request('http://x/api/auth/sign-in/email', { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers }, duplex: 'half' } as RequestInit);

function stream(bytes: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(c) {
      if (sent >= bytes) return c.close();
      const n = Math.min(64 * 1024, bytes - sent);
      sent += n;
      c.enqueue(new Uint8Array(n).fill(0x20));
    },
  });
}

describe('request body limits', () => {
  it('limitBody passes a small body on, readable by the next handler', async () => {
    const limited = await limitBody(post('{"email":"a@b.c"}'), 1024);
    expect(limited).toBeInstanceOf(Request);
    expect(await (limited as Request).json()).toEqual({ email: 'a@b.c' });
  });

  it('limitBody answers 413 payload_too_large, whether the length is declared or only streamed', async () => {
    for (const req of [post('x'.repeat(2048)), post(stream(10 * 1024 * 1024))]) {
      const res = (await limitBody(req, 1024)) as Response;
      expect(res.status).toBe(413);
      expect(await res.json()).toMatchObject({ error: { code: 'payload_too_large' } });
    }
  });

  it('readJsonBody: 413 over the limit, 400 for bytes that are not UTF-8', async () => {
    await expect(readJsonBody(post(stream(5000)), 4096)).rejects.toMatchObject({ status: 413 });
    const bad = readJsonBody(post(new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x7d])), 4096);
    await expect(bad).rejects.toBeInstanceOf(ApiError);
    await expect(bad).rejects.toMatchObject({ status: 400, message: 'request body is not valid UTF-8' });
  });
});
