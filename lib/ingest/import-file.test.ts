import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb, getPool } from '@/lib/db/client';
import { newOrg } from '@/tests/helpers';
import { importFile, type ImportProgress } from './import-file';

// cli import on a real database: both formats, line numbers of rejects, batches of 1,000, and
// re-importing a file stores nothing twice.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fm-import-'));
const write = (name: string, text: string) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
};
const startedAt = new Date(Date.now() - 3_600_000).toISOString();
const exec = (id: string, extra: Record<string, unknown> = {}) => ({ id, pipeline_id: 'imp', status: 'success', started_at: startedAt, duration_ms: 100, ...extra });
const count = async (orgId: string) =>
  (await getPool().query<{ n: number }>('SELECT count(*)::int AS n FROM executions WHERE org_id = $1', [orgId])).rows[0].n;

describe('importFile', () => {
  let orgId: string;
  beforeAll(async () => {
    orgId = (await newOrg('import')).id;
  });
  afterAll(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    await closeDb();
  });

  it('imports JSON Lines across batches, reporting rejects by line number and path', async () => {
    const lines = Array.from({ length: 2345 }, (_, i) => JSON.stringify(exec(`j${i}`)));
    lines.splice(9, 0, '{"id": "broken", ');   // line 10: not JSON
    lines.splice(19, 0, '');                    // line 20: blank, skipped
    lines.splice(29, 0, JSON.stringify(exec('bad', { stages: [{ stage_id: 's' }] }))); // line 30
    lines.push(JSON.stringify(exec('j0')));     // a duplicate of line 1, in another batch
    const progress: ImportProgress[] = [];
    const summary = await importFile(getPool(), orgId, write('runs.jsonl', lines.join('\n') + '\n'), { onProgress: (p) => progress.push(p) });
    expect(summary.records).toBe(2348);
    expect(summary.accepted).toBe(2345);
    expect(summary.duplicates).toBe(1);
    expect(summary.rejected).toEqual([
      { line: 10, id: null, errors: [{ path: '', message: expect.stringContaining('is not valid JSON') }] },
      { line: 30, id: 'bad', errors: [{ path: 'stages.0.duration_ms', message: 'is required' }] },
    ]);
    expect(progress.length).toBe(3); // 1,000 + 1,000 + 347 items
    expect(await count(orgId)).toBe(2345);
  });

  it('imports CSV rows: JSON columns, numbers, multi-line cells, broken rows', async () => {
    const stages = JSON.stringify([{ stage_id: 'gen', provider: 'openai', model: 'gpt-4o-mini', duration_ms: 90, input_tokens: 1000, output_tokens: 200 }]);
    const q = (s: string) => `"${s.replaceAll('"', '""')}"`;
    const csv = [
      'id,pipeline_id,status,started_at,duration_ms,error_message,cost_usd,metadata,stages,ignored',
      `c1,imp,success,${startedAt},120,,,${q('{"env":"prod"}')},${q(stages)},x`,
      `c2,imp,failed,${startedAt},80,${q('upstream said:\nrate limit exceeded')},0.5,,,`,
      `c3,imp,success,${startedAt},fast,,,,,`,
      `c4,imp,success,${startedAt},10,,,,${q('[{"stage_id":')},`,
      `c5,imp,success,${startedAt},10,extra,column,count,is,wrong,here`,
      `c1,imp,success,${startedAt},120,,,,,`,
    ].join('\r\n');
    const summary = await importFile(getPool(), orgId, write('runs.csv', csv));
    expect(summary).toMatchObject({ records: 6, accepted: 2, duplicates: 1 });
    expect(summary.rejected).toEqual([
      { line: 5, id: 'c3', errors: [{ path: 'duration_ms', message: 'must be a number' }] },
      { line: 6, id: 'c4', errors: [{ path: 'stages', message: expect.stringContaining('is not valid JSON') }] },
      { line: 7, id: null, errors: [{ path: '', message: expect.stringContaining('is not a valid CSV row') }] },
    ]);
    const { rows } = await getPool().query(
      `SELECT id, status, duration_ms, error_type, error_message, cost_usd::float8 AS cost, metadata, stage_count
         FROM executions WHERE org_id = $1 AND id IN ('c1', 'c2') ORDER BY id`,
      [orgId],
    );
    expect(rows).toEqual([
      { id: 'c1', status: 'success', duration_ms: 120, error_type: null, error_message: null, cost: 0.00027, metadata: { env: 'prod' }, stage_count: 1 },
      { id: 'c2', status: 'failed', duration_ms: 80, error_type: 'rate_limit', error_message: 'upstream said:\nrate limit exceeded', cost: 0.5, metadata: null, stage_count: 0 },
    ]);
  });

  it('re-importing a file stores nothing twice', async () => {
    const file = write('again.jsonl', [exec('a1'), exec('a2')].map((e) => JSON.stringify(e)).join('\n'));
    expect(await importFile(getPool(), orgId, file)).toMatchObject({ accepted: 2, duplicates: 0, rejected: [] });
    expect(await importFile(getPool(), orgId, file)).toMatchObject({ accepted: 0, duplicates: 2, rejected: [] });
  });

  it('refuses other file types before reading anything', async () => {
    await expect(importFile(getPool(), orgId, write('runs.json', '[]'))).rejects.toThrow(/must end in .jsonl, .ndjson or .csv/);
  });
});
