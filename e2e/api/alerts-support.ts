import type { APIRequestContext } from '@playwright/test';
import { expect } from '@playwright/test';
import { bearer } from '../support';

// Helpers of the alerts API suites: executions built for a wanted failure rate, and the calls.

/** `total` runs of `pipeline` in the last two hours, `failed` of them failed with a timeout. */
export function burst(prefix: string, pipeline: string, total: number, failed: number) {
  const now = Date.now();
  return Array.from({ length: total }, (_, i) => ({
    id: `${prefix}-${i}`,
    pipeline_id: pipeline,
    status: i < failed ? 'failed' : 'success',
    started_at: new Date(now - 7_200_000 + i * 60_000).toISOString().replace(/\.\d+Z$/, 'Z'),
    duration_ms: 1000 + (i % 5) * 10,
    ...(i < failed ? { error_message: 'Request timed out after 30s' } : {}),
  }));
}

export async function ingest(request: APIRequestContext, key: string, executions: unknown[]) {
  const res = await request.post('/api/v1/executions', { headers: bearer(key), data: { executions } });
  expect(res.status()).toBe(200);
  expect((await res.json()).accepted).toBe(executions.length);
}

export async function createHook(request: APIRequestContext, key: string, data: Record<string, unknown>) {
  const res = await request.post('/api/v1/webhooks', { headers: bearer(key), data });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as { id: string; secret: string; url: string };
}

export async function evaluate(request: APIRequestContext, key: string) {
  const res = await request.post('/api/v1/alerts/evaluate', { headers: bearer(key) });
  expect(res.status(), await res.text()).toBe(200);
  return res.json();
}

export async function deliveries(request: APIRequestContext, key: string, hookId: string) {
  const res = await request.get(`/api/v1/webhooks/${hookId}/deliveries`, { headers: bearer(key) });
  expect(res.status()).toBe(200);
  return res.json();
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
