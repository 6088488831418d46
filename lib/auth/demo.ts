import 'server-only';
import { createHmac } from 'node:crypto';
import { getPrisma } from '@/lib/db/client';
import { findOrgBySlug } from '@/lib/orgs/orgs';
import { getAuth } from './better-auth';
import { getAuthSecret } from './secret';
import { DEMO_USER_EMAIL } from './mode';
import { createUser } from './users';

// The demo's automatic local session: a real better-auth session of a demo user who belongs to
// the `default` organisation, so the dashboard's own /api/v1 calls carry a cookie like in
// `required` mode and a request with no cookie and no key is still refused. The demo user's
// password is derived from the signing secret: nobody types it and nobody can guess it.

const DEMO_ORG = () => process.env.DEFAULT_ORG ?? 'default';

async function demoPassword() {
  return createHmac('sha256', await getAuthSecret()).update('demo-user').digest('base64url');
}

async function ensureDemoUser(password: string): Promise<boolean> {
  const org = await findOrgBySlug(getPrisma(), DEMO_ORG());
  if (!org) return false;
  const exists = await getPrisma().authUser.findUnique({ where: { email: DEMO_USER_EMAIL }, select: { id: true } });
  if (exists) return true;
  try {
    await createUser({ orgId: org.id, email: DEMO_USER_EMAIL, password, name: 'Demo' });
  } catch (err) {
    // Two first requests racing: the loser finds the user the winner created.
    if (!(await getPrisma().authUser.findUnique({ where: { email: DEMO_USER_EMAIL } }))) throw err;
  }
  return true;
}

/**
 * Signs the demo user in; the Response carries better-auth's Set-Cookie. null: no demo org.
 * Only the user agent is passed on (it is recorded with the session): this is a server-side
 * sign-in, not a form post, so a stale cookie or a missing Origin must not get in its way.
 */
export async function signInDemoUser(requestHeaders: Headers): Promise<Response | null> {
  const headers = new Headers({ 'user-agent': requestHeaders.get('user-agent') ?? 'flowmason-demo' });
  const password = await demoPassword();
  if (!(await ensureDemoUser(password))) return null;
  const auth = await getAuth();
  return auth.api.signInEmail({ body: { email: DEMO_USER_EMAIL, password }, headers, asResponse: true });
}
