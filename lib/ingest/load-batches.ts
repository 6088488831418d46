import type pg from 'pg';
import { ingestItems } from './ingest';

export type LoadProgress = { batches: number; accepted: number; duplicates: number; rejected: number };

/**
 * Feeds batches (e.g. from the demo generator) through the same ingest path as the API, keeping a
 * few inserts in flight so that validation and pricing in Node overlap with PostgreSQL's work.
 */
export async function loadBatches(
  pool: pg.Pool,
  orgId: string,
  batches: Iterable<unknown[]>,
  opts: { concurrency?: number; onProgress?: (p: LoadProgress) => void } = {},
): Promise<LoadProgress> {
  const progress: LoadProgress = { batches: 0, accepted: 0, duplicates: 0, rejected: 0 };
  const inFlight = new Set<Promise<void>>();
  const limit = opts.concurrency ?? 3;
  for (const batch of batches) {
    const p: Promise<void> = ingestItems(pool, orgId, batch).then((r) => {
      progress.batches += 1;
      progress.accepted += r.accepted;
      progress.duplicates += r.duplicates;
      progress.rejected += r.rejected.length;
      opts.onProgress?.(progress);
    });
    const tracked = p.finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
    if (inFlight.size >= limit) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  return progress;
}
