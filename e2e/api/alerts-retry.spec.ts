import { expect, test } from '@playwright/test';
import { startReceiver, waitFor } from '@/tests/support/webhook-receiver';
import { DeliveriesResponse } from '@/lib/schemas/alerts';
import { bearer, newOrgWithKey } from '../support';
import { burst, createHook, deliveries, evaluate, ingest } from './alerts-support';

// Retries against the running app, whose webServer sets WEBHOOK_RETRY_BASE_MS=200 (configuration,
// the same code path as the 30 s production default).

test.describe.configure({ timeout: 120_000 });

test('a receiver answering 500 twice then 200 gets the alert delivered once, after retries', async ({ request }) => {
  const { key } = newOrgWithKey('read,ingest,admin');
  const rx = await startReceiver([500, 500, 200]);
  try {
    const hook = await createHook(request, key, { url: rx.url, min_severity: 'critical' });
    rx.setSecret(hook.secret);
    await ingest(request, key, burst('x', 'billing', 30, 30));
    await evaluate(request, key);
    const log = await waitFor(
      async () => DeliveriesResponse.parse(await deliveries(request, key, hook.id)),
      (l) => l.deliveries[0]?.status === 'delivered',
      20_000,
    );
    expect(log.total).toBe(1);
    const [d] = log.deliveries;
    expect(d).toMatchObject({ status: 'delivered', attempts: 3, last_status: 200, last_error: null });
    expect(d.history.map((a) => [a.attempt, a.status_code])).toEqual([[1, 500], [2, 500], [3, 200]]);
    expect(d.history[0].error).toMatch(/^HTTP 500/);
    // the retries were spaced by the backoff: ≥ 200 ms, then ≥ 400 ms
    const t = d.history.map((a) => Date.parse(a.started_at));
    expect(t[1] - t[0]).toBeGreaterThanOrEqual(200);
    expect(t[2] - t[1]).toBeGreaterThanOrEqual(400);

    expect(rx.received.map((r) => r.answered)).toEqual([500, 500, 200]);
    expect(rx.received.every((r) => r.verified)).toBe(true);
    // the same message id on every retry: a receiver can de-duplicate on it
    expect(new Set(rx.received.map((r) => r.headers['webhook-id']))).toEqual(new Set([`msg_${d.id}`]));
    expect(rx.received.filter((r) => r.answered === 200)).toHaveLength(1);
  } finally {
    await rx.close();
  }
});

test('410 Gone disables the endpoint: no further attempts', async ({ request }) => {
  const { key } = newOrgWithKey('read,ingest,admin');
  const rx = await startReceiver([410]);
  try {
    const hook = await createHook(request, key, { url: rx.url, min_severity: 'critical' });
    rx.setSecret(hook.secret);
    await ingest(request, key, burst('g', 'billing', 30, 30));
    await evaluate(request, key);
    const log = await waitFor(
      async () => DeliveriesResponse.parse(await deliveries(request, key, hook.id)),
      (l) => l.deliveries[0]?.status === 'failed',
      20_000,
    );
    expect(log.deliveries[0]).toMatchObject({ attempts: 1, last_status: 410 });
    const list = await (await request.get('/api/v1/webhooks', { headers: bearer(key) })).json();
    expect(list.webhooks[0]).toMatchObject({ id: hook.id, enabled: false, disabled_reason: expect.stringMatching(/410 Gone/) });
    await new Promise((r) => setTimeout(r, 1_500));
    expect(rx.received).toHaveLength(1);
  } finally {
    await rx.close();
  }
});
