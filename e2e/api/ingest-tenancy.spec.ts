import { expect, test } from '@playwright/test';
import { bearer, newOrgWithKey } from '../support';
import { exec, post, stored } from './ingest-helpers';

// Two organisations sending the same ids: the key decides the organisation, the ids never
// collide, and each key reads only its own organisation's data.

// The CLI (a tsx process per call) is slow on a loaded 2-core machine: room for it.
test.describe.configure({ timeout: 240_000 });

test("org A's key never reads or collides with org B's executions of the same ids", async ({ request }) => {
  const a = newOrgWithKey('read,ingest');
  const b = newOrgWithKey('read,ingest');
  const ids = ['shared-1', 'shared-2', 'shared-3'];
  const postedA = await post(request, a.key, ids.map((id) => exec(id, { pipeline_id: 'pipe-a', duration_ms: 100 })));
  const postedB = await post(request, b.key, ids.map((id) => exec(id, { pipeline_id: 'pipe-b', duration_ms: 200 })));
  expect(postedA.body).toEqual({ accepted: 3, duplicates: 0, rejected: [] });
  expect(postedB.body).toEqual({ accepted: 3, duplicates: 0, rejected: [] }); // not duplicates of A's
  // A re-sends: duplicates of its own, B's rows untouched.
  expect((await post(request, a.key, ids.map((id) => exec(id, { pipeline_id: 'pipe-a2' })))).body).toEqual({ accepted: 0, duplicates: 3, rejected: [] });
  expect((await stored(a.slug, ids)).map((r) => [r.pipeline_id, r.duration_ms])).toEqual(ids.map(() => ['pipe-a', 100]));
  expect((await stored(b.slug, ids)).map((r) => [r.pipeline_id, r.duration_ms])).toEqual(ids.map(() => ['pipe-b', 200]));

  for (const [key, mine, theirs] of [[a.key, 'pipe-a', 'pipe-b'], [b.key, 'pipe-b', 'pipe-a']]) {
    const res = await request.get('/api/v1/pipelines', { headers: bearer(key) });
    expect(res.status()).toBe(200);
    const body = (await res.json()) as { pipelines: Array<{ pipeline_id: string; executions: number }> };
    expect(body.pipelines.map((p) => [p.pipeline_id, p.executions])).toEqual([[mine, 3]]);
    expect(JSON.stringify(body)).not.toContain(theirs);
  }
});

test('no parameter can name another organisation', async ({ request }) => {
  const a = newOrgWithKey('read,ingest');
  const b = newOrgWithKey('read,ingest');
  const res = await request.post(`/api/v1/executions?org=${b.slug}&org_id=${b.slug}`, {
    headers: { ...bearer(a.key), 'x-org-id': b.slug },
    data: { org: b.slug, org_id: b.slug, executions: [exec('where-1', { org_id: b.slug })] },
  });
  expect(res.status()).toBe(200);
  expect(await stored(a.slug, ['where-1'])).toHaveLength(1);
  expect(await stored(b.slug, ['where-1'])).toHaveLength(0);
});
