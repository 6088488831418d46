import type pg from 'pg';
import { ExecutionInput, type IngestRejected, type IngestResponse } from '@/lib/schemas/ingest';
import { fastExecution } from './fast-validate';
import { insertBatch } from './insert';
import { normalizeExecution, type ExecutionRow } from './normalize';
import { loadPriceOverrides, makePriceResolver } from './prices';

// The one ingest path: the API route, the CLI import and the demo loader all call ingestItems.
// Each item is validated on its own (a bad item never sinks the good ones); an id repeated inside
// the batch is a duplicate of its first occurrence, as a re-sent id is.

export function issuePath(path: ReadonlyArray<PropertyKey>): string {
  return path.map(String).join('.');
}

export function validateItems(items: unknown[]) {
  const valid: Array<{ index: number; value: ExecutionInput }> = [];
  const rejected: IngestRejected[] = [];
  const now = Date.now();
  items.forEach((item, index) => {
    const fast = fastExecution(item, now);
    if (fast) {
      valid.push({ index, value: fast });
      return;
    }
    const parsed = ExecutionInput.safeParse(item);
    if (parsed.success) {
      valid.push({ index, value: parsed.data });
      return;
    }
    const rawId = (item as { id?: unknown } | null)?.id;
    rejected.push({
      index,
      id: typeof rawId === 'string' ? rawId : null,
      errors: parsed.error.issues.map((i) => ({ path: issuePath(i.path), message: i.message })),
    });
  });
  return { valid, rejected };
}

export async function ingestItems(pool: pg.Pool, orgId: string, items: unknown[]): Promise<IngestResponse> {
  const { valid, rejected } = validateItems(items);
  const price = makePriceResolver(await loadPriceOverrides(pool, orgId));
  const seen = new Set<string>();
  const rows: ExecutionRow[] = [];
  let duplicates = 0;
  for (const { value } of valid) {
    if (seen.has(value.id)) {
      duplicates += 1;
      continue;
    }
    seen.add(value.id);
    rows.push(normalizeExecution(value, price));
  }
  const accepted = await insertBatch(pool, orgId, rows);
  return { accepted, duplicates: duplicates + (rows.length - accepted), rejected };
}
