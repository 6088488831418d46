import 'server-only';
import type { NextRequest } from 'next/server';
import type { KeyAuth } from './api-keys';
import { hasSessionCookie } from './cookie';
import { isAllowedOrigin } from './origin';
import { sessionFromHeaders } from './session';

// The dashboard's own calls to /api/v1 are authorised by its session cookie: a signed-in member
// acts for their organisation with every scope. Programs use API keys (the wrapper tries a
// Bearer key first and never falls back to the cookie when one is sent). lib/api/route.ts calls
// resolveApiSession directly: no registration step that an entry point could skip.

/** Who is calling /api/v1: a key's or a session's organisation and scopes. */
export type AuthContext = KeyAuth & { via: 'key' | 'session' };

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A state-changing request must not ride on the cookie unless a page of this site sent it (CSRF):
 * browsers send Origin with every POST/PATCH/DELETE, and it must be the site's public origin (or
 * loopback in the demo) — not merely equal to Host, which a DNS-rebinding page controls.
 */
function isCrossSite(req: NextRequest): boolean {
  return !SAFE_METHODS.has(req.method) && !isAllowedOrigin(req.headers);
}

export async function resolveApiSession(req: NextRequest): Promise<AuthContext | null> {
  if (!hasSessionCookie(req.headers) || isCrossSite(req)) return null;
  const session = await sessionFromHeaders(req.headers);
  if (!session) return null;
  return { orgId: session.org.id, keyId: `session:${session.sessionId}`, scopes: ['read', 'ingest', 'admin'], via: 'session' };
}
