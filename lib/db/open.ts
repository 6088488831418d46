import pg from 'pg';
import { applyMigrations } from './migrate';
import { runningEmbeddedUrl, startEmbedded } from './embedded';

// How scripts (start, CLI, tests, bench) get a database: DATABASE_URL when set (the database is
// created if it does not exist yet), else the embedded PGlite in DATA_DIR — shared with the
// running app when one owns it (CLI), or started here. Pending migrations are applied either way.

export type OpenedDb = { url: string; embedded: boolean; stop: () => Promise<void> };

async function ensureDatabaseExists(url: string) {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!name) return;
  const probe = new pg.Client({ connectionString: url });
  try {
    await probe.connect();
    await probe.end();
    return;
  } catch (err) {
    await probe.end().catch(() => {});
    if ((err as { code?: string }).code !== '3D000') throw err; // 3D000: database does not exist
  }
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  } catch (err) {
    if ((err as { code?: string }).code !== '42P04') throw err; // created meanwhile by someone else
  } finally {
    await client.end();
  }
}

export async function migrateUrl(url: string, log?: (m: string) => void) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await applyMigrations(client, log);
  } finally {
    await client.end();
  }
}

export async function openDatabase(opts: { shareRunning: boolean; log?: (m: string) => void }): Promise<OpenedDb> {
  const log = opts.log ?? (() => {});
  let opened: OpenedDb;
  if (process.env.DATABASE_URL) {
    await ensureDatabaseExists(process.env.DATABASE_URL);
    await migrateUrl(process.env.DATABASE_URL, log);
    opened = { url: process.env.DATABASE_URL, embedded: false, stop: async () => {} };
  } else {
    // A running embedded server was migrated by its owner before it published its URL.
    const running = opts.shareRunning ? runningEmbeddedUrl() : null;
    if (running) {
      opened = { url: running, embedded: true, stop: async () => {} };
    } else {
      const db = await startEmbedded({ log: opts.log, beforePublish: async (url) => void (await migrateUrl(url, log)) });
      opened = { url: db.url, embedded: true, stop: db.stop };
    }
  }
  if (!process.env.DATABASE_URL) process.env.DATABASE_URL = opened.url;
  return opened;
}
