import 'server-only';
import type pg from 'pg';
import { BusyError } from '@/lib/errors';
import { ingestItems } from '@/lib/ingest/ingest';
import { logger } from '@/lib/log';
import { MAX_BATCH, type IngestRejected } from '@/lib/schemas/ingest';
import { KeyLockTimeout, withKeyLocks } from './key-lock';
import { bufferSpans, cleanupExpired, dropTraces, lockKeys, lockTraces, loadTraceState, markDone, unlockTraces } from './pending';
import { planTraces, type Plan, type PlannedExecution } from './plan';
import type { PartialSuccess } from './proto';
import type { ReadSpans } from './spans';

// One OTLP export request: plan every trace it touches, store the completed executions through
// the one ingest path (same validation, pricing, idempotency), buffer the rest, and say which
// spans were rejected and why. Everything is committed before this returns (durable on 200).

const MAX_MESSAGE = 2000;
type Failed = { execution: PlannedExecution; errors: IngestRejected['errors'] };

/** ingestItems wants a pool; this one lends it the request's own connection (which holds the
 *  trace locks) and never releases it, so an export needs one connection, not two. */
function singleConnectionPool(client: pg.PoolClient): pg.Pool {
  const lease = new Proxy(client, {
    get(target, prop) {
      if (prop === 'release') return () => {};
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { query: client.query.bind(client), connect: async () => lease } as unknown as pg.Pool;
}

async function storeExecutions(client: pg.PoolClient, orgId: string, executions: PlannedExecution[]): Promise<Failed[]> {
  const failed: Failed[] = [];
  for (let start = 0; start < executions.length; start += MAX_BATCH) {
    const chunk = executions.slice(start, start + MAX_BATCH);
    const result = await ingestItems(singleConnectionPool(client), orgId, chunk.map((e) => e.item));
    for (const r of result.rejected) failed.push({ execution: chunk[r.index], errors: r.errors });
  }
  return failed;
}

async function inTransaction(client: pg.PoolClient, work: () => Promise<void>) {
  await client.query('BEGIN');
  try {
    await work();
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  }
}

async function exportLocked(pool: pg.Pool, orgId: string, read: ReadSpans, traceIds: string[], keys: number[]) {
  const client = await pool.connect();
  let releaseError: Error | undefined;
  try {
    await lockTraces(client, keys);
    const plan = planTraces(read.spans, await loadTraceState(client, orgId, traceIds));
    const failed = await storeExecutions(client, orgId, plan.executions);
    const failedTraces = new Set(failed.map((f) => f.execution.traceId));
    const stored = plan.executions.filter((e) => !failedTraces.has(e.traceId));
    await inTransaction(client, async () => {
      await bufferSpans(client, orgId, plan.bufferStages, plan.bufferRoots);
      await markDone(client, orgId, stored.flatMap((e) => e.consumed.map((s) => ({ ...s, traceId: e.traceId }))));
      await dropTraces(client, orgId, [...failedTraces]);
    });
    await cleanupExpired(client, orgId);
    return { failed, late: plan.late };
  } finally {
    await unlockTraces(client).catch((err: Error) => (releaseError = err));
    client.release(releaseError);
  }
}

function describe(failed: Failed[], late: Plan['late']): string[] {
  const messages: string[] = [];
  if (failed.length > 0) {
    const shown = failed.slice(0, 3).map((f) => `trace ${f.execution.traceId}: ${f.errors.map((e) => `${e.path} ${e.message}`).join(', ')}`);
    const more = failed.length > 3 ? ` (and ${failed.length - 3} more traces)` : '';
    messages.push(`${failed.length} trace(s) failed validation and were not stored: ${shown.join('; ')}${more}`);
  }
  if (late.spans > 0) {
    messages.push(
      `${late.spans} GenAI span(s) arrived after their trace was already stored as an execution (e.g. trace ${late.traces[0]}) and were dropped: export a trace's spans no later than its root span`,
    );
  }
  return messages;
}

export async function ingestTraces(pool: pg.Pool, orgId: string, read: ReadSpans): Promise<PartialSuccess | null> {
  let rejectedSpans = read.invalid;
  const messages = read.invalid > 0 ? [`${read.invalid} span(s) rejected: ${read.reasons.join('; ')}`] : [];
  if (read.spans.length > 0) {
    const traceIds = [...new Set(read.spans.map((s) => s.traceId))];
    const keys = lockKeys(orgId, traceIds);
    const { failed, late } = await withKeyLocks(keys, () => exportLocked(pool, orgId, read, traceIds, keys)).catch((err: unknown) => {
      if (!(err instanceof KeyLockTimeout)) throw err;
      throw new BusyError('busy with other exports of the same traces; retry shortly', 5);
    });
    rejectedSpans += late.spans + failed.reduce((n, f) => n + f.execution.requestSpans, 0);
    messages.push(...describe(failed, late));
  }
  if (rejectedSpans === 0) return null;
  const errorMessage = messages.join('; ').slice(0, MAX_MESSAGE);
  logger.warn({ orgId, rejectedSpans, errorMessage }, 'otlp: spans rejected');
  return { rejectedSpans, errorMessage };
}
