// In-process exclusive locks on integer keys, taken in sorted order (so two holders of
// overlapping key sets cannot deadlock). The embedded PGlite is a single backend session shared by
// every connection, so its advisory locks exclude nobody; inside one process this does.

const tails = new Map<number, Promise<void>>();

export async function withKeyLocks<T>(keys: number[], work: () => Promise<T>): Promise<T> {
  const releases: Array<() => void> = [];
  try {
    for (const key of [...new Set(keys)].sort((a, b) => a - b)) {
      const previous = tails.get(key) ?? Promise.resolve();
      let release!: () => void;
      const mine = new Promise<void>((resolve) => (release = resolve));
      const tail = previous.then(() => mine);
      tails.set(key, tail);
      releases.push(() => {
        release();
        if (tails.get(key) === tail) tails.delete(key);
      });
      await previous;
    }
    return await work();
  } finally {
    for (const release of releases.reverse()) release();
  }
}
