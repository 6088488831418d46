import { expect } from 'vitest';
import { getPool } from '@/lib/db/client';
import { ingestItems } from '@/lib/ingest/ingest';

// Test data for the query integration tests: executions go in through the one ingest path.

let seq = 0;

/** One execution; `at` is an ISO instant, everything else has a quiet default. */
export function run(pipeline: string, status: 'success' | 'failed' | 'cancelled', at: string, duration_ms: number, extra: Record<string, unknown> = {}) {
  seq += 1;
  return { id: `r${seq}`, pipeline_id: pipeline, status, started_at: at, duration_ms, cost_usd: 0, ...extra };
}

/** Ingests and insists that every item was accepted (a rejected fixture would void the test). */
export async function load(orgId: string, items: unknown[]) {
  const r = await ingestItems(getPool(), orgId, items);
  expect(r.rejected).toEqual([]);
  expect(r.accepted).toBe(items.length);
}

/** now − `minutes`, ISO. */
export const before = (now: string, minutes: number) => new Date(Date.parse(now) - minutes * 60_000).toISOString();
