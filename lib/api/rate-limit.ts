import 'server-only';
import { BurstyRateLimiter, RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { clientIpFrom } from '@/lib/http/forwarded';
import { logger } from '@/lib/log';
import { ApiError } from './errors';

// Per-caller rate limiting for /api/v1 (rate-limiter-flexible, in memory, per process: with
// several app processes behind a balancer each holds its own budget — README "Operations").
// A caller is its API key (or its dashboard session); a request without valid credentials is
// counted against its client IP, so that guessing keys is throttled too.
//
// Budget: RATE_LIMIT_PER_SECOND requests in each second; a caller above that draws on
// RATE_LIMIT_BURST extra requests, which refill every BURST_WINDOW_S seconds. So a dashboard's
// burst of parallel calls or an ingest backlog passes, and a runaway loop settles at about
// PER_SECOND + BURST / 10 requests per second. RATE_LIMIT_PER_SECOND=0 disables limiting.

export const DEFAULT_PER_SECOND = 100;
export const DEFAULT_BURST = 200;
const BURST_WINDOW_S = 10;

export interface RateLimitConfig {
  perSecond: number;
  burst: number;
}

function envInt(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value.trim() === '') return fallback;
  const n = Number(value);
  if (Number.isInteger(n) && n >= 0) return n;
  // A typo must not turn every request into a 500: keep the default and say so.
  logger.warn({ [name]: value, used: fallback }, `${name} must be a whole number ≥ 0; using the default`);
  return fallback;
}

export function rateLimitConfig(env: Record<string, string | undefined> = process.env): RateLimitConfig {
  return {
    perSecond: envInt(env.RATE_LIMIT_PER_SECOND, DEFAULT_PER_SECOND, 'RATE_LIMIT_PER_SECOND'),
    burst: envInt(env.RATE_LIMIT_BURST, DEFAULT_BURST, 'RATE_LIMIT_BURST'),
  };
}

type Limiter = { consume(key: string): Promise<RateLimiterRes> };

export function createLimiter(config: RateLimitConfig): Limiter | null {
  if (config.perSecond <= 0) return null;
  const steady = new RateLimiterMemory({ keyPrefix: 'rps', points: config.perSecond, duration: 1 });
  if (config.burst <= 0) return steady;
  const burst = new RateLimiterMemory({ keyPrefix: 'burst', points: config.burst, duration: BURST_WINDOW_S });
  return new BurstyRateLimiter(steady, burst);
}

// One limiter per process, kept on globalThis: Next may load this module in several route bundles.
const holder = globalThis as unknown as { __fmRateLimiter?: { limiter: Limiter | null } };
function limiter(): Limiter | null {
  holder.__fmRateLimiter ??= { limiter: createLimiter(rateLimitConfig()) };
  return holder.__fmRateLimiter.limiter;
}

/** Spends one request of `caller`'s budget; throws 429 `rate_limited` with Retry-After when it is spent. */
export async function enforceRateLimit(caller: string, using: Limiter | null = limiter()): Promise<void> {
  if (!using) return;
  try {
    await using.consume(caller);
  } catch (res) {
    if (!(res instanceof RateLimiterRes)) throw res;
    const seconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
    throw new ApiError(429, 'rate_limited', `too many requests; retry in ${seconds} s`, undefined, {
      'Retry-After': String(seconds),
    });
  }
}

/**
 * For a failed authentication: counts it against the client address — the socket's, or the one a
 * TRUSTED_PROXIES proxy forwarded, as scripts/serve.ts stamped it (a client's own X-Forwarded-For
 * is never taken) — and answers 429 once that budget is spent, else the 401.
 */
export async function rejectAnonymous(headers: Headers, err: unknown): Promise<never> {
  if (err instanceof ApiError && err.status === 401) await enforceRateLimit(`ip:${clientIpFrom(headers)}`);
  throw err;
}
