import { isHttps } from '@/lib/http/forwarded';
import { authMode, isLoopbackHost } from './mode';

// Which Origin may send a state-changing request that rides on the session cookie (and may post
// sign-in). Merely "equal to the Host header" is not enough: a DNS-rebinding page controls both.
// - BETTER_AUTH_URL set: its origin (the site's public address).
// - demo: additionally the loopback address the request came to (Host must name loopback).
// - `required` without BETTER_AUTH_URL: the Host header with the protocol the request came over.
//   A rebinding page gets no cookie there (cookies belong to the name the person signed in at), so
//   this cannot be ridden by one; npm start warns that BETTER_AUTH_URL should be set.

type Env = Record<string, string | undefined>;

export function publicOrigin(env: Env = process.env): string | null {
  try {
    return env.BETTER_AUTH_URL ? new URL(env.BETTER_AUTH_URL).origin : null;
  } catch {
    return null;
  }
}

export function allowedOrigins(headers: Headers, env: Env = process.env): string[] {
  const host = headers.get('host');
  const configured = publicOrigin(env);
  if (authMode(env) === 'demo') {
    const loopback = host && isLoopbackHost(host) ? [`http://${host.toLowerCase()}`] : [];
    return configured ? [configured, ...loopback] : loopback;
  }
  if (configured) return [configured];
  return host ? [`${isHttps(headers) ? 'https' : 'http'}://${host.toLowerCase()}`] : [];
}

/** A cookie-authenticated write is allowed only with an Origin from allowedOrigins. */
export function isAllowedOrigin(headers: Headers, env: Env = process.env): boolean {
  const origin = headers.get('origin');
  if (!origin || headers.get('sec-fetch-site') === 'cross-site') return false;
  return allowedOrigins(headers, env).includes(origin.toLowerCase());
}
