import 'server-only';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

// Failed sign-ins per account, whatever the address they come from: after MAX_FAILURES wrong
// passwords in WINDOW_S seconds the account's sign-in answers 429 with Retry-After until the window
// has passed. An address-based limit alone lets a botnet (or a client behind a careless proxy) guess
// one person's password without end. It counts e-mails, existing or not, and answers the same for
// both, so it does not tell whether an account exists. In memory, per app process.

export const MAX_FAILURES = 10;
export const WINDOW_S = 15 * 60;

export type AccountLimiter = RateLimiterMemory;

export function createAccountLimiter(points = MAX_FAILURES, duration = WINDOW_S): AccountLimiter {
  return new RateLimiterMemory({ keyPrefix: 'sign-in-account', points, duration });
}

// One per process (Next may load this module in several route bundles).
const holder = globalThis as unknown as { __fmAccountLimiter?: AccountLimiter };
const shared = () => (holder.__fmAccountLimiter ??= createAccountLimiter());

const accountKey = (email: string) => email.trim().toLowerCase();

/** The e-mail of a sign-in body, or null when there is none to count against. */
async function emailOf(req: Request): Promise<string | null> {
  try {
    const body = (await req.clone().json()) as { email?: unknown };
    return typeof body?.email === 'string' && body.email.trim() ? accountKey(body.email) : null;
  } catch {
    return null;
  }
}

function tooMany(res: RateLimiterRes): Response {
  const seconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
  return Response.json(
    { code: 'TOO_MANY_ATTEMPTS', message: `Too many failed sign-ins for this account; retry in ${seconds} s.` },
    { status: 429, headers: { 'Retry-After': String(seconds) } },
  );
}

/**
 * Runs a sign-in through `handle` under the account's budget. A point is taken before the attempt
 * (so parallel guesses cannot all slip past a check) and given back unless the attempt failed on
 * the password; a successful sign-in clears the account's count.
 */
export async function limitSignIn(req: Request, handle: (req: Request) => Promise<Response>, limiter: AccountLimiter = shared()): Promise<Response> {
  const email = await emailOf(req);
  if (!email) return handle(req);
  try {
    await limiter.consume(email);
  } catch (res) {
    if (res instanceof RateLimiterRes) return tooMany(res);
    throw res;
  }
  const res = await handle(req);
  if (res.ok) await limiter.delete(email);
  else if (res.status !== 401) await limiter.reward(email, 1); // refused before the password was checked
  return res;
}
