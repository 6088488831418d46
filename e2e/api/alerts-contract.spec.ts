import { expect, test } from '@playwright/test';
import { Webhook, WebhookListResponse } from '@/lib/schemas/alerts';
import { bearer, newOrgWithKey } from '../support';
import { createHook } from './alerts-support';

// The webhooks API contract: validation names the field, scopes, tenant isolation, delete.

test.describe('webhooks API', () => {
  let a: { key: string };
  let b: { key: string };
  let reader: { key: string };
  test.beforeAll(() => {
    a = newOrgWithKey('read,ingest,admin');
    b = newOrgWithKey('read,ingest,admin');
    reader = newOrgWithKey('read,ingest');
  });

  for (const [name, data, field] of [
    ['missing url', { min_severity: 'critical' }, 'url'],
    ['not http(s)', { url: 'ftp://example.com/x' }, 'url'],
    ['multicast (never a target, even with ALLOW_PRIVATE_WEBHOOKS)', { url: 'http://224.0.0.1/x' }, 'url'],
    ['unresolvable host', { url: 'https://no-such-host.invalid/x' }, 'url'],
    ['unknown min_severity', { url: 'http://127.0.0.1:9/x', min_severity: 'urgent' }, 'min_severity'],
    ['unknown category', { url: 'http://127.0.0.1:9/x', categories: ['costs'] }, 'categories.0'],
    ['categories not a list', { url: 'http://127.0.0.1:9/x', categories: 'cost' }, 'categories'],
  ] as const) {
    test(`POST /webhooks: ${name} → 400 naming ${field}`, async ({ request }) => {
      const res = await request.post('/api/v1/webhooks', { headers: bearer(a.key), data });
      expect(res.status()).toBe(400);
      const body = await res.json();
      expect(body.error.code).toBe('invalid_request');
      expect(body.error.message).toContain(`"${field}"`);
      expect(body.error.details[0].path).toBe(field);
    });
  }

  test('POST /webhooks: a body that is not a JSON object → 400', async ({ request }) => {
    const list = await request.post('/api/v1/webhooks', { headers: bearer(a.key), data: ['http://127.0.0.1:9/x'] });
    expect(list.status()).toBe(400);
    expect((await list.json()).error.message).toBe('request body must be a JSON object');
  });

  test('POST /webhooks: a body that is not JSON → 400', async ({ request }) => {
    const res = await request.post('/api/v1/webhooks', { headers: { ...bearer(a.key), 'content-type': 'application/json' }, data: Buffer.from('{"url":') });
    expect(res.status()).toBe(400);
    expect((await res.json()).error.message).toMatch(/not valid JSON/);
  });

  test('scopes: no key → 401, a key without admin → 403 (webhooks and evaluate)', async ({ request }) => {
    expect((await request.get('/api/v1/webhooks')).status()).toBe(401);
    for (const res of [
      await request.get('/api/v1/webhooks', { headers: bearer(reader.key) }),
      await request.post('/api/v1/webhooks', { headers: bearer(reader.key), data: { url: 'http://127.0.0.1:9/x' } }),
      await request.post('/api/v1/alerts/evaluate', { headers: bearer(reader.key) }),
    ]) {
      expect(res.status()).toBe(403);
      expect((await res.json()).error.code).toBe('forbidden');
    }
  });

  test('list hides the secret; another organisation can neither see, read nor delete an endpoint', async ({ request }) => {
    const hook = await createHook(request, a.key, { url: 'http://127.0.0.1:9/a', min_severity: 'warning', categories: ['cost', 'reliability'] });
    const list = WebhookListResponse.parse(await (await request.get('/api/v1/webhooks', { headers: bearer(a.key) })).json());
    const listed = list.webhooks.find((w) => w.id === hook.id);
    expect(listed).toEqual(Webhook.parse({ ...hook, secret: undefined }));
    expect(JSON.stringify(list)).not.toContain(hook.secret);
    expect(listed).toMatchObject({ min_severity: 'warning', categories: ['cost', 'reliability'], enabled: true, disabled_reason: null });

    const other = await (await request.get('/api/v1/webhooks', { headers: bearer(b.key) })).json();
    expect(other.webhooks.map((w: { id: string }) => w.id)).not.toContain(hook.id);
    expect((await request.get(`/api/v1/webhooks/${hook.id}/deliveries`, { headers: bearer(b.key) })).status()).toBe(404);
    expect((await request.delete(`/api/v1/webhooks/${hook.id}`, { headers: bearer(b.key) })).status()).toBe(404);

    expect((await request.delete(`/api/v1/webhooks/${hook.id}`, { headers: bearer(a.key) })).status()).toBe(204);
    expect((await request.delete(`/api/v1/webhooks/${hook.id}`, { headers: bearer(a.key) })).status()).toBe(404);
    expect((await request.get(`/api/v1/webhooks/${hook.id}/deliveries`, { headers: bearer(a.key) })).status()).toBe(404);
  });

  test('deliveries: bad limit or status → 400 naming it; a malformed id → 404', async ({ request }) => {
    const hook = await createHook(request, a.key, { url: 'http://127.0.0.1:9/q' });
    for (const [qs, field] of [['limit=0', 'limit'], ['limit=abc', 'limit'], ['status=sent', 'status']]) {
      const res = await request.get(`/api/v1/webhooks/${hook.id}/deliveries?${qs}`, { headers: bearer(a.key) });
      expect(res.status()).toBe(400);
      expect((await res.json()).error.message).toContain(`"${field}"`);
    }
    const ok = await request.get(`/api/v1/webhooks/${hook.id}/deliveries?limit=5&status=pending`, { headers: bearer(a.key) });
    expect(await ok.json()).toEqual({ deliveries: [], total: 0 });
    expect((await request.get('/api/v1/webhooks/not-a-uuid/deliveries', { headers: bearer(a.key) })).status()).toBe(404);
  });
});
