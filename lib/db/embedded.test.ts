import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirBusyError, runningEmbeddedUrl, startEmbedded, type EmbeddedDb } from './embedded';
import { migrateUrl } from './open';

// The embedded database's ownership rules, on a real PGlite in a temporary data dir.
const dirs: string[] = [];
const running: EmbeddedDb[] = [];
const tempDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'fm-embedded-'));
  dirs.push(d);
  return d;
};
afterEach(async () => {
  for (const db of running.splice(0)) await db.stop();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('startEmbedded', () => {
  it('publishes its URL only after the migrations, so a sharing CLI never sees a half-migrated database', async () => {
    const dir = tempDir();
    let seenDuringMigration: string | null | undefined;
    const db = await startEmbedded({
      dir,
      beforePublish: async (url) => {
        seenDuringMigration = runningEmbeddedUrl(dir);
        await migrateUrl(url);
      },
    });
    running.push(db);
    expect(seenDuringMigration).toBeNull();
    expect(runningEmbeddedUrl(dir)).toBe(db.url);
    const client = new pg.Client({ connectionString: runningEmbeddedUrl(dir)! });
    await client.connect();
    const { rows } = await client.query('SELECT count(*)::int AS n FROM _prisma_migrations');
    await client.end();
    expect(rows[0].n).toBe(fs.readdirSync(path.join(process.cwd(), 'prisma', 'migrations')).filter((n) => !n.endsWith('.toml')).length);
  }, 120_000);

  it('refuses a second owner of the same folder with a clear error', async () => {
    const dir = tempDir();
    running.push(await startEmbedded({ dir }));
    await expect(startEmbedded({ dir })).rejects.toBeInstanceOf(DataDirBusyError);
  }, 60_000);

  it('a failed migration releases the folder and publishes nothing', async () => {
    const dir = tempDir();
    await expect(startEmbedded({ dir, beforePublish: async () => { throw new Error('bad migration'); } })).rejects.toThrow('bad migration');
    expect(runningEmbeddedUrl(dir)).toBeNull();
    running.push(await startEmbedded({ dir })); // the lock was released
  }, 60_000);
});
