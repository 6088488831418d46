import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import pg from 'pg';
import { createInstance } from './alerts-instance';

// Writes by another process reach a running app's caches at once (lib/db/org-changes.ts): an app
// instance whose analytics answers and verified keys would stay cached for 10 minutes, and the
// CLI — a second process — importing into its organisation and revoking one of its keys. A change
// behind the app's back (SQL that announces nothing) stays invisible, which shows that the caches
// really hold and that only the announcement makes the next answer fresh.

test.describe.configure({ timeout: 420_000, mode: 'serial' });

const line = (id: string) => JSON.stringify({ id, pipeline_id: 'imported', status: 'success', started_at: new Date(Date.now() - 3_600_000).toISOString(), duration_ms: 100 });

type Pipelines = { pipelines?: Array<{ pipeline_id: string; executions: number }> };

/** One GET on a connection of its own: after a long CLI call a kept-alive socket may be closed already. */
function answer(url: string, key: string): Promise<{ status: number; body: Pipelines }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: false, headers: { authorization: `Bearer ${key}` } }, (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as Pipelines }));
      })
      .on('error', reject);
  });
}

test('a CLI import and a CLI key revocation show in the next API answer of a running app', async () => {
  const app = await createInstance({ INSIGHTS_CACHE_TTL_MS: '600000', API_KEY_CACHE_TTL_MS: '600000' });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fm-e2e-changes-'));
  try {
    await app.start();
    app.cli('org', 'create', 'changes');
    const key = app.cli('key', 'create', '--org', 'changes', '--scopes', 'read,ingest').trim().split('\n').at(-1)!;
    const doomed = app.cli('key', 'create', '--org', 'changes', '--scopes', 'read').trim().split('\n').at(-1)!;
    const get = (k: string) => answer(`${app.baseURL}/api/v1/pipelines`, k);
    const count = async () => (await get(key)).body.pipelines?.find((p) => p.pipeline_id === 'imported')?.executions ?? 0;

    const first = path.join(dir, 'first.jsonl');
    fs.writeFileSync(first, ['a', 'b', 'c'].map(line).join('\n'));
    app.cli('import', first, '--org', 'changes');
    expect(await count()).toBe(3);
    expect((await get(doomed)).status).toBe(200); // both keys are now verified and cached

    // Behind the app's back: no announcement, so the cached answer stands.
    const db = new pg.Client({ connectionString: app.databaseUrl() });
    await db.connect();
    try {
      await db.query(`DELETE FROM executions WHERE id = 'a' AND org_id = (SELECT id FROM organizations WHERE slug = 'changes')`);
    } finally {
      await db.end();
    }
    expect(await count()).toBe(3);

    // The CLI's import announces: the very next answer counts it (and the deletion).
    const second = path.join(dir, 'second.jsonl');
    fs.writeFileSync(second, ['d', 'e', 'f', 'g'].map(line).join('\n'));
    expect(app.cli('import', second, '--org', 'changes')).toContain('4 accepted');
    expect(await count()).toBe(6);

    // A key revoked by the CLI stops working at once, though its verification was cached.
    app.cli('key', 'revoke', doomed.slice(0, 11));
    expect((await get(doomed)).status).toBe(401);
    expect((await get(key)).status).toBe(200);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    await app.dispose();
  }
});
