import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KeyLockTimeout, withKeyLocks } from './key-lock';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// Fake timers: the work's duration and the lock timeout are ordered by the test, not by the load.
describe('withKeyLocks', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('runs holders of a shared key one at a time and others side by side', async () => {
    const log: string[] = [];
    const job = (name: string, keys: number[]) => withKeyLocks(keys, async () => {
      log.push(`${name}+`);
      await sleep(30);
      log.push(`${name}-`);
    });
    const all = Promise.all([job('a', [1, 2]), job('b', [2, 3]), job('c', [9])]);
    await vi.advanceTimersByTimeAsync(60);
    await all;
    const [first, second] = log.indexOf('a+') < log.indexOf('b+') ? ['a', 'b'] : ['b', 'a'];
    expect(log.indexOf(`${second}+`)).toBeGreaterThan(log.indexOf(`${first}-`)); // a and b never overlap
    expect(log.indexOf('c+')).toBeLessThan(log.indexOf(`${first}-`)); // c shares no key: it does not wait
  });

  it('gives up after the timeout without blocking those queued behind it', async () => {
    const slow = withKeyLocks([5], () => sleep(150));
    const impatient = withKeyLocks([5], async () => 'never', 20);
    const patient = withKeyLocks([5], async () => 'ran');
    const refused = expect(impatient).rejects.toBeInstanceOf(KeyLockTimeout);
    await vi.advanceTimersByTimeAsync(20);
    await refused;
    await vi.advanceTimersByTimeAsync(130);
    await slow;
    expect(await patient).toBe('ran');
  });

  it('releases its keys when the work throws', async () => {
    await expect(withKeyLocks([7], async () => { throw new Error('boom'); })).rejects.toThrow('boom');
    expect(await withKeyLocks([7], async () => 'free', 50)).toBe('free');
  });
});
