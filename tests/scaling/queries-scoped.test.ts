import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDb, getPool } from '@/lib/db/client';
import { CROSS_TENANT_STATEMENTS, REFERENCE_TABLES } from './citus-plan';
import { sourceFiles, sqlLiterals } from './sql-scan';

// "No query without org_id" (docs/scaling.md): on Citus a statement that names the distribution
// column is routed to one shard; one that does not fans out to every shard. Every SQL statement in
// the production code (lib/, app/, scripts/) that touches a distributed table must therefore
// bind org_id — directly or through the helpers that add it — unless it is one of the listed
// cross-tenant background statements.

afterAll(closeDb);

/** An org_id condition bound to a value, or a helper that adds one; an INSERT naming org_id among its columns. */
const ORG_CONDITION = /\borg_id\s*(?:=\s*(?:\$|ANY\b)|IN\s*\()|\$\{\s*(?:scopeWhere|rawRows|rollupRows|cuts)\(/i;
const ORG_INSERT = /\bINSERT\s+INTO\s+"?\w+"?\s*(?:AS\s+\w+\s*)?\(\s*"?org_id\b/gi;
const INSERTS = /\bINSERT\s+INTO\b/gi;
/** Conditions on org_id, or every INSERT of the statement carrying org_id (its rows name their shard). */
const isScoped = (text: string) => ORG_CONDITION.test(text) || ((text.match(INSERTS)?.length ?? 0) > 0 && text.match(INSERTS)!.length === (text.match(ORG_INSERT)?.length ?? 0));

async function distributedTables(): Promise<Set<string>> {
  const { rows } = await getPool().query<{ name: string }>(`
    SELECT DISTINCT c.relname AS name FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND a.attname = 'org_id'`);
  return new Set(rows.map((r) => r.name).filter((t) => !(REFERENCE_TABLES as readonly string[]).includes(t)));
}

function unscoped(root: string, tables: Set<string>) {
  return ['lib', 'app', 'scripts']
    .flatMap((d) => sourceFiles(path.join(root, d)))
    .flatMap((file) => sqlLiterals(path.relative(root, file), fs.readFileSync(file, 'utf8'), tables))
    .filter((s) => !isScoped(s.text))
    .filter((s) => !s.tables.every((t) => CROSS_TENANT_STATEMENTS.some((x) => x.file === s.file && x.table === t)));
}

describe('every statement on a distributed table is scoped by org_id', () => {
  it('finds the statements (the scan sees the ingest insert and the rollup queries)', async () => {
    const tables = await distributedTables();
    const all = ['lib'].flatMap((d) => sourceFiles(path.join(process.cwd(), d)))
      .flatMap((file) => sqlLiterals(file, fs.readFileSync(file, 'utf8'), tables));
    expect(all.length).toBeGreaterThan(30);
    expect(all.some((s) => s.tables.includes('stage_executions') && s.file.endsWith('lib/ingest/insert.ts'))).toBe(true);
  });

  it('none without org_id outside the listed cross-tenant background statements', async () => {
    const found = unscoped(process.cwd(), await distributedTables());
    expect(found.map((s) => `${s.file}:${s.line} (${s.tables.join(', ')}): ${s.text.slice(0, 120).replace(/\s+/g, ' ')}`)).toEqual([]);
  });

  it('flags a statement without org_id (the scan can fail)', () => {
    const probe = 'const q = sql`SELECT count(*) FROM executions WHERE started_at > now()`; const ok = sql`SELECT 1 FROM executions WHERE org_id = ${o}`;';
    const hits = sqlLiterals('probe.ts', probe, new Set(['executions'])).filter((s) => !isScoped(s.text));
    expect(hits.map((h) => h.text)).toEqual(['`SELECT count(*) FROM executions WHERE started_at > now()`']);
  });
});
