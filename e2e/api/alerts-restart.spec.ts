import { expect, request as playwrightRequest, test } from '@playwright/test';
import { startReceiver, waitFor } from '@/tests/support/webhook-receiver';
import { DeliveriesResponse } from '@/lib/schemas/alerts';
import { lastLine } from '../support';
import { createInstance } from './alerts-instance';
import { burst, createHook, deliveries, evaluate, ingest } from './alerts-support';

// Durability: a dedicated app instance is stopped (SIGTERM) while its first attempt is in flight
// and started again. The attempt in flight is finished and recorded before the process exits; the
// retry it scheduled lives in PostgreSQL and is sent by the restarted process.

test('a delivery pending while the app restarts is still delivered, once, and the attempt in flight is not lost', async () => {
  test.setTimeout(600_000); // two cold starts of the app; on a loaded 2-core machine each can take minutes
  // First retry after 3 s: long enough that the delivery is still pending when the app stops.
  const app = await createInstance({ ALLOW_PRIVATE_WEBHOOKS: '1', WEBHOOK_RETRY_BASE_MS: '3000', WEBHOOK_POLL_MS: '250' });
  const rx = await startReceiver([500, 200], { delayMs: [2_000, 0] });
  try {
    await app.start();
    app.cli('org', 'create', 'restart');
    const key = lastLine(app.cli('key', 'create', '--org', 'restart', '--scopes', 'read,ingest,admin', '--name', 'e2e'));
    const api = await playwrightRequest.newContext({ baseURL: app.baseURL });
    const hook = await createHook(api, key, { url: rx.url, min_severity: 'critical' });
    rx.setSecret(hook.secret);
    await ingest(api, key, burst('s', 'nightly', 30, 30));
    await evaluate(api, key);
    await api.dispose();

    // The first attempt has reached the receiver, which answers only 2 s later: stop the app now.
    await waitFor(() => rx.received.length, (n) => n === 1, 20_000);
    const stopped = Date.now();
    await app.stop();
    expect(Date.now() - stopped).toBeLessThan(29_000); // exited by itself, before the 30 s SIGKILL fallback
    expect(rx.received).toHaveLength(1);

    await app.start();
    await waitFor(() => rx.received.length, (n) => n >= 2, 60_000);
    const api2 = await playwrightRequest.newContext({ baseURL: app.baseURL });
    const log = await waitFor(
      async () => DeliveriesResponse.parse(await deliveries(api2, key, hook.id)),
      (l) => l.deliveries[0]?.status === 'delivered',
      10_000,
    );
    await api2.dispose();
    expect(log.total).toBe(1);
    // attempt 1 (in flight at SIGTERM) was completed and logged; attempt 2 came from the restarted app
    expect(log.deliveries[0].history.map((a) => [a.attempt, a.status_code])).toEqual([[1, 500], [2, 200]]);
    expect(rx.received.map((r) => [r.verified, r.answered])).toEqual([[true, 500], [true, 200]]);
    expect(new Set(rx.received.map((r) => r.headers['webhook-id'])).size).toBe(1);
  } catch (err) {
    console.error(app.output().slice(-4000));
    throw err;
  } finally {
    await rx.close();
    await app.dispose();
  }
});
