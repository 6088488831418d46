import 'server-only';
import type { NextRequest } from 'next/server';
import type { KeyAuth } from './api-keys';
import { hasSessionCookie } from './cookie';
import { sessionFromHeaders } from './session';

// The dashboard's own calls to /api/v1 are authorised by its session cookie: a signed-in member
// acts for their organisation with every scope. Programs use API keys (the wrapper tries a
// Bearer key first and never falls back to the cookie when one is sent). lib/api/route.ts calls
// resolveApiSession directly: no registration step that an entry point could skip.

/** Who is calling /api/v1: a key's or a session's organisation and scopes. */
export type AuthContext = KeyAuth & { via: 'key' | 'session' };

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** A state-changing request from another site must not ride on the cookie (CSRF). */
function isCrossSite(req: NextRequest): boolean {
  if (SAFE_METHODS.has(req.method)) return false;
  if (req.headers.get('sec-fetch-site') === 'cross-site') return true;
  const origin = req.headers.get('origin');
  if (!origin) return false;
  try {
    return new URL(origin).host !== req.headers.get('host');
  } catch {
    return true;
  }
}

export async function resolveApiSession(req: NextRequest): Promise<AuthContext | null> {
  if (!hasSessionCookie(req.headers) || isCrossSite(req)) return null;
  const session = await sessionFromHeaders(req.headers);
  if (!session) return null;
  return { orgId: session.org.id, keyId: `session:${session.sessionId}`, scopes: ['read', 'ingest', 'admin'], via: 'session' };
}
