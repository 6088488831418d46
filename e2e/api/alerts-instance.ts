import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { createFreshDatabase } from '@/scripts/fresh-database';

// A dedicated app instance (`npm start`'s script) that a test may stop and start again: its own
// port and its own embedded data directory, or a fresh database on the real server when the suite
// runs on E2E_DATABASE_URL. Uses the same build as the suite's server (NEXT_DIST_DIR).

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

export async function createInstance(env: Record<string, string>) {
  const port = await freePort();
  const dataDir = `${process.env.E2E_DATA_DIR ?? '.data-e2e'}-instance-${process.pid}`;
  fs.rmSync(path.join(process.cwd(), dataDir), { recursive: true, force: true });
  const fresh = process.env.E2E_DATABASE_URL ? await createFreshDatabase(process.env.E2E_DATABASE_URL, 'fm_e2e_instance') : null;
  const dbEnv: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, NEXT_TELEMETRY_DISABLED: '1' };
  if (fresh) dbEnv.DATABASE_URL = fresh.url;
  else delete dbEnv.DATABASE_URL;
  const baseURL = `http://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  let output = '';

  const start = async (timeoutMs = 240_000) => {
    child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/start.ts'], {
      env: { ...dbEnv, PORT: String(port), HOST: '127.0.0.1', DEMO_DATA: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`instance exited with ${child.exitCode}:\n${output.slice(-3000)}`);
      try {
        if ((await fetch(`${baseURL}/api/health`)).ok) return;
      } catch {}
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`instance not healthy after ${timeoutMs} ms:\n${output.slice(-3000)}`);
  };

  /** SIGTERM, as a process manager would; SIGKILL if it has not exited after `graceMs`. */
  const stop = async (graceMs = 30_000) => {
    const c = child;
    if (!c || c.exitCode !== null || c.signalCode !== null) return;
    const exited = new Promise((r) => c.once('exit', r));
    c.kill('SIGTERM');
    const timer = setTimeout(() => c.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  };

  /** SIGKILL, as kill -9, an OOM kill or a power cut ends it: nothing of it runs any more. */
  const kill = async () => {
    const c = child;
    if (!c || c.exitCode !== null || c.signalCode !== null) return;
    const exited = new Promise((r) => c.once('exit', r));
    c.kill('SIGKILL');
    await exited;
  };

  const cli = (...args: string[]) =>
    execFileSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/cli.ts', ...args], {
      env: dbEnv,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });

  const dispose = async () => {
    await stop(5_000);
    await fresh?.drop().catch(() => {});
    fs.rmSync(path.join(process.cwd(), dataDir), { recursive: true, force: true });
  };

  /** The instance's database: its fresh database on the real server, or the embedded server it published. */
  const databaseUrl = () =>
    fresh?.url ?? (JSON.parse(fs.readFileSync(path.join(process.cwd(), dataDir, 'server.json'), 'utf8')) as { url: string }).url;

  return { baseURL, dataDir, start, stop, kill, pid: () => child?.pid ?? null, cli, dispose, databaseUrl, output: () => output };
}
