// In-process exclusive locks on integer keys, taken in sorted order (so two holders of
// overlapping key sets cannot deadlock). The embedded PGlite is a single backend session shared by
// every connection, so its advisory locks exclude nobody; inside one process this does. A waiter
// gives up after `timeoutMs` (the caller answers 503 and the exporter retries) rather than queue
// without bound behind a slow export.

export class KeyLockTimeout extends Error {}

const tails = new Map<number, Promise<void>>();

function within(p: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new KeyLockTimeout('lock wait timed out')), ms)));
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

export async function withKeyLocks<T>(keys: number[], work: () => Promise<T>, timeoutMs = 15_000): Promise<T> {
  const releases: Array<() => void> = [];
  const deadline = Date.now() + timeoutMs;
  try {
    for (const key of [...new Set(keys)].sort((a, b) => a - b)) {
      const previous = tails.get(key) ?? Promise.resolve();
      let release!: () => void;
      const mine = new Promise<void>((resolve) => (release = resolve));
      const tail = previous.then(() => mine);
      tails.set(key, tail);
      // Released on every path (even a timeout): whoever queued behind us then waits for `previous` only.
      releases.push(() => {
        release();
        if (tails.get(key) === tail) tails.delete(key);
      });
      await within(previous, Math.max(0, deadline - Date.now()));
    }
    return await work();
  } finally {
    for (const release of releases.reverse()) release();
  }
}
