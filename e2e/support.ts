import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

// Helpers for the end-to-end suites: the CLI against the same database as the running app
// (its embedded server via DATA_DIR, or E2E_DATABASE_URL), and the demo key it printed.
const dataDir = path.join(process.cwd(), process.env.E2E_DATA_DIR ?? '.data-e2e');

export function cli(...args: string[]): string {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: path.relative(process.cwd(), dataDir) };
  if (process.env.E2E_DATABASE_URL) env.DATABASE_URL = process.env.E2E_DATABASE_URL;
  else delete env.DATABASE_URL;
  return execFileSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/cli.ts', ...args], {
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export const lastLine = (out: string) => out.trim().split('\n').at(-1)!.trim();

let counter = 0;
/** A new organisation and a key with the given scopes; returns the slug and the key. */
export function newOrgWithKey(scopes = 'read,ingest,admin') {
  const slug = `e2e-${process.pid}-${Date.now().toString(36)}-${counter++}`;
  cli('org', 'create', slug);
  const key = lastLine(cli('key', 'create', '--org', slug, '--scopes', scopes, '--name', 'e2e'));
  return { slug, key };
}

export function demoKey(): string {
  return fs.readFileSync(path.join(dataDir, 'demo-key.txt'), 'utf8').trim();
}

export const bearer = (key: string) => ({ Authorization: `Bearer ${key}` });
