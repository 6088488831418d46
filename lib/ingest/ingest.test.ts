import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb, getPool } from '@/lib/db/client';
import { newOrg } from '@/tests/helpers';
import { ingestItems } from './ingest';

const now = Date.now();
const exec = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  pipeline_id: 'p1',
  status: 'success',
  started_at: new Date(now - 60_000).toISOString(),
  duration_ms: 1200,
  ...extra,
});

describe('ingestItems on a real database', () => {
  let orgA: string;
  let orgB: string;
  beforeAll(async () => {
    orgA = (await newOrg('a')).id;
    orgB = (await newOrg('b')).id;
  });
  afterAll(closeDb);

  it('stores valid items, rejects bad ones with paths, and counts in-batch duplicates', async () => {
    const r = await ingestItems(getPool(), orgA, [exec('x1'), exec('x1'), exec('x2', { status: 'done' })]);
    expect(r.accepted).toBe(1);
    expect(r.duplicates).toBe(1);
    expect(r.rejected).toEqual([{ index: 2, id: 'x2', errors: [{ path: 'status', message: 'must be one of success, failed, cancelled' }] }]);
  });

  it('is idempotent across batches and concurrent requests', async () => {
    const batch = Array.from({ length: 50 }, (_, i) => exec(`c${i}`));
    const results = await Promise.all(Array.from({ length: 8 }, () => ingestItems(getPool(), orgA, batch)));
    expect(results.reduce((s, r) => s + r.accepted, 0)).toBe(50);
    expect(results.reduce((s, r) => s + r.duplicates, 0)).toBe(50 * 7);
    const { rows } = await getPool().query('SELECT count(*)::int AS n FROM executions WHERE org_id = $1 AND id LIKE $2', [orgA, 'c%']);
    expect(rows[0].n).toBe(50);
  });

  it('keeps organisations apart: the same id in two organisations is two executions', async () => {
    const a = await ingestItems(getPool(), orgB, [exec('x1', { duration_ms: 7 })]);
    expect(a.accepted).toBe(1);
    const { rows } = await getPool().query('SELECT org_id, duration_ms FROM executions WHERE id = $1 AND org_id = ANY($2::uuid[]) ORDER BY duration_ms', ['x1', [orgA, orgB]]);
    expect(rows).toEqual([{ org_id: orgB, duration_ms: 7 }, { org_id: orgA, duration_ms: 1200 }]);
  });

  it('prices stages from the catalog and marks unknown models unpriced', async () => {
    await ingestItems(getPool(), orgA, [
      exec('priced', {
        stages: [
          { stage_id: 'gen', provider: 'openai', model: 'gpt-4o-mini', duration_ms: 10, input_tokens: 1_000_000, output_tokens: 1_000_000 },
          { stage_id: 'odd', provider: 'acme', model: 'acme-llm-9', duration_ms: 10, input_tokens: 5, output_tokens: 5 },
          { stage_id: 'paid', provider: 'openai', model: 'gpt-4o', duration_ms: 10, input_tokens: 5, cost_usd: 0.5 },
        ],
      }),
    ]);
    const { rows } = await getPool().query(
      `SELECT stage_id, cost_usd::float8 AS cost, cost_source FROM stage_executions WHERE org_id = $1 AND execution_id = 'priced' ORDER BY stage_index`,
      [orgA],
    );
    // gpt-4o-mini: $0.15 / Mtok input + $0.60 / Mtok output
    expect(rows).toEqual([
      { stage_id: 'gen', cost: 0.75, cost_source: 'catalog' },
      { stage_id: 'odd', cost: 0, cost_source: 'unpriced' },
      { stage_id: 'paid', cost: 0.5, cost_source: 'provided' },
    ]);
    const { rows: e } = await getPool().query(`SELECT cost_usd::float8 AS cost, unpriced_stages FROM executions WHERE org_id = $1 AND id = 'priced'`, [orgA]);
    expect(e).toEqual([{ cost: 1.25, unpriced_stages: 1 }]);
  });
});
