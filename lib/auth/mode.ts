// How the dashboard authenticates people. `demo`: the local embedded demo (npm start sets
// FLOWMASON_AUTH=demo when DATABASE_URL is unset) opens without a password through an automatic
// local session. `required`: everyone signs in with e-mail and password. Anything but an explicit
// demo listening on a loopback address is `required` (an unset HOST too): a demo exposed on the
// network would be an open door. And even then a request counts as the demo's only when its Host
// header names loopback (isDemoRequest): a page on another site that rebinds its DNS name to
// 127.0.0.1 reaches the server with its own name in Host, and gets nothing.

export type AuthMode = 'demo' | 'required';

const LOOPBACK_LISTEN = /^(127\.\d+\.\d+\.\d+|::1|\[::1\]|localhost)$/i;

export function authMode(env: Record<string, string | undefined> = process.env): AuthMode {
  if (env.FLOWMASON_AUTH !== 'demo') return 'required';
  if (!env.HOST || !LOOPBACK_LISTEN.test(env.HOST)) return 'required';
  return 'demo';
}

// A Host header that names loopback: 127.0.0.1, localhost or [::1], with or without a port.
const LOOPBACK_HOST = /^(127\.0\.0\.1|localhost|\[::1\])(:\d{1,5})?$/i;

export function isLoopbackHost(host: string | null | undefined): boolean {
  return typeof host === 'string' && LOOPBACK_HOST.test(host.trim());
}

/** Demo mode, and this request addressed the server by a loopback name. */
export function isDemoRequest(headers: Headers, env: Record<string, string | undefined> = process.env): boolean {
  return authMode(env) === 'demo' && isLoopbackHost(headers.get('host'));
}

/** The demo's automatic user; it is refused in `required` mode even if its session survives. */
export const DEMO_USER_EMAIL = 'demo@flowmason.local';
