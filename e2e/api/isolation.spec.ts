import { randomUUID } from 'node:crypto';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { sql } from '../db';
import { declaredEndpoints } from './fuzz-routes';
import { call, expectNoLeak, otlpTrace, runs, setUp, stable, type Org, type Victim } from './isolation-support';

// Tenant isolation (OWASP API1, broken object-level authorisation), table-driven over every
// /api/v1 route: a key of organisation A gets nothing of organisation B — not by id (insight,
// webhook, key, execution and trace ids), not by pipeline name, not through a filter (filtering on
// B's pipeline answers exactly what filtering on a pipeline nobody has answers) — and A's writes
// never touch B's rows.

test.describe.configure({ mode: 'serial' });

let a: Org & { pipeline: string };
let b: Victim;
let api: APIRequestContext;
const nowhere = `nowhere-${randomUUID()}`;

test.beforeAll(async ({ playwright }) => {
  test.setTimeout(300_000);
  api = await playwright.request.newContext({ baseURL: `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100)}` });
  ({ a, b } = await setUp(api));
});
test.afterAll(() => api?.dispose());

/** A filter on B's pipeline answers what a filter on a pipeline nobody has answers, and leaks nothing. */
async function filterShowsNothing(path: string) {
  const sep = path.includes('?') ? '&' : '?';
  const onB = await call(api, 'GET', `${path}${sep}pipeline_id=${encodeURIComponent(b.pipeline)}`, a.key);
  const onNothing = await call(api, 'GET', `${path}${sep}pipeline_id=${encodeURIComponent(nowhere)}`, a.key);
  expect([onB.status, onNothing.status]).toEqual([200, 200]);
  expect(stable(onB.json, b.pipeline)).toEqual(stable(onNothing.json, nowhere));
  expectNoLeak(onB.text.replaceAll(b.pipeline, '<filter>'), b, `${path} filtered on B's pipeline`);
  const all = await call(api, 'GET', path, a.key);
  expect(all.status).toBe(200);
  expectNoLeak(all.text, b, path);
  return all;
}

/** B's id answers exactly what an id that exists nowhere answers. */
async function sameAsUnknown(method: string, path: (id: string) => string, id: string) {
  const onB = await call(api, method, path(id), a.key);
  const onNothing = await call(api, method, path(randomUUID()), a.key);
  expect(onB.status, onB.text).toBe(onNothing.status);
  expect(onB.status).toBeGreaterThanOrEqual(400);
  // The answer may echo the id A itself sent (an insight id names its pipeline): that is not B's.
  expectNoLeak(onB.text.replaceAll(id, '<id>'), b, path(id));
}

