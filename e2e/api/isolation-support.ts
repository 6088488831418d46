import { randomBytes } from 'node:crypto';
import { expect, type APIRequestContext } from '@playwright/test';
import { sql } from '../db';
import { bearer, newOrgWithKey } from '../support';

// Two organisations for the isolation suite. B is the victim: a pipeline, executions with
// metadata, an OTLP trace, a time zone, a webhook, tracked insights and keys, each carrying a
// marker string that must never appear in anything A's key can read. A has data of its own so
// that A's answers are not trivially empty.

export interface Org { slug: string; id: string; key: string }
export interface Victim extends Org {
  pipeline: string;
  executionIds: string[];
  traceId: string;
  hookId: string;
  insightId: string;
  keyIds: string[];
  markers: string[];
}

const hex = (bytes: number) => randomBytes(bytes).toString('hex');

async function org(): Promise<Org> {
  const { slug, key } = newOrgWithKey('read,ingest,admin');
  const [{ id }] = await sql<{ id: string }>('SELECT id FROM organizations WHERE slug = $1', [slug]);
  return { slug, id, key };
}

export function runs(prefix: string, pipeline: string, total: number, failed: number, extra: Record<string, unknown> = {}) {
  const now = Date.now();
  return Array.from({ length: total }, (_, i) => ({
    id: `${prefix}-${i}`,
    pipeline_id: pipeline,
    status: i < failed ? 'failed' : 'success',
    started_at: new Date(now - 7_200_000 + i * 60_000).toISOString(),
    duration_ms: 900 + i,
    cost_usd: 1.5,
    ...(i < failed ? { error_message: 'Request timed out after 30s' } : {}),
    ...extra,
  }));
}

/** One OTLP/JSON trace: a root span marked as a pipeline run. */
export function otlpTrace(traceId: string, pipeline: string) {
  const start = BigInt(Date.now() - 60_000) * 1_000_000n;
  const attr = (key: string, stringValue: string) => ({ key, value: { stringValue } });
  return {
    resourceSpans: [{
      resource: { attributes: [attr('service.name', pipeline)] },
      scopeSpans: [{ scope: { name: 'isolation' }, spans: [{
        traceId, spanId: hex(8), name: 'run', kind: 1, startTimeUnixNano: String(start), endTimeUnixNano: String(start + 5_000_000n),
        attributes: [attr('flowmason.pipeline_id', pipeline)], status: { code: 1 },
      }] }],
    }],
  };
}

export async function call(api: APIRequestContext, method: string, path: string, key: string, data?: unknown) {
  const res = await api.fetch(path, { method, headers: bearer(key), ...(data === undefined ? {} : { data }) });
  const text = await res.text();
  return { status: res.status(), text, json: (() => { try { return JSON.parse(text) as Record<string, unknown>; } catch { return null; } })() };
}

export async function setUp(api: APIRequestContext): Promise<{ a: Org & { pipeline: string }; b: Victim }> {
  const [a, b] = [await org(), await org()];
  const tag = hex(4);
  const pipeline = `b-secret-${tag}`;
  const customer = `b-customer-${tag}`;
  const hookUrl = `http://127.0.0.1:9/b-hook-${tag}`;
  const bRuns = runs(`b-run-${tag}`, pipeline, 40, 20, { metadata: { customer } });
  const ok = async (r: Promise<{ status: number; text: string; json: Record<string, unknown> | null }>, status = 200) => {
    const res = await r;
    expect(res.status, res.text).toBe(status);
    return res.json!;
  };
  await ok(call(api, 'POST', '/api/v1/executions', b.key, { executions: bRuns }));
  const traceId = hex(16);
  await ok(call(api, 'POST', '/api/v1/otlp/v1/traces', b.key, otlpTrace(traceId, pipeline)));
  await ok(call(api, 'PATCH', '/api/v1/settings', b.key, { time_zone: 'Asia/Tokyo' }));
  const hook = await ok(call(api, 'POST', '/api/v1/webhooks', b.key, { url: hookUrl, min_severity: 'info' }), 201);
  const evaluation = (await ok(call(api, 'POST', '/api/v1/alerts/evaluate', b.key))) as { insights: { id: string; pipeline_id: string | null }[] };
  const insight = evaluation.insights.find((i) => i.pipeline_id === pipeline);
  expect(insight, 'B has an insight on its own pipeline').toBeTruthy();
  const keys = (await ok(call(api, 'GET', '/api/v1/keys', b.key))) as { keys: { id: string; prefix: string }[] };
  const aPipeline = `a-pipe-${tag}`;
  await ok(call(api, 'POST', '/api/v1/executions', a.key, { executions: runs(`a-run-${tag}`, aPipeline, 25, 0, { cost_usd: 0.25 }) }));
  const victim: Victim = {
    ...b, pipeline, executionIds: bRuns.map((r) => r.id), traceId, hookId: String(hook.id), insightId: insight!.id,
    keyIds: keys.keys.map((k) => k.id),
    markers: [pipeline, customer, `b-hook-${tag}`, `b-run-${tag}`, String(hook.id), insight!.id, b.id, b.slug, traceId, ...keys.keys.flatMap((k) => [k.id, k.prefix])],
  };
  return { a: { ...a, pipeline: aPipeline }, b: victim };
}

/** Nothing of B in `text`: none of its markers (the filter value A itself sent is replaced first). */
export function expectNoLeak(text: string, b: Victim, what: string) {
  for (const m of b.markers) expect(text.includes(m), `${what} reveals "${m}" of organisation B`).toBe(false);
}

/** A JSON answer without the parts that differ between two calls a moment apart. */
export function stable(value: unknown, pipeline: string): unknown {
  if (Array.isArray(value)) return value.map((v) => stable(v, pipeline));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([k]) => !/(_at|^start|^end)$/.test(k)).map(([k, v]) => [k, stable(v, pipeline)]));
  }
  return value === pipeline ? '<pipeline>' : value;
}
