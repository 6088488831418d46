// /api/auth/* — better-auth's endpoints: sign-in/email, sign-out, get-session (sign-up is off).
import { limitBody } from '@/lib/api/body';
import { getAuth } from '@/lib/auth/better-auth';

export const dynamic = 'force-dynamic';

// Sign-in bodies are tiny: 64 KB is generous, and keeps a huge POST from being buffered whole.
const handle = async (req: Request) => {
  const limited = await limitBody(req, 64 * 1024);
  return limited instanceof Response ? limited : (await getAuth()).handler(limited);
};

export const GET = handle;
export const POST = handle;
