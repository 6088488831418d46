import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { prepareDataDir, tightenDataDir } from './data-dir';
import { acquireOwnerLock, ownedByLiveProcess } from './owner-lock';
import { newPassword, requirePassword } from './pglite-auth';
import { serializeExtendedProtocol } from './pglite-queue';

// The embedded default: PGlite (PostgreSQL compiled to WASM) persisted in a folder and served on
// the PostgreSQL wire protocol on 127.0.0.1, so that the app, the CLI and the tests use the very
// same `pg` + adapter-pg code path as a real server. PGlite has no cross-process locking, so one
// process owns the folder (a lock file, ./owner-lock) and publishes its URL in server.json for the CLI.
// The folder is the owner's alone (0700, data-dir.ts), and the server asks for a password
// (pglite-auth.ts): a new random one at every start, found only in server.json (0600) inside it.

export type EmbeddedDb = { url: string; stop: () => Promise<void> };
type ServerInfo = { pid: number; url: string };

export { DataDirBusyError } from './owner-lock';

export function dataDir() {
  return path.join(process.cwd(), process.env.DATA_DIR ?? '.data');
}

/** The URL of the embedded server another process owns in this data dir, if it is running. */
export function runningEmbeddedUrl(dir = dataDir()): string | null {
  const file = path.join(dir, 'server.json');
  // After a kill -9 the server.json stays: the URL counts only while its owner lives.
  if (!fs.existsSync(file) || !ownedByLiveProcess(dir)) return null;
  const info = JSON.parse(fs.readFileSync(file, 'utf8')) as ServerInfo;
  return info.url;
}

/**
 * Starts the embedded server on this data dir (refusing when another process owns it).
 * `beforePublish` runs before the URL is published in server.json — the migrations, so that a CLI
 * command sharing this server never sees (or races) a half-migrated database: PGlite has one
 * session for every connection, so the migration's advisory lock cannot keep a second migrator out.
 */
export async function startEmbedded(
  opts: { dir?: string; memory?: boolean; port?: number; beforePublish?: (url: string) => Promise<void>; log?: (m: string) => void } = {},
): Promise<EmbeddedDb> {
  let release: (() => Promise<void>) | null = null;
  let db: PGlite;
  const dir = opts.dir ?? dataDir();
  if (opts.memory) {
    db = await PGlite.create();
  } else {
    prepareDataDir(dir);
    release = await acquireOwnerLock(dir, opts.log); // a dead owner is taken over, a live one refused
    tightenDataDir(dir); // what an older version or another tool left open to others
    db = await PGlite.create(path.join(dir, 'pgdata'));
    tightenDataDir(dir); // PGlite made pgdata and its files with the process umask
  }
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: opts.port ?? 0, maxConnections: 16 });
  serializeExtendedProtocol(server);
  const password = newPassword();
  requirePassword(server, password);
  await server.start();
  const url = `postgresql://postgres:${password}@${server.getServerConn()}/postgres?sslmode=disable`;
  const infoFile = path.join(dir, 'server.json');
  try {
    await opts.beforePublish?.(url);
  } catch (err) {
    await server.stop();
    await db.close();
    await release?.();
    throw err;
  }
  if (!opts.memory) {
    fs.writeFileSync(infoFile, JSON.stringify({ pid: process.pid, url } satisfies ServerInfo), { mode: 0o600 });
    fs.chmodSync(infoFile, 0o600); // a stale file from a crashed owner keeps its old mode otherwise
  }
  let stopped = false;
  return {
    url,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
      await db.close();
      if (!opts.memory) fs.rmSync(infoFile, { force: true });
      await release?.();
    },
  };
}
