// /api/auth/* — better-auth's endpoints: sign-in/email, sign-out, get-session (sign-up is off).
import { getAuth } from '@/lib/auth/better-auth';

export const dynamic = 'force-dynamic';

const handle = async (req: Request) => (await getAuth()).handler(req);

export const GET = handle;
export const POST = handle;