const PROBES: Record<string, () => Promise<void>> = {
  'GET /api/v1/analytics/insights/summary': async () => void (await filterShowsNothing('/api/v1/analytics/insights/summary?days=7')),
  'GET /api/v1/analytics/insights/report': async () => {
    const all = await filterShowsNothing('/api/v1/analytics/insights/report?days=7');
    expect(JSON.stringify(all.json)).toContain(a.pipeline); // A's own data is there: the check is not vacuous
  },
  'GET /api/v1/analytics/insights': async () => void (await filterShowsNothing('/api/v1/analytics/insights?days=7')),
  'GET /api/v1/analytics/timeseries': async () => void (await filterShowsNothing('/api/v1/analytics/timeseries?days=7')),
  'GET /api/v1/pipelines': async () => {
    const res = await call(api, 'GET', '/api/v1/pipelines', a.key);
    expectNoLeak(res.text, b, 'pipelines');
    expect(res.text).toContain(a.pipeline);
  },
  'POST /api/v1/analytics/insights/[id]/acknowledge': async () => {
    await sameAsUnknown('POST', (id) => `/api/v1/analytics/insights/${encodeURIComponent(id)}/acknowledge`, b.insightId);
    const [row] = await sql<{ status: string }>('SELECT status FROM insights WHERE org_id = $1 AND id = $2', [b.id, b.insightId]);
    expect(row.status).toBe('active');
  },
  'POST /api/v1/executions': async () => {
    // B's execution ids are A's to use: stored as A's own (not "duplicates", which would reveal them).
    const mine = runs('x', a.pipeline, 3, 0).map((r, i) => ({ ...r, id: b.executionIds[i] }));
    const res = await call(api, 'POST', '/api/v1/executions', a.key, { executions: mine });
    expect(res.json).toMatchObject({ accepted: 3, duplicates: 0 });
    const rows = await sql<{ org_id: string; pipeline_id: string }>('SELECT org_id::text, pipeline_id FROM executions WHERE id = ANY($1)', [b.executionIds.slice(0, 3)]);
    expect(rows.filter((r) => r.org_id === b.id).map((r) => r.pipeline_id)).toEqual([b.pipeline, b.pipeline, b.pipeline]);
    expect(rows.filter((r) => r.org_id === a.id)).toHaveLength(3);
  },
  'POST /api/v1/otlp/v1/traces': async () => {
    const res = await call(api, 'POST', '/api/v1/otlp/v1/traces', a.key, otlpTrace(b.traceId, a.pipeline));
    expect(res.status, res.text).toBe(200);
    expectNoLeak(res.text, b, 'OTLP answer');
    const rows = await sql<{ org_id: string; pipeline_id: string }>('SELECT org_id::text, pipeline_id FROM executions WHERE id = $1 ORDER BY org_id', [b.traceId]);
    expect(rows.map((r) => [r.org_id, r.pipeline_id]).sort()).toEqual([[a.id, a.pipeline], [b.id, b.pipeline]].sort());
  },
  'GET /api/v1/keys': async () => expectNoLeak((await call(api, 'GET', '/api/v1/keys', a.key)).text, b, 'keys'),
  'POST /api/v1/keys': async () => {
    const res = await call(api, 'POST', '/api/v1/keys', a.key, { name: 'iso', scopes: ['read'] });
    expect(res.status).toBe(201);
    const [row] = await sql<{ org_id: string }>('SELECT org_id::text FROM api_keys WHERE id = $1', [res.json!.id]);
    expect(row.org_id).toBe(a.id);
  },
  'DELETE /api/v1/keys/[id]': async () => {
    for (const id of b.keyIds) await sameAsUnknown('DELETE', (k) => `/api/v1/keys/${k}`, id);
    expect((await call(api, 'GET', '/api/v1/pipelines', b.key)).status, "B's key still works").toBe(200);
  },
  'GET /api/v1/settings': async () => {
    const res = await call(api, 'GET', '/api/v1/settings', a.key);
    expect(res.json?.time_zone).not.toBe('Asia/Tokyo');
  },
  'PATCH /api/v1/settings': async () => {
    expect((await call(api, 'PATCH', '/api/v1/settings', a.key, { time_zone: 'Europe/Paris' })).status).toBe(200);
    expect((await call(api, 'GET', '/api/v1/settings', b.key)).json?.time_zone).toBe('Asia/Tokyo');
  },
  'GET /api/v1/webhooks': async () => expectNoLeak((await call(api, 'GET', '/api/v1/webhooks', a.key)).text, b, 'webhooks'),
  'POST /api/v1/webhooks': async () => {
    expect((await call(api, 'POST', '/api/v1/webhooks', a.key, { url: 'http://127.0.0.1:9/a-hook' })).status).toBe(201);
    expect((await call(api, 'GET', '/api/v1/webhooks', b.key)).json?.total).toBe(1);
  },
  'DELETE /api/v1/webhooks/[id]': async () => {
    await sameAsUnknown('DELETE', (id) => `/api/v1/webhooks/${id}`, b.hookId);
    expect((await call(api, 'GET', '/api/v1/webhooks', b.key)).text).toContain(b.hookId);
  },
  'GET /api/v1/webhooks/[id]/deliveries': async () => sameAsUnknown('GET', (id) => `/api/v1/webhooks/${id}/deliveries`, b.hookId),
  'POST /api/v1/alerts/evaluate': async () => {
    const before = await sql('SELECT id, status, last_seen_at FROM insights WHERE org_id = $1 ORDER BY id', [b.id]);
    const res = await call(api, 'POST', '/api/v1/alerts/evaluate', a.key);
    expect(res.status).toBe(200);
    expectNoLeak(res.text, b, 'evaluate');
    expect(await sql('SELECT id, status, last_seen_at FROM insights WHERE org_id = $1 ORDER BY id', [b.id])).toEqual(before);
  },
  'GET /api/v1/openapi.json': async () => expectNoLeak((await call(api, 'GET', '/api/v1/openapi.json', a.key)).text, b, 'openapi'),
};

test('the isolation table covers every endpoint the app declares', () => {
  expect(Object.keys(PROBES).sort()).toEqual(declaredEndpoints());
});

for (const [endpoint, probe] of Object.entries(PROBES)) {
  test(`${endpoint}: organisation A gets nothing of organisation B`, probe);
}

test("B's data is intact after everything A tried", async () => {
  const [row] = await sql<{ executions: number; hooks: number; keys: number }>(
    `SELECT (SELECT count(*)::int FROM executions WHERE org_id = $1) AS executions,
            (SELECT count(*)::int FROM webhooks WHERE org_id = $1) AS hooks,
            (SELECT count(*)::int FROM api_keys WHERE org_id = $1 AND revoked_at IS NULL) AS keys`, [b.id]);
  expect(row).toEqual({ executions: b.executionIds.length + 1, hooks: 1, keys: b.keyIds.length });
});
