// GET /api/auth/demo?next=/path — the demo's automatic local session: signs the demo user in and
// redirects back. Only in demo mode (embedded database on 127.0.0.1), 404 otherwise; and only for a
// request addressed to a loopback name (421 otherwise: a DNS-rebinding page gets no cookie).
import { finishAuthResponse } from '@/lib/auth/auth-response';
import { signInDemoUser } from '@/lib/auth/demo';
import { authMode, isDemoRequest } from '@/lib/auth/mode';
import { safeNextPath } from '@/lib/auth/next-path';

export const dynamic = 'force-dynamic';

export async function GET(req: Request) {
  if (authMode() !== 'demo') return Response.json({ error: { code: 'not_found', message: 'not found' } }, { status: 404 });
  if (!isDemoRequest(req.headers)) {
    return Response.json(
      { error: { code: 'misdirected_request', message: 'the demo answers only at 127.0.0.1, localhost or [::1]' } },
      { status: 421, headers: { 'Cache-Control': 'no-store' } },
    );
  }
  const signedIn = await signInDemoUser(req.headers);
  const next = safeNextPath(new URL(req.url).searchParams.get('next'));
  if (!signedIn || !signedIn.ok) {
    return new Response('The demo organisation does not exist yet: run `npm run cli -- org create default`.', { status: 503 });
  }
  const headers = new Headers({ Location: next });
  for (const cookie of signedIn.headers.getSetCookie()) headers.append('Set-Cookie', cookie);
  return finishAuthResponse(new Response(null, { status: 303, headers }), req.headers);
}
