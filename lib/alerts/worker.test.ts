import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { closeDb, getPool } from '@/lib/db/client';
import { newOrg } from '@/tests/helpers';
import { evaluateOrg } from './evaluate';
import { makeInsight, startReceiver, waitFor } from '@/tests/support/webhook-receiver';
import { createWebhook } from './webhooks';
import { DeliveryWorker } from './worker';

// The delivery worker against a real database and a real HTTP receiver, with a fast retry
// schedule set through the same environment variables as production.

const q = async <T>(sql: string, values: unknown[]) => (await getPool().query(sql, values)).rows as T[];
const workers: DeliveryWorker[] = [];
const receivers: Array<{ close: () => Promise<void> }> = [];

async function setup(script: number[], opts: { delayMs?: number; insights?: number } = {}) {
  const orgId = (await newOrg('worker')).id;
  const rx = await startReceiver(script, opts);
  receivers.push(rx);
  const hook = await createWebhook(orgId, { url: rx.url, min_severity: 'critical', categories: [] });
  rx.setSecret(hook.secret);
  const insights = Array.from({ length: opts.insights ?? 1 }, (_, i) => makeInsight(`failure_pattern:pipeline=p${i}:7d`, { pipeline_id: `p${i}` }));
  const r = await evaluateOrg(orgId, async () => insights);
  return { orgId, rx, hook, deliveryIds: r.enqueued.map((e) => e.id) };
}

function startWorker() {
  const w = new DeliveryWorker();
  workers.push(w);
  w.start();
  return w;
}

const delivery = async (orgId: string, id: string) =>
  (await q<{ status: string; attempts: number; last_status: number | null }>('SELECT status, attempts, last_status FROM webhook_deliveries WHERE org_id = $1 AND id = $2', [orgId, id]))[0];
const attempts = (orgId: string, id: string) =>
  q<{ attempt: number; status_code: number | null; error: string | null; duration_ms: number }>('SELECT attempt, status_code, error, duration_ms FROM webhook_attempts WHERE org_id = $1 AND delivery_id = $2 ORDER BY attempt', [orgId, id]);

beforeAll(() => {
  Object.assign(process.env, { ALLOW_PRIVATE_WEBHOOKS: '1', WEBHOOK_RETRY_BASE_MS: '100', WEBHOOK_POLL_MS: '50', WEBHOOK_TIMEOUT_MS: '10000' });
});
afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.stop(5_000)));
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});
afterAll(closeDb);

describe('DeliveryWorker', () => {
  it('500, 500, then 200: delivered once after two retries, every attempt signed and logged', async () => {
    const { orgId, rx, deliveryIds } = await setup([500, 500, 200]);
    startWorker();
    const d = await waitFor(() => delivery(orgId, deliveryIds[0]), (x) => x.status === 'delivered');
    expect(d).toMatchObject({ status: 'delivered', attempts: 3, last_status: 200 });
    expect(rx.received.map((r) => r.answered)).toEqual([500, 500, 200]);
    expect(rx.received.every((r) => r.verified)).toBe(true);
    expect(new Set(rx.received.map((r) => r.headers['webhook-id']))).toEqual(new Set([`msg_${deliveryIds[0]}`]));
    expect((await attempts(orgId, deliveryIds[0])).map((a) => [a.attempt, a.status_code])).toEqual([[1, 500], [2, 500], [3, 200]]);
    expect((await attempts(orgId, deliveryIds[0]))[0].error).toMatch(/^HTTP 500: nope/);
  });

  it('410 Gone disables the endpoint and cancels its other pending deliveries', async () => {
    const { orgId, hook, deliveryIds } = await setup([410, 410], { insights: 2 });
    await q('UPDATE webhook_deliveries SET next_attempt_at = now() + interval \'1 hour\' WHERE org_id = $1 AND id = $2', [orgId, deliveryIds[1]]);
    startWorker();
    await waitFor(() => delivery(orgId, deliveryIds[0]), (x) => x.status !== 'pending');
    const [w] = await q<{ enabled: boolean; disabled_reason: string }>('SELECT enabled, disabled_reason FROM webhooks WHERE org_id = $1 AND id = $2', [orgId, hook.id]);
    expect(w.enabled).toBe(false);
    expect(w.disabled_reason).toMatch(/410 Gone/);
    expect((await delivery(orgId, deliveryIds[0])).status).toBe('failed');
    expect((await delivery(orgId, deliveryIds[1])).status).toBe('cancelled');
  });

  it('no answer within the timeout is a failed attempt, retried', async () => {
    process.env.WEBHOOK_TIMEOUT_MS = '300';
    try {
      const { orgId, deliveryIds } = await setup([200, 200], { delayMs: 1_000 });
      startWorker();
      const log = await waitFor(() => attempts(orgId, deliveryIds[0]), (a) => a.length >= 1);
      expect(log[0]).toMatchObject({ attempt: 1, status_code: null, error: 'timeout after 300 ms' });
      expect(log[0].duration_ms).toBeGreaterThanOrEqual(290);
      expect(log[0].duration_ms).toBeLessThan(900);
      expect((await delivery(orgId, deliveryIds[0])).status).toBe('pending');
    } finally {
      process.env.WEBHOOK_TIMEOUT_MS = '10000';
    }
  });

  it('stop() lets attempts in flight finish and records them', async () => {
    const { orgId, rx, deliveryIds } = await setup([200], { delayMs: 700 });
    const w = startWorker();
    await waitFor(() => rx.received.length, (n) => n === 1);
    await w.stop(5_000);
    expect(await delivery(orgId, deliveryIds[0])).toMatchObject({ status: 'delivered', attempts: 1 });
  });

  it('two workers (as two processes would) never send the same delivery twice', async () => {
    const { orgId, rx, deliveryIds } = await setup([], { insights: 12, delayMs: 50 });
    startWorker();
    startWorker();
    await waitFor(async () => (await q<{ n: number }>("SELECT count(*)::int AS n FROM webhook_deliveries WHERE org_id = $1 AND status = 'delivered'", [orgId]))[0].n, (n) => n === 12);
    expect(rx.received).toHaveLength(12);
    expect(new Set(rx.received.map((r) => r.headers['webhook-id'])).size).toBe(12);
    expect(deliveryIds).toHaveLength(12);
  });
});
