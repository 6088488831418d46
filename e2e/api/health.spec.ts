import { expect, test } from '@playwright/test';
import { bearer, demoKey } from '../support';

test('GET /api/health reports the database', async ({ request }) => {
  const res = await request.get('/api/health');
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({ status: 'ok', database: 'ok' });
});

test('the demo key printed by npm start is accepted for ingest', async ({ request }) => {
  // An item that fails validation: proves the key and its scope without changing the demo data.
  const res = await request.post('/api/v1/executions', {
    headers: bearer(demoKey()),
    data: { executions: [{ id: 'smoke', pipeline_id: 'smoke', status: 'success', started_at: 'yesterday', duration_ms: 5 }] },
  });
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(body).toMatchObject({ accepted: 0, duplicates: 0, rejected: [{ index: 0, id: 'smoke', errors: [{ path: 'started_at' }] }] });
  const anonymous = await request.post('/api/v1/executions', { data: { executions: [] } });
  expect(anonymous.status()).toBe(401);
});
