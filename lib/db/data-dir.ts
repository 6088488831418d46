import fs from 'node:fs';
import path from 'node:path';

// The embedded database's folder holds every organisation's data (and server.json, with the
// password of the wire-protocol server): only its owner may enter it. Created 0700; an existing
// folder (from an older version, or made by hand) is tightened at start, and so is everything in
// it that others could read or write (PGlite creates its files with the process umask, 0644/0666).

const OTHERS = 0o077;

function tighten(target: string, isDir: boolean) {
  try {
    const { mode } = fs.statSync(target);
    if ((mode & OTHERS) !== 0) fs.chmodSync(target, isDir ? 0o700 : mode & 0o700);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err; // a temporary file PGlite just removed
  }
}

function walk(dir: string) {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  for (const entry of entries) {
    if (entry.isSymbolicLink()) continue; // chmod would follow it out of the folder
    const full = path.join(dir, entry.name);
    tighten(full, entry.isDirectory());
    if (entry.isDirectory()) walk(full);
  }
}

/** Creates the folder 0700, or tightens it when it is open to others (before the owner lock). */
export function prepareDataDir(dir: string) {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  tighten(dir, true);
}

/** Tightens everything inside the folder (by its owner, once the lock is held). */
export function tightenDataDir(dir: string) {
  tighten(dir, true);
  walk(dir);
}
