import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { acquireOwnerLock, DataDirBusyError, deadOwner, ownedByLiveProcess, STALE_MS } from './owner-lock';

// The owner lock between real processes: a child process takes the folder with acquireOwnerLock
// and is then killed with SIGKILL (nothing of it runs any more, as after kill -9 or an OOM kill).

const dirs: string[] = [];
const children: ChildProcess[] = [];
const releases: (() => Promise<void>)[] = [];
const tempDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'fm-owner-'));
  dirs.push(d);
  return d;
};
afterEach(async () => {
  for (const r of releases.splice(0)) await r();
  for (const c of children.splice(0)) c.kill('SIGKILL');
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** A child process that owns `dir` until killed; resolves once it holds the lock. */
async function ownerProcess(dir: string): Promise<ChildProcess> {
  const script = `import { acquireOwnerLock } from ${JSON.stringify(path.join(process.cwd(), 'lib/db/owner-lock.ts'))};
    await acquireOwnerLock(${JSON.stringify(dir)}); console.log('locked'); setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('locked') && resolve());
    child.once('exit', (code) => reject(new Error(`owner exited with ${code}`)));
  });
  return child;
}

const kill9 = (child: ChildProcess) => new Promise<void>((resolve) => {
  child.once('exit', () => resolve());
  child.kill('SIGKILL');
});

describe('acquireOwnerLock', () => {
  it('refuses a live owner, naming its pid', async () => {
    const dir = tempDir();
    const owner = await ownerProcess(dir);
    expect(ownedByLiveProcess(dir)).toBe(true);
    const attempt = acquireOwnerLock(dir, () => {});
    await expect(attempt).rejects.toBeInstanceOf(DataDirBusyError);
    await expect(attempt).rejects.toThrow(`in use by another FlowMason process (pid ${owner.pid})`);
  }, 60_000);

  it('takes over at once from an owner killed with SIGKILL, saying it ended without stopping', async () => {
    const dir = tempDir();
    const owner = await ownerProcess(dir);
    await kill9(owner);
    // The lock is fresh (refreshed moments ago): only the dead pid tells that nobody holds it.
    expect(fs.statSync(path.join(dir, 'owner.lock')).mtimeMs).toBeGreaterThan(Date.now() - STALE_MS);
    expect(deadOwner(dir)?.reason).toBe(`process ${owner.pid} is gone`);
    expect(ownedByLiveProcess(dir)).toBe(false);
    const said: string[] = [];
    releases.push(await acquireOwnerLock(dir, (m) => said.push(m)));
    expect(said).toEqual([`The previous FlowMason process on ${dir} ended without stopping (process ${owner.pid} is gone); taking over its data folder.`]);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'owner.lock', 'owner.json'), 'utf8')).pid).toBe(process.pid);
    expect(ownedByLiveProcess(dir)).toBe(true);
  }, 60_000);

  it('takes over a lock nobody refreshed for longer than the stale limit (its owner on another host)', async () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'owner.lock'));
    fs.writeFileSync(path.join(dir, 'owner.lock', 'owner.json'), JSON.stringify({ pid: process.pid, host: 'elsewhere', started_at: '2026-01-01T00:00:00Z' }));
    const old = new Date(Date.now() - STALE_MS - 25_000);
    fs.utimesSync(path.join(dir, 'owner.lock'), old, old);
    const said: string[] = [];
    releases.push(await acquireOwnerLock(dir, (m) => said.push(m)));
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/ended without stopping \(its lock was not refreshed for 4\d s\)/);
  });

  it('refuses a lock that another process is just setting up (no owner file yet, fresh)', async () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'owner.lock'));
    expect(deadOwner(dir)).toBeNull();
    await expect(acquireOwnerLock(dir, () => {})).rejects.toBeInstanceOf(DataDirBusyError);
  });

  it('keeps its lock through the refreshes (the owner file does not read as a foreign refresh)', async () => {
    // proper-lockfile refreshes the lock's mtime every 7.5 s, and only while the mtime is the one it
    // set (otherwise the lock is "compromised" and the process throws). Writing owner.json into the
    // lock directory changed that mtime once: the refreshes must go on regardless.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      const dir = tempDir();
      const release = await acquireOwnerLock(dir, () => {});
      const mtime = () => fs.statSync(path.join(dir, 'owner.lock')).mtimeMs;
      for (let refresh = 1; refresh <= 2; refresh++) {
        const before = mtime();
        await vi.advanceTimersByTimeAsync(STALE_MS / 2 + 100);
        for (let i = 0; i < 1000 && mtime() === before; i++) await new Promise((r) => setImmediate(r)); // the refresh's fs calls
        expect(mtime(), `refresh ${refresh}`).toBeGreaterThan(before);
      }
      await release(); // rejects with ERELEASED if the lock had been given up as compromised
      expect(fs.existsSync(path.join(dir, 'owner.lock'))).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  it('releases: the folder is free again and holds no lock', async () => {
    const dir = tempDir();
    const release = await acquireOwnerLock(dir, () => {});
    await release();
    expect(fs.existsSync(path.join(dir, 'owner.lock'))).toBe(false);
    releases.push(await acquireOwnerLock(dir, () => {}));
  });
});
