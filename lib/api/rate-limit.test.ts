import { describe, expect, it, vi } from 'vitest';
import { ApiError } from './errors';
import { createLimiter, DEFAULT_BURST, DEFAULT_PER_SECOND, enforceRateLimit, rateLimitConfig } from './rate-limit';

async function outcome(limiter: ReturnType<typeof createLimiter>, caller: string): Promise<number | ApiError> {
  try {
    await enforceRateLimit(caller, limiter);
    return 200;
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw err;
  }
}

describe('rate limiting', () => {
  it('reads RATE_LIMIT_PER_SECOND / RATE_LIMIT_BURST, keeps the default on nonsense, 0 disables', () => {
    expect(rateLimitConfig({})).toEqual({ perSecond: DEFAULT_PER_SECOND, burst: DEFAULT_BURST });
    expect(rateLimitConfig({ RATE_LIMIT_PER_SECOND: '5', RATE_LIMIT_BURST: '0' })).toEqual({ perSecond: 5, burst: 0 });
    expect(rateLimitConfig({ RATE_LIMIT_PER_SECOND: 'lots', RATE_LIMIT_BURST: '-1' })).toEqual({ perSecond: DEFAULT_PER_SECOND, burst: DEFAULT_BURST });
    expect(createLimiter({ perSecond: 0, burst: 10 })).toBeNull();
  });

  it('allows per-second + burst, then 429 rate_limited with Retry-After; callers are independent', async () => {
    const limiter = createLimiter({ perSecond: 3, burst: 2 });
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await outcome(limiter, 'key:a'));
    expect(results.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    const refused = results[5] as ApiError;
    expect(refused).toBeInstanceOf(ApiError);
    expect([refused.status, refused.code]).toEqual([429, 'rate_limited']);
    expect(Number(refused.headers?.['Retry-After'])).toBeGreaterThanOrEqual(1);
    expect(await outcome(limiter, 'key:b')).toBe(200);
  });

  it('the steady budget comes back after a second; the burst does not', async () => {
    vi.useFakeTimers(); // the limiter's clock is Date.now(): a second passes when the test says so
    try {
      const limiter = createLimiter({ perSecond: 2, burst: 1 });
      for (let i = 0; i < 3; i++) expect(await outcome(limiter, 'k')).toBe(200);
      expect(await outcome(limiter, 'k')).toBeInstanceOf(ApiError);
      await vi.advanceTimersByTimeAsync(999);
      expect(await outcome(limiter, 'k')).toBeInstanceOf(ApiError); // not yet
      await vi.advanceTimersByTimeAsync(2);
      expect(await outcome(limiter, 'k')).toBe(200);
      expect(await outcome(limiter, 'k')).toBe(200);
      expect(await outcome(limiter, 'k')).toBeInstanceOf(ApiError);
    } finally {
      vi.useRealTimers();
    }
  });

});
