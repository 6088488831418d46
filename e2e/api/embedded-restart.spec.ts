import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, request as playwrightRequest, test } from '@playwright/test';
import { bearer, lastLine } from '../support';
import { createInstance } from './alerts-instance';

// The embedded `npm start` killed with SIGKILL (kill -9, OOM, power loss) is started again at
// once: it comes up — no "in use by another FlowMason process", no waiting for the lock to go
// stale, no manual step — with the data acknowledged before the kill, and says that the previous
// process ended without stopping. While the owner lives, a second start is still refused.

test.skip(Boolean(process.env.E2E_DATABASE_URL), 'the owner lock belongs to the embedded database');

test('restart right after kill -9 of the embedded npm start: up, with the data, no manual step', async () => {
  test.setTimeout(600_000); // two cold starts of the app on a loaded machine
  const app = await createInstance({ DEMO_DATA: '0' });
  try {
    await app.start();
    app.cli('org', 'create', 'kill9');
    const key = lastLine(app.cli('key', 'create', '--org', 'kill9', '--scopes', 'read,ingest', '--name', 'e2e'));
    const api = await playwrightRequest.newContext({ baseURL: app.baseURL });
    const started = new Date(Date.now() - 3_600_000).toISOString();
    const executions = Array.from({ length: 50 }, (_, i) => ({ id: `k9-${i}`, pipeline_id: 'kill9', status: 'success', started_at: started, duration_ms: 100 + i }));
    const res = await api.post('/api/v1/executions', { headers: bearer(key), data: { executions } });
    expect(res.status()).toBe(200);
    expect((await res.json()).accepted).toBe(50);

    // A live owner is refused: a second start on the same folder exits at once, naming it.
    const second = spawnSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/start.ts'], {
      env: { ...process.env, DATA_DIR: app.dataDir, DATABASE_URL: '', PORT: '1', DEMO_DATA: '0' },
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(second.status).toBe(1);
    expect(second.stderr).toContain(`in use by another FlowMason process (pid ${app.pid()})`);

    // The owner is the process that npm start runs (it wrote its pid into the lock).
    const owner = JSON.parse(fs.readFileSync(path.join(process.cwd(), app.dataDir, 'owner.lock', 'owner.json'), 'utf8'));
    expect(owner.pid).toBe(app.pid());
    await app.kill();
    await app.start(); // at once: same folder, same port (the old Next server has exited with its parent)
    expect(app.output()).toContain(`ended without stopping (process ${owner.pid} is gone)`);
    expect(app.output()).not.toContain('in use by another FlowMason process');

    const list = await api.get('/api/v1/analytics/timeseries?days=2', { headers: bearer(key) });
    expect(list.status()).toBe(200);
    const buckets = (await list.json()).buckets as { executions: number }[];
    expect(buckets.reduce((n, b) => n + b.executions, 0)).toBe(50);
    await api.dispose();
  } finally {
    await app.dispose();
  }
});
