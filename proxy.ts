import { NextResponse, type NextRequest } from 'next/server';
import { hasSessionCookie } from '@/lib/auth/cookie';
import { authMode } from '@/lib/auth/mode';
import { refuseUndecodablePath } from '@/lib/api/undecodable-path';

// Pages (the first matcher leaves out /api, /sign-in and static files): without a session cookie,
// go to sign-in — or, in the local demo, to the automatic demo session — and come back to the page
// asked for. The dashboard layout still validates the session itself; this only saves a render
// and keeps the path for the way back (passed on as x-fm-path for the layout's own redirect).
export function proxy(req: NextRequest) {
  // /api paths come here only when they hold a '%' (see the matcher): refuse undecodable ones.
  if (req.nextUrl.pathname.startsWith('/api/')) return refuseUndecodablePath(req.nextUrl.pathname) ?? NextResponse.next();
  const path = req.nextUrl.pathname + req.nextUrl.search;
  if (!hasSessionCookie(req.headers)) {
    const target = authMode() === 'demo' ? '/api/auth/demo' : '/sign-in';
    return NextResponse.redirect(new URL(`${target}?next=${encodeURIComponent(path)}`, req.url));
  }
  const headers = new Headers(req.headers);
  headers.set('x-fm-path', path);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: ['/((?!api/|_next/|sign-in|favicon\\.ico|icon\\.svg|robots\\.txt).*)', '/api/(.*%.*)'],
};
