// The web server processes of `npm start`: one app server (scripts/serve.ts: Next's handler behind
// a node:http server that stamps the client's address), or — WEB_CONCURRENCY > 1 — that many
// workers under node:cluster sharing the port (the primary accepts the connections
// and hands them round-robin to the workers, so every core serves requests). A worker that dies is
// replaced; one that dies within its first seconds (a build or port problem) stops the server.
import { spawn } from 'node:child_process';
import cluster, { type Worker } from 'node:cluster';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export interface WebProcesses {
  /** Resolves with an exit code when the server stops on its own (not through stop()). */
  exited: Promise<number>;
  stop(): Promise<void>;
}

const serveScript = () => path.join(process.cwd(), 'scripts', 'serve.ts');
// serve.ts is TypeScript: tsx loads it (no react-server condition: Next sets up its own).
const EXEC_ARGV = ['--import', 'tsx'];
// The single server process exits with `npm start`, however that ends (see exit-with-parent.mjs);
// cluster workers end with their primary on their own (the IPC channel closes).
const exitWithParent = () => pathToFileURL(path.join(process.cwd(), 'scripts', 'exit-with-parent.mjs')).href;
const EARLY_DEATH_MS = 10_000;

export function startWeb(opts: { port: number; host: string; env: NodeJS.ProcessEnv; processes: number; log: (m: string) => void }): WebProcesses {
  // serve.ts reads where to listen from the environment; NODE_ENV as `next start` sets it.
  const env: NodeJS.ProcessEnv = { ...opts.env, PORT: String(opts.port), HOST: opts.host, NODE_ENV: 'production' };
  if (opts.processes <= 1) {
    const child = spawn(process.execPath, ['--import', exitWithParent(), ...EXEC_ARGV, serveScript()], { stdio: 'inherit', env });
    const exited = new Promise<number>((resolve) => child.once('exit', (code) => resolve(code ?? 1)));
    return {
      exited,
      stop: async () => {
        if (child.exitCode === null) child.kill('SIGTERM');
        await exited;
      },
    };
  }
  cluster.setupPrimary({ exec: serveScript(), args: [], execArgv: EXEC_ARGV });
  let stopping = false;
  let resolveExit: (code: number) => void = () => {};
  const exited = new Promise<number>((r) => (resolveExit = r));
  const fork = (slot: number) => {
    const started = Date.now();
    // WEB_WORKER tells a process its slot (logs); the alert leader is elected in PostgreSQL (lib/alerts/leader.ts).
    const worker = cluster.fork({ ...env, WEB_WORKER: String(slot) });
    worker.once('exit', (code, signal) => {
      if (stopping) return;
      if (Date.now() - started < EARLY_DEATH_MS) {
        opts.log(`web worker ${slot} exited at start (${signal ?? code}); stopping`);
        void stopAll().then(() => resolveExit(code || 1));
        return;
      }
      opts.log(`web worker ${slot} exited (${signal ?? code}); starting a replacement`);
      fork(slot);
    });
  };
  for (let slot = 1; slot <= opts.processes; slot++) fork(slot);
  const stopAll = async () => {
    stopping = true;
    const alive = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w && !w.isDead());
    await Promise.all(alive.map((w) => new Promise<void>((r) => {
      w.once('exit', () => r());
      w.process.kill('SIGTERM');
    })));
  };
  return { exited, stop: stopAll };
}
