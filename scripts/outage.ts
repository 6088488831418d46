// `npm run outage`: the database-outage drill against the REAL PostgreSQL server (README
// "Operations"). Starts the app on a fresh database of 127.0.0.1:5432, runs ingest clients, stops
// PostgreSQL mid-ingest (pg_ctlcluster, as root), starts it again, and checks: during the outage
// every request answers 503 with Retry-After within 10 s (no 500, no hang); afterwards the app
// recovers by itself; every execution acknowledged with a 200 is in the database. PostgreSQL is
// always started again at the end, even on errors. It briefly breaks every other client of that
// server: run it when nobody else needs it. Exit code 1 when a check fails.
import { spawn, execFileSync } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { createFreshDatabase } from './fresh-database';
import { ingestClient, summarise, type Sample } from './outage-clients';

const SERVER = process.env.OUTAGE_SERVER_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const CLUSTER = (process.env.OUTAGE_CLUSTER ?? '15 main').split(' ');
const port = Number(process.env.OUTAGE_PORT ?? 3190);
const base = `http://127.0.0.1:${port}`;
const say = (m: string) => console.log(`[outage] ${m}`);

const cluster = (action: 'start' | 'stop') => execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', ...CLUSTER, action], { stdio: 'inherit' });
const clusterOnline = () => execFileSync('pg_lsclusters', ['--no-header'], { encoding: 'utf8' }).split('\n').some((l) => l.startsWith(CLUSTER.join(' ')) && l.includes('online'));

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await sleep(250);
  }
  throw new Error(`${what} not reached within ${timeoutMs} ms`);
}

async function main() {
  if (!clusterOnline()) cluster('start');
  const db = await createFreshDatabase(SERVER, 'fm_outage');
  const env = { ...process.env, DATABASE_URL: db.url, DEMO_DATA: '0', PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', NEXT_TELEMETRY_DISABLED: '1' };
  const app = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/start.ts'], { env, stdio: ['ignore', 'inherit', 'inherit'] });
  let ok = false;
  try {
    await waitFor('app healthy', async () => (await fetch(`${base}/api/health`)).ok, 300_000);
    const cli = (...args: string[]) => execFileSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/cli.ts', ...args], { env, encoding: 'utf8' });
    cli('org', 'create', 'outage');
    const key = cli('key', 'create', '--org', 'outage', '--scopes', 'read,ingest', '--name', 'outage').trim().split('\n').at(-1)!.trim();

    const samples: Sample[] = [];
    const acked = new Set<string>();
    const stop = { now: false };
    const clients = Array.from({ length: Number(process.env.OUTAGE_CLIENTS ?? 4) }, (_, c) => ingestClient(base, key, c, samples, acked, stop));
    await sleep(8_000);
    const down = Date.now();
    say('stopping PostgreSQL (fast shutdown) mid-ingest');
    cluster('stop');
    await sleep(Number(process.env.OUTAGE_SECONDS ?? 15) * 1000);
    const up = Date.now();
    say('starting PostgreSQL again');
    cluster('start');
    await waitFor('a 200 after the restart', async () => samples.some((s) => s.start > up && s.status === 200), 120_000);
    const recovered = samples.filter((s) => s.start > up && s.status === 200).reduce((m, s) => Math.min(m, s.end), Infinity);
    await sleep(5_000);
    stop.now = true;
    await Promise.all(clients);

    const check = new pg.Client({ connectionString: db.url });
    await check.connect();
    const { rows } = await check.query<{ id: string }>("SELECT e.id FROM executions e JOIN organizations o ON o.id = e.org_id WHERE o.slug = 'outage'");
    await check.end();
    const stored = new Set(rows.map((r) => r.id));
    const missing = [...acked].filter((id) => !stored.has(id));
    ok = summarise(samples, { down, up, recovered, acked: acked.size, stored: stored.size, missing: missing.length }, say);
  } finally {
    if (!clusterOnline()) {
      say('PostgreSQL is down: starting it');
      cluster('start');
    }
    app.kill('SIGTERM');
    await new Promise((r) => (app.exitCode !== null ? r(null) : app.once('exit', r)));
    await db.drop().catch((err: Error) => say(`dropping the database failed: ${err.message}`));
    say(`PostgreSQL cluster ${CLUSTER.join(' ')} is ${clusterOnline() ? 'online' : 'NOT ONLINE'}`);
  }
  console.log(ok ? 'outage: all checks passed' : 'outage: CHECKS FAILED');
  process.exit(ok ? 0 : 1);
}

main().catch((err: Error) => {
  console.error(`[outage] ${err.stack ?? err.message}`);
  process.exit(1);
});
