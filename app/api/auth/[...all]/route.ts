// /api/auth/* — better-auth's endpoints: sign-in/email, sign-out, get-session (sign-up is off).
import { limitBody } from '@/lib/api/body';
import { finishAuthResponse } from '@/lib/auth/auth-response';
import { getAuth } from '@/lib/auth/better-auth';
import { limitSignIn } from '@/lib/auth/sign-in-limit';

export const dynamic = 'force-dynamic';

// Sign-in bodies are tiny: 64 KB is generous, and keeps a huge POST from being buffered whole.
// E-mail sign-in also runs under the per-account failure limit (better-auth limits per address).
const handle = async (req: Request) => {
  const limited = await limitBody(req, 64 * 1024);
  if (limited instanceof Response) return limited;
  const auth = await getAuth();
  const signIn = req.method === 'POST' && new URL(req.url).pathname.endsWith('/sign-in/email');
  const res = signIn ? await limitSignIn(limited, (r) => auth.handler(r)) : await auth.handler(limited);
  return finishAuthResponse(res, req.headers);
};

export const GET = handle;
export const POST = handle;
