import { getSessionCookie } from 'better-auth/cookies';

// Whether a request carries a session cookie at all: a cheap test (no database) used by the proxy
// to send people to sign-in, and by the API to skip the session lookup for key-less programs.
export const COOKIE_PREFIX = 'flowmason';

export function hasSessionCookie(headers: Headers): boolean {
  return getSessionCookie(headers, { cookiePrefix: COOKIE_PREFIX }) !== null;
}
