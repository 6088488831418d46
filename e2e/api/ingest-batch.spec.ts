import { expect, test } from '@playwright/test';
import { sql } from '../db';
import { bearer, newOrgWithKey } from '../support';
import { exec, post, stored } from './ingest-helpers';

// Whole-batch rules: a malformed body is refused whole (400 / 413) and stores nothing; ids are
// idempotent within a batch, across batches and across concurrent requests.

// The CLI (a tsx process per call) is slow on a loaded 2-core machine: room for it.
test.describe.configure({ timeout: 240_000 });

let org: { slug: string; key: string };
test.beforeAll(() => {
  org = newOrgWithKey('ingest');
});

// A Buffer is sent byte for byte (Playwright would JSON-encode a string that is not valid JSON).
const raw = (request: import('@playwright/test').APIRequestContext, body: string | Buffer, contentType = 'application/json') =>
  request.post('/api/v1/executions', { headers: { ...bearer(org.key), 'content-type': contentType }, data: Buffer.from(body) });

async function expectError(res: import('@playwright/test').APIResponse, status: number, code: string, mentions?: string) {
  expect(res.status()).toBe(status);
  const body = (await res.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe(code);
  if (mentions) expect(JSON.stringify(body.error)).toContain(mentions);
}

test('a body that is not JSON is a 400 and stores nothing', async ({ request }) => {
  const text = JSON.stringify({ executions: [exec('nj-1'), exec('nj-2')] });
  await expectError(await raw(request, text.slice(0, -5)), 400, 'invalid_request', 'JSON');
  await expectError(await raw(request, Buffer.from([0x7b, 0xff, 0xfe, 0x7d])), 400, 'invalid_request');
  expect(await stored(org.slug, ['nj-1', 'nj-2'])).toEqual([]);
});

test('a wrong content type is a 400 and stores nothing', async ({ request }) => {
  const text = JSON.stringify({ executions: [exec('ct-1')] });
  await expectError(await raw(request, text, 'text/plain'), 400, 'invalid_request', 'Content-Type');
  await expectError(await raw(request, text, 'application/x-www-form-urlencoded'), 400, 'invalid_request', 'Content-Type');
  expect(await stored(org.slug, ['ct-1'])).toEqual([]);
});

test('a body without the executions array, with 0 or more than 1,000 items is a 400 naming executions', async ({ request }) => {
  for (const body of [{}, { executions: {} }, { executions: [] }, { executions: Array.from({ length: 1001 }, (_, i) => exec(`big-${i}`)) }, [exec('arr-1')]]) {
    await expectError(await raw(request, JSON.stringify(body)), 400, 'invalid_request', Array.isArray(body) ? undefined : 'executions');
  }
  expect(await stored(org.slug, ['big-0', 'big-1000', 'arr-1'])).toEqual([]);
});

test('a body over 5 MB is a 413 and stores nothing', async ({ request }) => {
  const padding = 'x'.repeat(5_300);
  const executions = Array.from({ length: 1000 }, (_, i) => exec(`huge-${i}`, { error_message: padding }));
  const body = JSON.stringify({ executions });
  expect(body.length).toBeGreaterThan(5 * 1024 * 1024);
  await expectError(await raw(request, body), 413, 'payload_too_large');
  expect(await stored(org.slug, ['huge-0', 'huge-999'])).toEqual([]);
  // Just under the limit is accepted: the limit is the body size, not the item count.
  const fits = JSON.stringify({ executions: executions.slice(0, 900) });
  expect(fits.length).toBeLessThan(5 * 1024 * 1024);
  expect((await raw(request, fits)).status()).toBe(200);
});

test('duplicates inside one batch and across batches are counted, the first one is kept', async ({ request }) => {
  const first = await post(request, org.key, [exec('d-1', { duration_ms: 11 }), exec('d-1', { duration_ms: 22 }), exec('d-2')]);
  expect(first.body).toEqual({ accepted: 2, duplicates: 1, rejected: [] });
  const again = await post(request, org.key, [exec('d-1', { duration_ms: 33 }), exec('d-2'), exec('d-3')]);
  expect(again.body).toEqual({ accepted: 1, duplicates: 2, rejected: [] });
  const rows = await stored(org.slug, ['d-1', 'd-2', 'd-3']);
  expect(rows.map((r) => [r.id, r.duration_ms])).toEqual([['d-1', 11], ['d-2', 1000], ['d-3', 1000]]);
});

test('20 concurrent posts of the same batch store each id exactly once', async ({ request }) => {
  const stages = [{ stage_id: 'a', duration_ms: 5 }, { stage_id: 'b', duration_ms: 6 }];
  const batch = Array.from({ length: 100 }, (_, i) => exec(`cc-${String(i).padStart(3, '0')}`, { stages }));
  const results = await Promise.all(Array.from({ length: 20 }, () => post(request, org.key, batch)));
  for (const r of results) expect(r.status).toBe(200);
  expect(results.reduce((n, r) => n + r.body.accepted, 0)).toBe(100);
  expect(results.reduce((n, r) => n + r.body.duplicates, 0)).toBe(1900);
  const [counts] = await sql<{ executions: number; distinct_ids: number; stages: number; keys: number }>(
    `SELECT (SELECT count(*) FROM executions WHERE org_id = o.id AND id LIKE 'cc-%')::int AS executions,
            (SELECT count(DISTINCT id) FROM executions WHERE org_id = o.id AND id LIKE 'cc-%')::int AS distinct_ids,
            (SELECT count(*) FROM stage_executions WHERE org_id = o.id AND execution_id LIKE 'cc-%')::int AS stages,
            (SELECT count(*) FROM execution_keys WHERE org_id = o.id AND id LIKE 'cc-%')::int AS keys
       FROM organizations o WHERE o.slug = $1`,
    [org.slug],
  );
  expect(counts).toEqual({ executions: 100, distinct_ids: 100, stages: 200, keys: 100 });
});
