import { expect, test } from '@playwright/test';
import { startReceiver, waitFor } from '@/tests/support/webhook-receiver';
import { DeliveriesResponse, EvaluationResponse, WebhookCreatedResponse } from '@/lib/schemas/alerts';
import { bearer, cli, lastLine, newOrgWithKey } from '../support';
import { burst, createHook, deliveries, evaluate, ingest, sleep } from './alerts-support';

// Alerts end to end: the running app (its scheduler and delivery worker), a real HTTP receiver in
// this process verifying every request with the standardwebhooks library, data sent only through
// the ingest API. Generous timeouts: each new organisation costs two CLI runs.

test.describe.configure({ timeout: 120_000 });

test('a failure burst gives exactly one signed delivery of the critical failure_pattern; re-evaluating sends nothing new', async ({ request }) => {
  const { key } = newOrgWithKey('read,ingest,admin');
  const rx = await startReceiver();
  try {
    const hook = await createHook(request, key, { url: rx.url, min_severity: 'critical' });
    expect(WebhookCreatedResponse.parse(hook).secret).toMatch(/^whsec_/);
    rx.setSecret(hook.secret);
    await ingest(request, key, burst('b', 'checkout-bot', 40, 30));
    const first = EvaluationResponse.parse(await evaluate(request, key));
    const found = first.insights.find((i) => i.id === 'failure_pattern:pipeline=checkout-bot:7d');
    expect(found).toMatchObject({ severity: 'critical', status: 'active', episode: 1 });
    // one pipeline is the whole organisation: no second, org-wide copy of the same finding
    expect(first.insights.map((i) => i.id)).not.toContain('failure_pattern:org:7d');

    await waitFor(() => rx.received.length, (n) => n >= 1, 20_000);
    expect(rx.received).toHaveLength(1);
    const [msg] = rx.received;
    expect(msg.verified).toBe(true);
    expect(msg.payload).toMatchObject({ type: 'insight.detected', data: { id: 'failure_pattern:pipeline=checkout-bot:7d', type: 'failure_pattern', severity: 'critical', pipeline_id: 'checkout-bot' } });
    expect(msg.payload!.data.data).toMatchObject({ failure_rate: 0.75, total_failures: 30, by_error_type: { timeout: 30 } });

    const again = EvaluationResponse.parse(await evaluate(request, key));
    expect(again.enqueued).toEqual([]);
    expect(again.insights.find((i) => i.id === found!.id)).toMatchObject({ transition: 'continued', episode: 1 });
    await sleep(2_500); // more than two worker polls
    expect(rx.received).toHaveLength(1);

    const log = DeliveriesResponse.parse(await deliveries(request, key, hook.id));
    expect(log.total).toBe(1);
    expect(log.deliveries[0]).toMatchObject({ status: 'delivered', attempts: 1, insight_id: found!.id, episode: 1, last_status: 200, next_attempt_at: null });
    expect(log.deliveries[0].history.map((a) => a.status_code)).toEqual([200]);
    expect(msg.headers['webhook-id']).toBe(`msg_${log.deliveries[0].id}`);
  } finally {
    await rx.close();
  }
});

test('new data is evaluated without being asked (within 60 s); a warning is not sent to a critical-only endpoint', async ({ request }) => {
  test.setTimeout(120_000);
  const { key } = newOrgWithKey('read,ingest,admin');
  const critical = await startReceiver();
  const warning = await startReceiver();
  try {
    critical.setSecret((await createHook(request, key, { url: critical.url, min_severity: 'critical' })).secret);
    warning.setSecret((await createHook(request, key, { url: warning.url, min_severity: 'warning', categories: ['reliability'] })).secret);
    const started = Date.now();
    await ingest(request, key, burst('w', 'search', 40, 6)); // 15%: a warning
    await waitFor(() => warning.received.length, (n) => n >= 1, 60_000);
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(warning.received[0].verified).toBe(true);
    expect(warning.received[0].payload!.data).toMatchObject({ type: 'failure_pattern', severity: 'warning' });
    const forced = EvaluationResponse.parse(await evaluate(request, key));
    expect(forced.insights.find((i) => i.type === 'failure_pattern')?.severity).toBe('warning');
    await sleep(2_500);
    expect(critical.received).toHaveLength(0);
    expect(warning.received).toHaveLength(1);
  } finally {
    await critical.close();
    await warning.close();
  }
});

test('an insight that resolves and recurs is a new episode and a new delivery; acknowledging stops deliveries', async ({ request }) => {
  const { key, slug } = newOrgWithKey('read,ingest,admin');
  const rx = await startReceiver();
  try {
    const hook = await createHook(request, key, { url: rx.url, min_severity: 'warning' });
    rx.setSecret(hook.secret);
    const id = 'failure_pattern:pipeline=team%3Aetl:7d'; // the pipeline id "team:etl", encoded in the insight id
    await ingest(request, key, burst('r1', 'team:etl', 20, 10));
    await evaluate(request, key);
    await waitFor(() => rx.received.length, (n) => n >= 1, 20_000);
    await ingest(request, key, burst('r2', 'team:etl', 100, 0)); // 10 of 120 failed: 8.3%, below 10%
    await evaluate(request, key);
    const ackResolved = await request.post(`/api/v1/analytics/insights/${encodeURIComponent(id)}/acknowledge`, { headers: bearer(key) });
    expect(await ackResolved.json()).toMatchObject({ id, status: 'resolved', episode: 1 });
    await ingest(request, key, burst('r3', 'team:etl', 30, 30)); // 40 of 150: 26.7%, critical
    const recurred = EvaluationResponse.parse(await evaluate(request, key));
    expect(recurred.insights.find((i) => i.id === id)).toMatchObject({ status: 'active', episode: 2, severity: 'critical' });
    await waitFor(() => rx.received.length, (n) => n >= 2, 20_000);
    expect(rx.received.map((r) => [r.verified, r.payload?.data.id])).toEqual([[true, id], [true, id]]);
    const log = DeliveriesResponse.parse(await deliveries(request, key, hook.id));
    expect(log.deliveries.map((d) => d.episode).sort()).toEqual([1, 2]);

    // acknowledge (a read key is enough); a new endpoint then gets nothing for this episode
    const readKey = lastLine(cli('key', 'create', '--org', slug, '--scopes', 'read', '--name', 'triage'));
    const ack = await request.post(`/api/v1/analytics/insights/${encodeURIComponent(id)}/acknowledge`, { headers: bearer(readKey) });
    expect(ack.status()).toBe(200);
    expect(await ack.json()).toMatchObject({ id, status: 'acknowledged', episode: 2, acknowledged_at: expect.any(String) });
    const late = await startReceiver();
    try {
      // (reliability only: other findings of this organisation, e.g. peak_hours, are rightly sent to it)
      late.setSecret((await createHook(request, key, { url: late.url, min_severity: 'warning', categories: ['reliability'] })).secret);
      expect((await evaluate(request, key)).enqueued).toEqual([]);
      await sleep(1_500);
      expect(late.received).toHaveLength(0);
    } finally {
      await late.close();
    }
    const unknown = await request.post(`/api/v1/analytics/insights/${encodeURIComponent('cost_spike:org:7d')}/acknowledge`, { headers: bearer(key) });
    expect(unknown.status()).toBe(404);
    expect((await unknown.json()).error.code).toBe('not_found');
  } finally {
    await rx.close();
  }
});
