import fs from 'node:fs';
import net from 'node:net';
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

  it('keeps the folder to its owner: 0700, contents not readable by others, server.json 0600', async () => {
    const dir = tempDir();
    fs.chmodSync(dir, 0o755); // as an older version left it
    fs.writeFileSync(path.join(dir, 'left-over'), 'x', { mode: 0o666 });
    fs.chmodSync(path.join(dir, 'left-over'), 0o666);
    running.push(await startEmbedded({ dir }));
    const mode = (p: string) => fs.statSync(p).mode & 0o777;
    expect(mode(dir)).toBe(0o700);
    expect(mode(path.join(dir, 'left-over'))).toBe(0o600);
    expect(mode(path.join(dir, 'server.json'))).toBe(0o600);
    expect(mode(path.join(dir, 'pgdata'))).toBe(0o700);
    await running.pop()!.stop();
    // PGlite created its files with the umask: at the next start nothing inside is open to others.
    fs.chmodSync(path.join(dir, 'pgdata'), 0o755);
    running.push(await startEmbedded({ dir }));
    const open: string[] = [];
    const walk = (d: string) => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        const full = path.join(d, e.name);
        if (!e.isSymbolicLink() && (fs.statSync(full).mode & 0o077) !== 0) open.push(full);
        if (e.isDirectory()) walk(full);
      }
    };
    walk(dir);
    expect(open.filter((f) => !f.endsWith('owner.lock'))).toEqual([]);
  }, 120_000);

  it('the wire-protocol server refuses a connection without the password, or with a wrong one', async () => {
    const dir = tempDir();
    const db = await startEmbedded({ dir });
    running.push(db);
    const url = new URL(db.url);
    expect(url.password).toMatch(/^[0-9a-f]{48}$/);
    const attempt = async (password: string | undefined) => {
      const client = new pg.Client({ host: url.hostname, port: Number(url.port), user: 'postgres', database: 'postgres', password, connectionTimeoutMillis: 5_000 });
      try {
        await client.connect();
        const { rows } = await client.query('SELECT 1 AS one');
        return rows[0].one as number;
      } catch (err) {
        return (err as { code?: string; message: string }).code ?? (err as Error).message;
      } finally {
        await client.end().catch(() => {});
      }
    };
    expect(await attempt(undefined)).toMatch(/28P01|password/);
    expect(await attempt('')).toMatch(/28P01|password/);
    expect(await attempt('not-the-password')).toBe('28P01');
    expect(await attempt(`${url.password}x`)).toBe('28P01');
    expect(await attempt(decodeURIComponent(url.password))).toBe(1);
    // psql's default (sslmode=prefer) asks for TLS first: the answer is "N", then the password.
    const raw = net.connect(Number(url.port), url.hostname);
    const reply = await new Promise<string>((resolve) => {
      raw.once('data', (d) => resolve(d.toString('latin1')));
      const ssl = Buffer.alloc(8);
      ssl.writeInt32BE(8, 0);
      ssl.writeInt32BE(80877103, 4);
      raw.write(ssl);
    });
    raw.destroy();
    expect(reply).toBe('N');
    const shared = new pg.Client({ connectionString: runningEmbeddedUrl(dir)! });
    await shared.connect();
    expect((await shared.query('SELECT 2 AS two')).rows[0].two).toBe(2);
    await shared.end();
  }, 60_000);

  it('a failed migration releases the folder and publishes nothing', async () => {
    const dir = tempDir();
    await expect(startEmbedded({ dir, beforePublish: async () => { throw new Error('bad migration'); } })).rejects.toThrow('bad migration');
    expect(runningEmbeddedUrl(dir)).toBeNull();
    running.push(await startEmbedded({ dir })); // the lock was released
  }, 60_000);
});
