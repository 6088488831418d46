import 'server-only';
import { headers } from 'next/headers';
import { cache } from 'react';
import { getAuth } from './better-auth';
import { authMode, DEMO_USER_EMAIL, isDemoRequest, type AuthMode } from './mode';
import { getMembership } from './users';

// The signed-in person behind a request, with the organisation they work in. Pages call
// getDashboardSession() (memoised per request); the /api/v1 wrapper reaches the same lookup
// through the resolver in api-session.ts.

export type DashboardSession = {
  mode: AuthMode;
  sessionId: string;
  user: { id: string; email: string; name: string };
  org: { id: string; slug: string; name: string };
};

export async function sessionFromHeaders(requestHeaders: Headers): Promise<DashboardSession | null> {
  const mode = authMode();
  // The demo answers only requests addressed to a loopback name: a DNS-rebinding page's requests
  // carry its own name in Host, and with them a stolen or replayed demo cookie opens nothing.
  if (mode === 'demo' && !isDemoRequest(requestHeaders)) return null;
  const auth = await getAuth();
  const found = await auth.api.getSession({ headers: requestHeaders });
  if (!found) return null;
  // A demo cookie that outlived a switch to `required` mode must not open the dashboard.
  if (mode === 'required' && found.user.email === DEMO_USER_EMAIL) return null;
  const membership = await getMembership(found.user.id);
  if (!membership) return null;
  return {
    mode,
    sessionId: found.session.id,
    user: { id: found.user.id, email: found.user.email, name: found.user.name },
    org: { id: membership.orgId, slug: membership.org.slug, name: membership.org.name },
  };
}

export const getDashboardSession = cache(async () => sessionFromHeaders(await headers()));
