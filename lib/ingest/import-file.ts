import type pg from 'pg';
import { MAX_BATCH } from '@/lib/schemas/ingest';
import { ingestItems } from './ingest';
import { readerFor, type ImportError } from './import-readers';

// `cli import`: a file's records go through ingestItems — the API's validation, pricing and
// idempotent insert — in batches of 1,000, two batches in flight so that reading and validating
// the next batch overlaps the database's work on the previous one. Rejections keep the line
// number of the record they came from.

export type RejectedLine = { line: number; id: string | null; errors: ImportError[] };
export type ImportSummary = { records: number; accepted: number; duplicates: number; rejected: RejectedLine[] };
export type ImportProgress = Omit<ImportSummary, 'rejected'> & { rejected: number };

type Options = { batchSize?: number; concurrency?: number; onProgress?: (p: ImportProgress) => void };

export async function importFile(pool: pg.Pool, orgId: string, file: string, opts: Options = {}): Promise<ImportSummary> {
  const read = readerFor(file);
  const batchSize = Math.min(opts.batchSize ?? MAX_BATCH, MAX_BATCH);
  const summary: ImportSummary = { records: 0, accepted: 0, duplicates: 0, rejected: [] };
  const report = () => opts.onProgress?.({ ...summary, rejected: summary.rejected.length });
  const inFlight = new Set<Promise<void>>();
  let failure: unknown = null;

  const send = (batch: Array<{ line: number; item: unknown }>) => {
    const p: Promise<void> = ingestItems(pool, orgId, batch.map((b) => b.item))
      .then((r) => {
        summary.accepted += r.accepted;
        summary.duplicates += r.duplicates;
        for (const x of r.rejected) summary.rejected.push({ line: batch[x.index].line, id: x.id, errors: x.errors });
        report();
      })
      .catch((err: unknown) => {
        failure ??= err; // e.g. the database went away: stop, and say so, rather than lose batches
      })
      .finally(() => inFlight.delete(p));
    inFlight.add(p);
  };

  let batch: Array<{ line: number; item: unknown }> = [];
  for await (const record of read(file)) {
    if (failure) break;
    summary.records += 1;
    if ('errors' in record) {
      summary.rejected.push({ line: record.line, id: record.id ?? null, errors: record.errors });
      continue;
    }
    batch.push(record);
    if (batch.length === batchSize) {
      send(batch);
      batch = [];
      if (inFlight.size >= (opts.concurrency ?? 2)) await Promise.race(inFlight);
    }
  }
  if (batch.length > 0 && !failure) send(batch);
  await Promise.all(inFlight);
  if (failure) throw failure;
  summary.rejected.sort((a, b) => a.line - b.line);
  return summary;
}
