import type { APIRequestContext } from '@playwright/test';
import { sql } from '../db';
import { bearer } from '../support';

// Shared by the ingest specs: a valid execution to vary, a POST, and reads of what was stored.
export const hourAgo = () => new Date(Date.now() - 3_600_000).toISOString();

export const exec = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  pipeline_id: 'e2e-pipe',
  status: 'success',
  started_at: hourAgo(),
  duration_ms: 1000,
  ...extra,
});

export type IngestBody = {
  accepted: number;
  duplicates: number;
  rejected: Array<{ index: number; id: string | null; errors: Array<{ path: string; message: string }> }>;
};

export async function post(request: APIRequestContext, key: string, executions: unknown[]) {
  const res = await request.post('/api/v1/executions', { headers: bearer(key), data: { executions } });
  return { status: res.status(), body: (await res.json()) as IngestBody };
}

export type StoredExecution = {
  id: string; pipeline_id: string; status: string; duration_ms: number; started_at: Date; completed_at: Date;
  error_type: string | null; error_message: string | null; cost: number; unpriced_stages: number; stage_count: number; metadata: unknown;
};

export const stored = (slug: string, ids: string[]) =>
  sql<StoredExecution>(
    `SELECT e.id, e.pipeline_id, e.status, e.duration_ms, e.started_at, e.completed_at, e.error_type, e.error_message,
            e.cost_usd::float8 AS cost, e.unpriced_stages, e.stage_count, e.metadata
       FROM executions e JOIN organizations o ON o.id = e.org_id
      WHERE o.slug = $1 AND e.id = ANY($2::text[]) ORDER BY e.id`,
    [slug, ids],
  );

export type StoredStage = { execution_id: string; stage_id: string; cost: number; cost_source: string };

export const storedStages = (slug: string, ids: string[]) =>
  sql<StoredStage>(
    `SELECT s.execution_id, s.stage_id, s.cost_usd::float8 AS cost, s.cost_source
       FROM stage_executions s JOIN organizations o ON o.id = s.org_id
      WHERE o.slug = $1 AND s.execution_id = ANY($2::text[]) ORDER BY s.execution_id, s.stage_index`,
    [slug, ids],
  );
