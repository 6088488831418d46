// The web server processes of `npm start`: one `next start`, or — WEB_CONCURRENCY > 1 — that many
// `next start` workers under node:cluster sharing the port (the primary accepts the connections
// and hands them round-robin to the workers, so every core serves requests). A worker that dies is
// replaced; one that dies within its first seconds (a build or port problem) stops the server.
import { spawn } from 'node:child_process';
import cluster, { type Worker } from 'node:cluster';
import path from 'node:path';

export interface WebProcesses {
  /** Resolves with an exit code when the server stops on its own (not through stop()). */
  exited: Promise<number>;
  stop(): Promise<void>;
}

const nextBin = () => path.join(process.cwd(), 'node_modules', 'next', 'dist', 'bin', 'next');
const EARLY_DEATH_MS = 10_000;

export function startWeb(opts: { port: number; host: string; env: NodeJS.ProcessEnv; processes: number; log: (m: string) => void }): WebProcesses {
  const args = ['start', '-p', String(opts.port), '-H', opts.host];
  if (opts.processes <= 1) {
    const child = spawn(process.execPath, [nextBin(), ...args], { stdio: 'inherit', env: opts.env });
    const exited = new Promise<number>((resolve) => child.once('exit', (code) => resolve(code ?? 1)));
    return {
      exited,
      stop: async () => {
        if (child.exitCode === null) child.kill('SIGTERM');
        await exited;
      },
    };
  }
  cluster.setupPrimary({ exec: nextBin(), args, execArgv: [] });
  let stopping = false;
  let resolveExit: (code: number) => void = () => {};
  const exited = new Promise<number>((r) => (resolveExit = r));
  const fork = (slot: number) => {
    const started = Date.now();
    // WEB_WORKER tells a process its slot (logs); the alert leader is elected in PostgreSQL (lib/alerts/leader.ts).
    const worker = cluster.fork({ ...opts.env, WEB_WORKER: String(slot) });
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
