import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { announceOrgChanged } from '@/lib/db/org-changes';
import { cached, invalidateOrg, withResponseCache } from './cache';

// The clock is vitest's fake one: time passes only when a test advances it, so "answered at once"
// means "before any time passed", whatever the load on the machine.

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function counter<T>(value: T, delayMs = 0) {
  const calls = { n: 0 };
  const load = async () => {
    calls.n += 1;
    if (delayMs > 0) await sleep(delayMs);
    return value;
  };
  return { calls, load };
}

/** Whether `p` has settled after the pending microtasks ran and no time passed. */
async function settledAtOnce(p: Promise<unknown>): Promise<boolean> {
  let settled = false;
  void p.then(() => (settled = true), () => (settled = true));
  await vi.advanceTimersByTimeAsync(0);
  return settled;
}

describe('analytics response cache', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    process.env.INSIGHTS_CACHE_TTL_MS = '400';
    process.env.INSIGHTS_CACHE_MAX = '3';
  });
  afterEach(() => {
    vi.useRealTimers();
    delete process.env.INSIGHTS_CACHE_TTL_MS;
    delete process.env.INSIGHTS_CACHE_MAX;
  });

  it('coalesces concurrent identical requests into one computation, then serves it until the TTL ends', async () => {
    const { calls, load } = counter('v', 20);
    const all = Promise.all(Array.from({ length: 50 }, () => cached('org-1', 'k', load)));
    await vi.advanceTimersByTimeAsync(20);
    expect((await all).every((a) => a === 'v')).toBe(true);
    expect(calls.n).toBe(1);
    await vi.advanceTimersByTimeAsync(390); // 10 ms before the TTL ends
    expect(await settledAtOnce(cached('org-1', 'k', load))).toBe(true);
    expect(calls.n).toBe(1);
    await vi.advanceTimersByTimeAsync(500); // beyond 2 × TTL
    const fresh = cached('org-1', 'k', load);
    await vi.advanceTimersByTimeAsync(20);
    await fresh;
    expect(calls.n).toBe(2);
  });

  it('after the TTL serves the stale answer at once while one refresh runs; after 2 × TTL it waits', async () => {
    let version = 0;
    const slow = async () => {
      version += 1;
      const mine = version;
      await sleep(100);
      return mine;
    };
    const first = cached('org-swr', 'k', slow);
    await vi.advanceTimersByTimeAsync(100);
    expect(await first).toBe(1); // fresh until t = 500, usable until t = 900
    await vi.advanceTimersByTimeAsync(500); // t = 600: stale
    const stale = Promise.all(Array.from({ length: 20 }, () => cached('org-swr', 'k', slow)));
    expect(await settledAtOnce(stale)).toBe(true);
    expect(new Set(await stale)).toEqual(new Set([1]));
    expect(version).toBe(2); // one refresh for twenty requests
    await vi.advanceTimersByTimeAsync(150);
    expect(await cached('org-swr', 'k', slow)).toBe(2); // the refresh replaced it
    await vi.advanceTimersByTimeAsync(900); // beyond 2 × TTL: too old to serve, a new computation is awaited
    const late = cached('org-swr', 'k', slow);
    expect(await settledAtOnce(late)).toBe(false);
    await vi.advanceTimersByTimeAsync(100);
    expect(await late).toBe(3);
  });

  it('a failed refresh keeps the stale answer', async () => {
    let n = 0;
    const flaky = async () => {
      n += 1;
      if (n === 2) throw new Error('database unavailable');
      return n;
    };
    expect(await cached('org-keep', 'k', flaky)).toBe(1);
    await vi.advanceTimersByTimeAsync(500);
    expect(await cached('org-keep', 'k', flaky)).toBe(1); // refresh #2 fails in the background
    await vi.advanceTimersByTimeAsync(20);
    expect(await cached('org-keep', 'k', flaky)).toBe(1); // still stale-served; refresh #3 starts
    await vi.advanceTimersByTimeAsync(20);
    expect(await cached('org-keep', 'k', flaky)).toBe(3);
  });

  it('never caches a failure', async () => {
    let n = 0;
    const flaky = async () => {
      n += 1;
      if (n === 1) throw new Error('database unavailable');
      return 'ok';
    };
    await expect(cached('org-2', 'k', flaky)).rejects.toThrow('database unavailable');
    expect(await cached('org-2', 'k', flaky)).toBe('ok');
  });

  it('invalidateOrg drops that organisation only; the size stays bounded', async () => {
    const a = counter('a');
    const b = counter('b');
    await cached('org-a', 'k', a.load);
    await cached('org-b', 'k', b.load);
    invalidateOrg('org-a');
    await cached('org-a', 'k', a.load);
    await cached('org-b', 'k', b.load);
    expect([a.calls.n, b.calls.n]).toEqual([2, 1]);
    for (const k of ['x', 'y', 'z']) await cached('org-c', k, async () => k); // max 3: org-a/b evicted
    await cached('org-b', 'k', b.load);
    expect(b.calls.n).toBe(2);
  });

  it('listens for organisation changes: an announcement drops that organisation only', async () => {
    const a = counter('a');
    const b = counter('b');
    await cached('org-ann-a', 'k', a.load);
    await cached('org-ann-b', 'k', b.load);
    void announceOrgChanged('org-ann-a'); // what every writer does (lib/db/org-changes.ts)
    await cached('org-ann-a', 'k', a.load);
    await cached('org-ann-b', 'k', b.load);
    expect([a.calls.n, b.calls.n]).toEqual([2, 1]);
  });

  it('wraps a service: the key is organisation + method + parameters; a pinned `now` bypasses the cache', async () => {
    const calls: string[] = [];
    const service = withResponseCache({
      summary: async (req: { orgId: string; days: number; now?: Date }) => {
        calls.push(`${req.orgId}/${req.days}`);
        return { days: req.days };
      },
      pipelines: async (orgId: string) => {
        calls.push(`pipelines ${orgId}`);
        return [orgId];
      },
    });
    await service.summary({ orgId: 'o', days: 7 });
    await service.summary({ orgId: 'o', days: 7 });
    await service.summary({ orgId: 'o', days: 30 });
    await service.summary({ orgId: 'p', days: 7 });
    await service.summary({ orgId: 'o', days: 7, now: new Date() });
    await service.pipelines('o');
    await service.pipelines('o');
    expect(calls).toEqual(['o/7', 'o/30', 'p/7', 'o/7', 'pipelines o']);
  });
});
