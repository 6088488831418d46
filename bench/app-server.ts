import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

// Starts the app the way a user does (`npm start` = scripts/start.ts) on a given database and
// port, without demo data, rate limiting or response caching: the benchmark measures the
// uncached computation behind each request.

export interface AppServer {
  url: string;
  stop: () => Promise<void>;
}

export async function startApp(databaseUrl: string, port: number, extraEnv: Record<string, string> = {}): Promise<AppServer> {
  const tsx = path.join(process.cwd(), 'node_modules', '.bin', 'tsx');
  const child: ChildProcess = spawn(tsx, ['--conditions=react-server', 'scripts/start.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      DEMO_DATA: '0',
      RATE_LIMIT_PER_SECOND: '0',
      // Any response cache (lib/services/cache.ts, if present) is off: we time the computation.
      INSIGHTS_CACHE: '0',
      INSIGHTS_CACHE_TTL_MS: '0',
      ANALYTICS_CACHE_TTL_MS: '0',
      NEXT_TELEMETRY_DISABLED: '1',
      ...extraEnv,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: true,
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || !child.pid) return;
    process.kill(-child.pid, 'SIGTERM');
    await new Promise((r) => child.once('exit', r));
  };
  const deadline = Date.now() + 600_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the app exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return { url, stop };
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  await stop();
  throw new Error('the app did not become healthy in 10 minutes');
}
