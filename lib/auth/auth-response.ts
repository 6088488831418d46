import { isHttps } from '@/lib/http/forwarded';

// What every answer of the auth routes gets on its way out:
// - `Cache-Control: no-store`: they carry session tokens (Set-Cookie, and the token in the body).
// - `Secure` on every cookie when the request came over TLS (per a trusted proxy's
//   X-Forwarded-Proto, as scripts/serve.ts stamped it), even without an https BETTER_AUTH_URL.
// - `Retry-After` next to better-auth's own `X-Retry-After` on a 429.

export function finishAuthResponse(res: Response, requestHeaders: Headers): Response {
  const headers = new Headers(res.headers);
  headers.set('Cache-Control', 'no-store');
  const retry = res.headers.get('x-retry-after');
  if (res.status === 429 && retry && !headers.has('retry-after')) headers.set('Retry-After', retry);
  if (isHttps(requestHeaders)) {
    headers.delete('set-cookie');
    for (const cookie of res.headers.getSetCookie()) headers.append('set-cookie', /;\s*secure\s*(;|$)/i.test(cookie) ? cookie : `${cookie}; Secure`);
  }
  return new Response(res.body, { status: res.status, statusText: res.statusText, headers });
}
