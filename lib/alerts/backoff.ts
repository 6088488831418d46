import type { RetryConfig } from './config';

// The retry schedule of a webhook delivery (pure). Attempt 1 is sent at once; after the n-th
// failed attempt the next waits base × 2^(n−1), capped at maxDelay, stretched by a random factor
// in [1, 1 + jitter) so that endpoints recovering from an outage are not hit by every sender at
// the same instant (jitter only lengthens a wait, so "the first retry after base" holds exactly).
// A delivery keeps being retried until an attempt fails at or after `windowMs` from its creation:
// the last attempt therefore happens at least 24 h (by default) after the first.

/** Wait after the `failedAttempts`-th failed attempt; `random` ∈ [0, 1). */
export function retryDelayMs(failedAttempts: number, cfg: RetryConfig, random: number): number {
  const n = Math.max(1, Math.floor(failedAttempts));
  // 2^(n−1) overflows to Infinity for large n; min() turns that into the cap.
  const nominal = Math.min(cfg.baseMs * 2 ** (n - 1), cfg.maxDelayMs);
  const r = Math.min(Math.max(random, 0), 1);
  return Math.round(nominal * (1 + cfg.jitter * r));
}

export type RetryPlan = { giveUp: true } | { giveUp: false; nextAttemptAt: Date; delayMs: number };

/** What to do after a failed attempt: retry at `nextAttemptAt`, or give up (the window is over). */
export function planRetry(p: { failedAttempts: number; createdAt: Date; now: Date; cfg: RetryConfig; random: number }): RetryPlan {
  if (p.now.getTime() - p.createdAt.getTime() >= p.cfg.windowMs) return { giveUp: true };
  const delayMs = retryDelayMs(p.failedAttempts, p.cfg, p.random);
  return { giveUp: false, delayMs, nextAttemptAt: new Date(p.now.getTime() + delayMs) };
}

/**
 * The schedule without jitter, assuming each attempt fails instantly: offsets (ms after creation)
 * of every attempt until the delivery gives up. Documents the schedule and backs its tests.
 */
export function nominalSchedule(cfg: RetryConfig): number[] {
  const offsets = [0];
  for (let failed = 1; failed < 10_000; failed++) {
    const now = offsets[offsets.length - 1];
    const plan = planRetry({ failedAttempts: failed, createdAt: new Date(0), now: new Date(now), cfg, random: 0 });
    if (plan.giveUp) return offsets;
    offsets.push(now + plan.delayMs);
  }
  return offsets;
}
