import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { bearer, cli, newOrgWithKey } from '../support';
import { exec, stored } from './ingest-helpers';

// `npm run cli -- import` against the running app's database: the summary on stdout, a rejected
// line reported with its number and path (exit code 1), and the imported data visible to the API.

// The CLI (a tsx process per call) is slow on a loaded 2-core machine: room for it.
test.describe.configure({ timeout: 240_000 });

test('cli import: JSONL and CSV files, summary with line numbers, data served by the API', async ({ request }) => {
  const { slug, key } = newOrgWithKey('read,ingest');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fm-e2e-import-'));
  try {
    const jsonl = path.join(dir, 'runs.jsonl');
    fs.writeFileSync(jsonl, Array.from({ length: 1500 }, (_, i) => JSON.stringify(exec(`imp-${i}`, { pipeline_id: 'imported' }))).join('\n'));
    const out = cli('import', jsonl, '--org', slug);
    expect(out).toContain(`imported ${jsonl} into ${slug}: 1,500 accepted, 0 duplicates, 0 rejected`);

    const csv = path.join(dir, 'runs.csv');
    const started = exec('x').started_at;
    fs.writeFileSync(csv, [
      'id,pipeline_id,status,started_at,duration_ms,stages',
      `csv-1,imported,success,${started},250,"[{""stage_id"":""a"",""duration_ms"":200}]"`,
      `csv-2,imported,success,${started},-4,`,
      `imp-0,imported,success,${started},1,`,
    ].join('\n'));
    let failure: (Error & { status?: number; stdout?: string }) | undefined;
    try {
      cli('import', csv, '--org', slug);
    } catch (err) {
      failure = err as Error & { status?: number; stdout?: string };
    }
    expect(failure?.status).toBe(1);
    expect(failure?.stdout).toContain('1 accepted, 1 duplicates, 1 rejected');
    expect(failure?.stdout).toContain('line 3 (id "csv-2"): duration_ms must be an integer ≥ 0');
    expect((await stored(slug, ['csv-1', 'csv-2'])).map((r) => [r.id, r.stage_count])).toEqual([['csv-1', 1]]);

    const res = await request.get('/api/v1/pipelines', { headers: bearer(key) });
    const body = (await res.json()) as { pipelines: Array<{ pipeline_id: string; executions: number }> };
    expect(body.pipelines).toContainEqual(expect.objectContaining({ pipeline_id: 'imported', executions: 1501 }));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
