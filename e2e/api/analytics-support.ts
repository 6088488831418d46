import { expect, request as playwrightRequest, type APIRequestContext } from '@playwright/test';
import { bearer } from '../support';

// Helpers of the analytics API suites. Data goes in only through POST /api/v1/executions.

export const appURL = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100)}`;
const HOUR = 3_600_000;

export interface Run {
  id: string;
  pipeline_id: string;
  status: 'success' | 'failed' | 'cancelled';
  started_at: string;
  duration_ms: number;
  cost_usd?: number;
  error_type?: string;
  stages?: Record<string, unknown>[];
}

let seq = 0;
/** A run `hoursAgo` hours before now (in the current 7-day window for 1–160, the previous for 176–330). */
export function run(pipeline: string, hoursAgo: number, over: Partial<Run> = {}): Run {
  seq += 1;
  return {
    id: `${pipeline}-${seq}-${Math.round(hoursAgo * 1000)}`,
    pipeline_id: pipeline,
    status: 'success',
    started_at: new Date(Date.now() - hoursAgo * HOUR).toISOString(),
    duration_ms: 1000,
    cost_usd: 0,
    ...over,
  };
}

/** `n` runs spread evenly over [from, to) hours ago, each shaped by `over(i)`. */
export function runs(pipeline: string, n: number, from: number, to: number, over: (i: number) => Partial<Run> = () => ({})): Run[] {
  return Array.from({ length: n }, (_, i) => run(pipeline, from + ((to - from) * i) / n, over(i)));
}

/** A run at hh:mm UTC `daysAgo` calendar days before today (UTC). */
export function runAt(pipeline: string, daysAgo: number, hour: number, over: Partial<Run> = {}, minute = 30): Run {
  const d = new Date();
  d.setUTCHours(hour, minute, 0, 0);
  d.setUTCDate(d.getUTCDate() - daysAgo);
  return { ...run(pipeline, 0, over), started_at: d.toISOString() };
}

export async function apiContext(): Promise<APIRequestContext> {
  return playwrightRequest.newContext({ baseURL: appURL });
}

/** Ingests in batches of 1,000 and insists that every run is accepted. */
export async function ingest(api: APIRequestContext, key: string, all: Run[]) {
  for (let i = 0; i < all.length; i += 1000) {
    const batch = all.slice(i, i + 1000);
    const res = await api.post('/api/v1/executions', { headers: bearer(key), data: { executions: batch } });
    expect(res.status()).toBe(200);
    expect(await res.json()).toMatchObject({ accepted: batch.length, rejected: [] });
  }
}

export async function getJson(api: APIRequestContext, key: string, path: string): Promise<{ status: number; body: unknown }> {
  const res = await api.get(path, { headers: bearer(key) });
  return { status: res.status(), body: await res.json() };
}
