import { describe, expect, it } from 'vitest';
import { nextTickDelay } from './pacing';

const p = { intervalMs: 15_000, share: 0.25, maxDelayMs: 40_000 };

describe('nextTickDelay', () => {
  it.each([
    ['an idle tick waits the interval', 0, p, 15_000],
    ['a short tick waits the interval', 1_000, p, 15_000],
    ['a busy tick waits three times its busy time at a 25% share', 6_000, p, 18_000],
    ['never longer than the maximum delay', 60_000, p, 40_000],
    ['share 1: no extra wait', 20_000, { ...p, share: 1 }, 15_000],
    ['share 0.5: as long again', 20_000, { ...p, share: 0.5 }, 20_000],
    ['a nonsense share is clamped (1%: 99× the busy time, capped)', 100, { ...p, share: 0 }, 15_000],
    ['negative busy time counts as none', -5, p, 15_000],
    ['a maximum below the interval does not shorten the interval', 60_000, { ...p, maxDelayMs: 1_000 }, 15_000],
  ])('%s', (_name, busy, pacing, expected) => {
    expect(nextTickDelay(busy, pacing)).toBe(expected);
  });
});
