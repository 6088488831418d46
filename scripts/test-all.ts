// `npm test`: every suite — vitest (unit + integration on a real database) and Playwright (API
// and UI against the production build) — then one closing line "N passed, N failed".
// Embedded PGlite by default; TEST_DATABASE_URL runs everything on that PostgreSQL server, each
// suite in a fresh database that is dropped afterwards.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createFreshDatabase } from './fresh-database';

type Counts = { passed: number; failed: number; skipped: number };
const root = process.cwd();
const out = path.join(root, 'test-results', process.env.E2E_DATA_DIR ?? 'default');
fs.mkdirSync(out, { recursive: true });

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  console.log(`\n$ ${cmd} ${args.join(' ')}`);
  return spawnSync(cmd, args, { stdio: 'inherit', env: { ...env, NEXT_TELEMETRY_DISABLED: '1' } }).status ?? 1;
}

function vitestCounts(file: string): Counts | null {
  if (!fs.existsSync(file)) return null;
  const r = JSON.parse(fs.readFileSync(file, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
  return { passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + r.numTodoTests };
}

function playwrightCounts(file: string): Counts | null {
  if (!fs.existsSync(file)) return null;
  const r = JSON.parse(fs.readFileSync(file, 'utf8')) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } };
  return { passed: r.stats.expected + r.stats.flaky, failed: r.stats.unexpected, skipped: r.stats.skipped };
}

async function main() {
  const only = process.argv[2]; // optional: "unit" or "e2e"
  const totals: Counts = { passed: 0, failed: 0, skipped: 0 };
  const add = (c: Counts | null, exit: number, name: string) => {
    if (!c) {
      console.error(`${name}: no results (exit ${exit})`);
      totals.failed += 1;
      return;
    }
    if (exit !== 0 && c.failed === 0) c.failed = 1; // a crash outside any test still fails the run
    totals.passed += c.passed;
    totals.failed += c.failed;
    totals.skipped += c.skipped;
    console.log(`${name}: ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`);
  };

  if (only !== 'e2e') {
    const file = path.join(out, 'vitest.json');
    fs.rmSync(file, { force: true });
    const code = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${file}`]);
    add(vitestCounts(file), code, 'vitest');
  }

  if (only !== 'unit') {
    const buildCode = process.env.SKIP_BUILD === '1' ? 0 : run('npx', ['next', 'build']);
    if (buildCode !== 0) {
      add(null, buildCode, 'next build');
    } else {
      const dataDir = process.env.E2E_DATA_DIR ?? '.data-e2e';
      const env: NodeJS.ProcessEnv = { ...process.env, E2E_DATA_DIR: dataDir };
      fs.rmSync(path.join(root, dataDir), { recursive: true, force: true });
      const db = process.env.TEST_DATABASE_URL ? await createFreshDatabase(process.env.TEST_DATABASE_URL, 'fm_e2e') : null;
      if (db) env.E2E_DATABASE_URL = db.url;
      delete env.DATABASE_URL;
      const file = path.join(out, 'playwright.json');
      fs.rmSync(file, { force: true });
      const code = run('npx', ['playwright', 'test', '--reporter=list,json'], { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: file });
      add(playwrightCounts(file), code, 'playwright');
      await db?.drop().catch(() => {});
    }
  }

  console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
  process.exit(totals.failed > 0 ? 1 : 0);
}

main().catch((err) => {
  console.error(err);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
