// Whether a request carries a session cookie at all: a cheap test (no database, no crypto) used by
// the proxy to send people to sign-in, and by the API to skip the session lookup for programs.
// better-auth names the cookie `<prefix>.session_token`, with `__Secure-` in front over https.
export const COOKIE_PREFIX = 'flowmason';
const NAMES = [`${COOKIE_PREFIX}.session_token`, `__Secure-${COOKIE_PREFIX}.session_token`];

export function hasSessionCookie(headers: Headers): boolean {
  const cookie = headers.get('cookie');
  if (!cookie) return false;
  return cookie.split(';').some((part) => {
    const [name, value] = part.trim().split('=', 2);
    return NAMES.includes(name) && Boolean(value);
  });
}
