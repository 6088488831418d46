// `npm start`: the production build served on PORT (default 3000), on DATABASE_URL or, when it is
// unset, on the embedded PostgreSQL under DATA_DIR (default .data/). Applies migrations, loads the
// demo organisation on first start (DEMO_DATA=0 skips), builds the app when no build exists, and
// prints the URL and a demo API key.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DataDirBusyError } from '@/lib/db/embedded';
import { closeDb } from '@/lib/db/client';
import { openDatabase } from '@/lib/db/open';
import { ensureDemo } from './setup-demo';

const port = Number(process.env.PORT ?? 3000);
const nextBin = path.join(process.cwd(), 'node_modules', 'next', 'dist', 'bin', 'next');
const say = (m: string) => console.log(`[flowmason] ${m}`);

// The Next process exits with this one, however this one ends (see exit-with-parent.mjs).
const exitWithParent = pathToFileURL(path.join(process.cwd(), 'scripts', 'exit-with-parent.mjs')).href;

function run(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, ['--import', exitWithParent, nextBin, ...args], { stdio: 'inherit', env });
}

function buildIfNeeded(env: NodeJS.ProcessEnv): Promise<void> {
  if (fs.existsSync(path.join(process.cwd(), process.env.NEXT_DIST_DIR ?? '.next', 'BUILD_ID')) && process.env.FORCE_BUILD !== '1') {
    return Promise.resolve();
  }
  say('building the app (first start only; `npm run build` rebuilds)…');
  return new Promise((resolve, reject) => {
    run(['build'], env).on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`next build exited with ${code}`))));
  });
}

async function waitHealthy(url: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`the app did not become healthy at ${url}`);
}

async function main() {
  const embeddedMode = !process.env.DATABASE_URL;
  let db;
  try {
    db = await openDatabase({ shareRunning: false, log: say });
  } catch (err) {
    if (err instanceof DataDirBusyError) {
      console.error(`[flowmason] ${err.message}`);
      process.exit(1);
    }
    throw err;
  }
  say(embeddedMode ? `embedded PostgreSQL (PGlite) in ${process.env.DATA_DIR ?? '.data'}/` : 'PostgreSQL at DATABASE_URL');
  const host = process.env.HOST ?? (embeddedMode ? '127.0.0.1' : '0.0.0.0');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: db.url,
    NEXT_TELEMETRY_DISABLED: '1',
    FLOWMASON_AUTH: process.env.FLOWMASON_AUTH ?? (embeddedMode ? 'demo' : 'required'),
    // The app learns where it listens: the password-less demo session exists on loopback only.
    HOST: host,
  };
  const [demo] = await Promise.all([ensureDemo({ embeddedMode, log: say }), buildIfNeeded(env)]);
  await closeDb();
  const server = run(['start', '-p', String(port), '-H', host], env);
  const url = `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    server.kill('SIGTERM');
    await new Promise((r) => (server.exitCode !== null ? r(null) : server.once('exit', r)));
    await db.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  server.on('exit', (code) => void stop(code ?? 1));
  await waitHealthy(url);
  say(`FlowMason Insights is running at ${url}`);
  if (demo.key) say(`demo API key (organisation "default"): ${demo.key}`);
}

main().catch((err: Error) => {
  console.error(`[flowmason] ${err.stack ?? err.message}`);
  process.exit(1);
});
