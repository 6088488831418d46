import { describe, expect, it } from 'vitest';
import { nominalSchedule, planRetry, retryDelayMs } from './backoff';
import type { RetryConfig } from './config';

const HOUR = 3_600_000;
const defaults: RetryConfig = { baseMs: 30_000, maxDelayMs: 6 * HOUR, windowMs: 24 * HOUR, jitter: 0.25 };

describe('retryDelayMs', () => {
  it.each([
    [1, 30_000],
    [2, 60_000],
    [3, 120_000],
    [4, 240_000],
    [10, 30_000 * 512],
    [11, 6 * HOUR], // 30 s × 1024 = 8.5 h, capped at 6 h
    [60, 6 * HOUR],
    [5000, 6 * HOUR], // 2^4999 is Infinity: still the cap, never NaN
  ])('after %i failed attempts waits %i ms without jitter', (n, ms) => {
    expect(retryDelayMs(n, defaults, 0)).toBe(ms);
  });

  it('jitter only lengthens a wait, by at most 25%', () => {
    for (const r of [0, 0.1, 0.5, 0.999]) {
      const d = retryDelayMs(3, defaults, r);
      expect(d).toBeGreaterThanOrEqual(120_000);
      expect(d).toBeLessThan(150_000);
    }
    expect(retryDelayMs(3, defaults, 0.5)).toBe(135_000);
  });

  it('the first retry waits exactly the configured base (200 ms in the e2e server)', () => {
    expect(retryDelayMs(1, { ...defaults, baseMs: 200 }, 0)).toBe(200);
    expect(retryDelayMs(2, { ...defaults, baseMs: 200 }, 0)).toBe(400);
  });
});

describe('planRetry', () => {
  const createdAt = new Date('2026-01-01T00:00:00Z');
  it('retries while the 24 h window is open', () => {
    const now = new Date(createdAt.getTime() + 23.9 * HOUR);
    const plan = planRetry({ failedAttempts: 13, createdAt, now, cfg: defaults, random: 0 });
    expect(plan).toEqual({ giveUp: false, delayMs: 6 * HOUR, nextAttemptAt: new Date(now.getTime() + 6 * HOUR) });
  });
  it('gives up when an attempt fails 24 h or more after creation', () => {
    const now = new Date(createdAt.getTime() + 24 * HOUR);
    expect(planRetry({ failedAttempts: 14, createdAt, now, cfg: defaults, random: 0.3 })).toEqual({ giveUp: true });
  });
});

describe('nominalSchedule (defaults)', () => {
  const offsets = nominalSchedule(defaults);
  it('is 14 attempts: 30 s, 1, 2, 4 … 256 min, then every 6 h, the last after 24 h', () => {
    expect(offsets).toHaveLength(14);
    expect(offsets.slice(0, 4)).toEqual([0, 30_000, 90_000, 210_000]);
    const gaps = offsets.slice(1).map((o, i) => o - offsets[i]);
    expect(gaps.slice(0, 10)).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512].map((k) => k * 30_000));
    expect(gaps.slice(10)).toEqual([6 * HOUR, 6 * HOUR, 6 * HOUR]);
    expect(offsets.at(-2)!).toBeLessThan(24 * HOUR);
    expect(offsets.at(-1)!).toBeGreaterThanOrEqual(24 * HOUR);
  });
  it('retries for at least the window whatever the base', () => {
    for (const baseMs of [200, 1_000, 30_000, 3_600_000]) {
      expect(nominalSchedule({ ...defaults, baseMs }).at(-1)!).toBeGreaterThanOrEqual(24 * HOUR);
    }
  });
});
