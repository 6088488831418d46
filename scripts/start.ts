// `npm start`: the production build served on PORT (default 3000), on DATABASE_URL or, when it is
// unset, on the embedded PostgreSQL under DATA_DIR (default .data/). Applies migrations, loads the
// demo organisation on first start (DEMO_DATA=0 skips), builds the app when no build exists, and
// prints the URL and a demo API key. On PostgreSQL it runs WEB_CONCURRENCY server processes
// (default: one per core) on the one port; the embedded database has one owner, so one process.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { startWarnings } from '@/lib/auth/start-warnings';
import { DataDirBusyError } from '@/lib/db/embedded';
import { closeDb } from '@/lib/db/client';
import { openDatabase } from '@/lib/db/open';
import { ensureDemo } from './setup-demo';
import { startWeb } from './web-processes';

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

/**
 * WEB_CONCURRENCY, default 1; always 1 on the embedded database (a single owner). Not one per core
 * by default: the API rate limits and the sign-in limits are in memory per process, so N processes
 * would loosen the brute-force limits N× (README "Operations"); opt in knowing that.
 */
function webConcurrency(embeddedMode: boolean): number {
  if (embeddedMode) return 1;
  const n = Number(process.env.WEB_CONCURRENCY);
  return Number.isInteger(n) && n >= 1 ? n : 1;
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
  for (const warning of startWarnings(env)) say(warning);
  const [demo] = await Promise.all([ensureDemo({ embeddedMode, log: say }), buildIfNeeded(env)]);
  await closeDb();
  const processes = webConcurrency(embeddedMode);
  const server = startWeb({ port, host, env: { ...env, ALERTS_LEADER_ELECTION: embeddedMode ? '0' : '1' }, processes, log: say });
  const url = `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await server.stop();
    await db.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  void server.exited.then((code) => stop(code));
  await waitHealthy(url);
  say(`FlowMason Insights is running at ${url}${processes > 1 ? ` (${processes} server processes)` : ''}`);
  if (demo.key) say(`demo API key (organisation "default"): ${demo.key}`);
}

main().catch((err: Error) => {
  console.error(`[flowmason] ${err.stack ?? err.message}`);
  process.exit(1);
});
