import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import lockfile from 'proper-lockfile';

// One process owns an embedded data folder: a proper-lockfile lock (a directory, `owner.lock`,
// whose mtime the owner refreshes every 7.5 s) with the owner's pid and host written inside it.
// A lock whose process is gone (kill -9, OOM, power loss) or that nobody refreshed for 15 s is
// taken over at once, saying so; a live owner is refused. The pid file lives inside the lock
// directory, so it can never belong to an earlier lock than the one it sits in.

export class DataDirBusyError extends Error {}

export const STALE_MS = 15_000;
type Owner = { pid: number; host: string; started_at: string };

const lockPath = (dir: string) => path.join(dir, 'owner.lock');
const ownerFile = (dir: string) => path.join(lockPath(dir), 'owner.json');

function readOwner(dir: string): Owner | null {
  try {
    return JSON.parse(fs.readFileSync(ownerFile(dir), 'utf8')) as Owner;
  } catch {
    return null; // no lock, or its owner is still writing the file
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'; // alive, someone else's
  }
}

/** Why the folder's owner is gone ("process 123 is gone", "…not refreshed for 40 s"), or null. */
export function deadOwner(dir: string, now = Date.now()): { reason: string; mtimeMs: number; pid: number | null } | null {
  let mtimeMs: number;
  try {
    mtimeMs = fs.statSync(lockPath(dir)).mtimeMs;
  } catch {
    return null; // no lock at all
  }
  const owner = readOwner(dir);
  // A pid means something on this host only (a data folder on a network share may be another's).
  if (owner && owner.host === os.hostname() && owner.pid !== process.pid) {
    // On this host the pid decides: a live owner whose event loop stalled past STALE_MS (a WASM
    // start on a loaded machine) is still the owner, whatever the lock's mtime says.
    if (isAlive(owner.pid)) return null;
    return { reason: `process ${owner.pid} is gone`, mtimeMs, pid: owner.pid };
  }
  if (mtimeMs < now - STALE_MS) return { reason: `its lock was not refreshed for ${Math.round((now - mtimeMs) / 1000)} s`, mtimeMs, pid: owner?.pid ?? null };
  return null;
}

/** Whether a live process owns this folder now. */
export function ownedByLiveProcess(dir: string): boolean {
  return fs.existsSync(lockPath(dir)) && deadOwner(dir) === null;
}

/**
 * Moves a dead owner's lock aside (a rename is atomic) and deletes it. If another starter replaced
 * it between our judgement and the rename, the lock moved aside is not the one judged: it goes back.
 */
function removeDeadLock(dir: string, judged: { mtimeMs: number; pid: number | null }) {
  const aside = `${lockPath(dir)}.dead-${process.pid}-${Date.now()}`;
  try {
    fs.renameSync(lockPath(dir), aside);
  } catch {
    return; // gone meanwhile: somebody else took it over, and the lock attempt below will say so
  }
  const moved = (() => {
    try {
      return { mtimeMs: fs.statSync(aside).mtimeMs, pid: (JSON.parse(fs.readFileSync(path.join(aside, 'owner.json'), 'utf8')) as Owner).pid };
    } catch {
      return { mtimeMs: fs.statSync(aside).mtimeMs, pid: null };
    }
  })();
  if (moved.pid !== judged.pid || (judged.pid === null && moved.mtimeMs !== judged.mtimeMs)) {
    try {
      fs.renameSync(aside, lockPath(dir));
      return;
    } catch {}
  }
  fs.rmSync(aside, { recursive: true, force: true });
}

const busy = (dir: string, pid: number | undefined) =>
  new DataDirBusyError(
    `The embedded database in ${dir} is in use by another FlowMason process${pid ? ` (pid ${pid})` : ''} ` +
      `(a second "npm start" in this folder?). Stop it first, or set DATA_DIR or DATABASE_URL.`,
  );

/** Takes the folder (over from a dead owner if need be); resolves to the release function. */
export async function acquireOwnerLock(dir: string, log: (m: string) => void = (m) => console.error(`[flowmason] ${m}`)): Promise<() => Promise<void>> {
  const dead = deadOwner(dir);
  if (dead) {
    log(`The previous FlowMason process on ${dir} ended without stopping (${dead.reason}); taking over its data folder.`);
    removeDeadLock(dir, dead);
  }
  const current = readOwner(dir);
  // proper-lockfile would take a lock whose mtime is stale; on this host a live pid still owns it.
  if (current && current.host === os.hostname() && current.pid !== process.pid && isAlive(current.pid)) throw busy(dir, current.pid);
  let releasing = false;
  let keepAlive: NodeJS.Timeout | undefined;
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(dir, {
      lockfilePath: lockPath(dir),
      stale: STALE_MS,
      // proper-lockfile calls a lock "compromised" when its refresh came later than `stale`, which
      // a blocked event loop (PGlite's WASM start under load) causes while we still own the folder.
      // The pid inside the lock still says we do: keep its mtime fresh ourselves instead of crashing.
      onCompromised: (err) => {
        if (releasing || keepAlive || readOwner(dir)?.pid !== process.pid) return;
        log(`The data folder's lock refresh was late (${err.message}); keeping the lock.`);
        keepAlive = setInterval(() => {
          const now = new Date();
          if (readOwner(dir)?.pid === process.pid) fs.utimesSync(lockPath(dir), now, now);
        }, STALE_MS / 3);
        keepAlive.unref();
      },
    });
  } catch (err) {
    if (!['ELOCKED', 'ENOTEMPTY', 'EEXIST'].includes((err as NodeJS.ErrnoException).code ?? '')) throw err;
    throw busy(dir, readOwner(dir)?.pid);
  }
  // Writing into the lock directory changes its mtime, which proper-lockfile reads as "somebody
  // else refreshed my lock" (compromised): put back the mtime it holds.
  const { mtime } = fs.statSync(lockPath(dir));
  fs.writeFileSync(ownerFile(dir), JSON.stringify({ pid: process.pid, host: os.hostname(), started_at: new Date().toISOString() } satisfies Owner));
  fs.utimesSync(lockPath(dir), mtime, mtime);
  // An exit without stop (process.exit after an error): proper-lockfile's own exit hook cannot
  // remove a directory with our file inside, so this one removes both.
  const onExit = () => {
    if (readOwner(dir)?.pid === process.pid) fs.rmSync(lockPath(dir), { recursive: true, force: true });
  };
  process.once('exit', onExit);
  return async () => {
    releasing = true;
    clearInterval(keepAlive);
    process.off('exit', onExit);
    fs.rmSync(ownerFile(dir), { force: true });
    if (keepAlive) fs.rmSync(lockPath(dir), { recursive: true, force: true });
    else await release();
  };
}
