import { describe, expect, it } from 'vitest';
import type { RetryConfig } from './config';
import { decideOutcome } from './outcome';

const cfg: RetryConfig = { baseMs: 200, maxDelayMs: 60_000, windowMs: 86_400_000, jitter: 0.25 };
const createdAt = new Date('2026-01-01T00:00:00Z');
const soon = new Date(createdAt.getTime() + 1_000);

describe('decideOutcome', () => {
  it.each([200, 201, 204, 299])('%i → delivered', (s) => {
    expect(decideOutcome({ statusCode: s }, { attempts: 1, createdAt }, soon, cfg, 0)).toEqual({ kind: 'delivered' });
  });

  it('410 → gone (endpoint disabled), never retried', () => {
    expect(decideOutcome({ statusCode: 410 }, { attempts: 1, createdAt }, soon, cfg, 0)).toEqual({ kind: 'gone' });
  });

  it.each([
    [500, 1, 200],
    [503, 2, 400],
    [404, 3, 800],
    [301, 1, 200], // redirects are not followed: a failure like any other
    [null, 1, 200], // timeout / connection refused
  ])('%s after attempt %i → retry in %i ms', (s, attempts, delay) => {
    expect(decideOutcome({ statusCode: s }, { attempts, createdAt }, soon, cfg, 0)).toEqual({
      kind: 'retry',
      nextAttemptAt: new Date(soon.getTime() + delay),
    });
  });

  it('a failure at or after the retry window → failed', () => {
    const late = new Date(createdAt.getTime() + cfg.windowMs);
    expect(decideOutcome({ statusCode: 500 }, { attempts: 20, createdAt }, late, cfg, 0)).toEqual({ kind: 'failed' });
  });
});
