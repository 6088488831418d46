import 'server-only';
import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { GenAiStage, StageCandidate } from './gen-ai';
import type { StoredSpan, TraceState } from './plan';
import { rootFromJson, rootToJson, type RootJson } from './root-row';
import type { OtlpSpan } from './spans';

// SQL for otlp_pending_spans, all scoped by org_id. Requests touching the same traces are
// serialised (one lock per organisation × 64 trace buckets, in sorted order so that two requests
// never deadlock): in process, and across processes by session advisory locks. Without that, a
// root arriving while another request buffers its children could complete the trace without them.

const LOCK_NAMESPACE = 727_956_009;
const BUCKETS = 64;
/** A root waits this long for its GenAI spans: they end before it, so they are exported soon. */
const ROOT_WAIT_MINUTES = 15;

export function lockKeys(orgId: string, traceIds: string[]): number[] {
  const keys = new Set<number>();
  for (const t of traceIds) {
    const bucket = parseInt(t.slice(0, 4), 16) % BUCKETS;
    keys.add(createHash('sha1').update(`${orgId}:${bucket}`).digest().readInt32BE(0));
  }
  return [...keys].sort((a, b) => a - b);
}

export async function lockTraces(client: pg.PoolClient, keys: number[]) {
  await client.query('SELECT pg_advisory_lock($1, k) FROM (SELECT unnest($2::int[]) AS k ORDER BY 1) AS keys', [LOCK_NAMESPACE, keys]);
}

export async function unlockTraces(client: pg.PoolClient) {
  await client.query('SELECT pg_advisory_unlock_all()');
}

type Row = { trace_id: string; span_id: string; done: boolean; is_root: boolean; payload: unknown };
/** A waiting GenAI span's payload: its stage, and its start in ns (the column holds ms only). */
type StagePayload = { start_ns: string; stage: StageCandidate };

function storedSpan(r: Row): StoredSpan {
  if (r.done || r.payload === null) return { done: r.done, stage: null, root: null };
  if (r.is_root) return { done: false, stage: null, root: rootFromJson(r.payload as RootJson) };
  const { start_ns, stage } = r.payload as StagePayload;
  return { done: false, stage: { spanId: r.span_id, startNs: BigInt(start_ns), stage }, root: null };
}

export async function loadTraceState(client: pg.PoolClient, orgId: string, traceIds: string[]): Promise<TraceState> {
  const keys = await client.query<{ id: string }>('SELECT id FROM execution_keys WHERE org_id = $1 AND id = ANY($2::text[])', [orgId, traceIds]);
  const rows = await client.query<Row>(
    `SELECT trace_id, span_id, done, is_root, payload
       FROM otlp_pending_spans WHERE org_id = $1 AND trace_id = ANY($2::text[]) AND expires_at > now()`,
    [orgId, traceIds],
  );
  const stored = new Map<string, Map<string, StoredSpan>>();
  for (const r of rows.rows) {
    if (!stored.has(r.trace_id)) stored.set(r.trace_id, new Map());
    stored.get(r.trace_id)!.set(r.span_id, storedSpan(r));
  }
  return { existing: new Set(keys.rows.map((r) => r.id)), stored };
}

export const pendingTtlHours = () => {
  const h = Number(process.env.OTLP_PENDING_TTL_HOURS ?? 24);
  return Number.isFinite(h) && h > 0 ? h : 24;
};

type PendingRow = { traceId: string; spanId: string; startNs: bigint; isRoot: boolean; payload: unknown; hours: number };

async function insertRows(client: pg.PoolClient, orgId: string, rows: PendingRow[], done: boolean) {
  if (rows.length === 0) return;
  const onConflict = done
    ? 'ON CONFLICT (org_id, trace_id, span_id) DO UPDATE SET done = true, payload = NULL, expires_at = excluded.expires_at'
    : // a re-sent span keeps its row; an expired row not yet cleaned up is revived
      `ON CONFLICT (org_id, trace_id, span_id) DO UPDATE SET payload = excluded.payload, is_root = excluded.is_root,
         done = false, expires_at = excluded.expires_at WHERE otlp_pending_spans.expires_at <= now()`;
  await client.query(
    `INSERT INTO otlp_pending_spans (org_id, trace_id, span_id, started_at, is_root, payload, done, expires_at)
     SELECT $1, t, s, to_timestamp(ms / 1000.0), r, p, $8, now() + h * interval '1 hour'
       FROM unnest($2::text[], $3::text[], $4::float8[], $5::bool[], $6::jsonb[], $7::float8[]) AS u(t, s, ms, r, p, h)
     ${onConflict}`,
    [orgId, rows.map((r) => r.traceId), rows.map((r) => r.spanId), rows.map((r) => Number(r.startNs / 1_000_000n)), rows.map((r) => r.isRoot),
      rows.map((r) => (r.payload === null ? null : JSON.stringify(r.payload))), rows.map((r) => r.hours), done],
  );
}

type StageRow = GenAiStage & { traceId: string };

export async function bufferSpans(client: pg.PoolClient, orgId: string, stages: StageRow[], roots: OtlpSpan[]) {
  const ttl = pendingTtlHours();
  await insertRows(client, orgId, [
    ...stages.map((s) => {
      const payload: StagePayload = { start_ns: s.startNs.toString(), stage: s.stage };
      return { traceId: s.traceId, spanId: s.spanId, startNs: s.startNs, isRoot: false, payload, hours: ttl };
    }),
    ...roots.map((r) => ({ traceId: r.traceId, spanId: r.spanId, startNs: r.startNs, isRoot: true, payload: rootToJson(r), hours: ROOT_WAIT_MINUTES / 60 })),
  ], false);
}

type SpanRef = { traceId: string; spanId: string; startNs: bigint };

/** The spans of stored executions: the payload goes, the span id stays until the TTL. */
export async function markDone(client: pg.PoolClient, orgId: string, spans: SpanRef[]) {
  const ttl = pendingTtlHours();
  await insertRows(client, orgId, spans.map((s) => ({ ...s, isRoot: false, payload: null, hours: ttl })), true);
}

export async function dropTraces(client: pg.PoolClient, orgId: string, traceIds: string[]) {
  if (traceIds.length === 0) return;
  await client.query('DELETE FROM otlp_pending_spans WHERE org_id = $1 AND trace_id = ANY($2::text[])', [orgId, traceIds]);
}

// Lazy expiry: at most once per organisation per interval and process, from the ingest path.
// (Expired rows are already ignored by loadTraceState, so the delay changes nothing visible.)
const CLEANUP_EVERY_MS = 10 * 60 * 1000;
const lastCleanup = new Map<string, number>();

export async function cleanupExpired(client: pg.PoolClient, orgId: string, now = Date.now()): Promise<number> {
  if (now - (lastCleanup.get(orgId) ?? 0) < CLEANUP_EVERY_MS) return 0;
  lastCleanup.set(orgId, now);
  const res = await client.query('DELETE FROM otlp_pending_spans WHERE org_id = $1 AND expires_at < now()', [orgId]);
  return res.rowCount ?? 0;
}
