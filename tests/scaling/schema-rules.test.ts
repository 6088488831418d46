import type pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDb, getPool } from '@/lib/db/client';
import { LOCAL_TABLES, REFERENCE_TABLES } from './citus-plan';

// The schema rules docs/scaling.md relies on, read from the catalog of the migrated test
// database (the migrations' real result, not the Prisma schema): every table is classed
// distributed (by org_id) / reference / local; every primary key and unique index of a distributed
// table includes org_id; foreign keys between distributed tables include org_id on both sides;
// no sequence (a counter shared by every tenant) anywhere.

afterAll(closeDb);

const q = async <T>(sql: string) => (await getPool().query(sql)).rows as T[];

/** Tables and partitioned tables of the public schema, partitions left out (they follow their parent). */
const tables = () =>
  q<{ name: string; has_org: boolean }>(`
    SELECT c.relname AS name,
           EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'org_id' AND NOT a.attisdropped) AS has_org
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
     ORDER BY 1`);

const reference = new Set<string>(REFERENCE_TABLES);

/** Primary keys / unique indexes of distributed tables (org_id, not a reference table) without org_id. */
async function uniqueViolations(db: pg.Pool | pg.PoolClient): Promise<string[]> {
  const { rows } = await db.query<{ table: string; index: string; primary: boolean; cols: string[] }>(`
    SELECT c.relname AS table, i.relname AS index, x.indisprimary AS primary,
           array(SELECT a.attname::text FROM unnest(x.indkey) WITH ORDINALITY k(attnum, pos)
                   JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum ORDER BY k.pos) AS cols
      FROM pg_index x JOIN pg_class c ON c.oid = x.indrelid JOIN pg_class i ON i.oid = x.indexrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND x.indisunique AND NOT c.relispartition AND c.relkind IN ('r', 'p')
       AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'org_id' AND NOT a.attisdropped)
       AND c.relname <> ALL($1::text[])
     ORDER BY 1, 2`, [[...REFERENCE_TABLES]]);
  return rows.filter((r) => !r.cols.includes('org_id') || (r.primary && r.cols[0] !== 'org_id')).map((r) => `${r.table}.${r.index}(${r.cols.join(', ')})`);
}
const local = new Set<string>(LOCAL_TABLES);

describe('the schema rules of the Citus plan (docs/scaling.md)', () => {
  it('every table is distributed by org_id, reference or local — and only distributed tables are the tenants', async () => {
    const all = await tables();
    expect(all.length).toBeGreaterThan(20);
    const unclassed = all.filter((t) => !t.has_org && !reference.has(t.name) && !local.has(t.name)).map((t) => t.name);
    expect(unclassed, 'tables without org_id that are neither reference nor local').toEqual([]);
    const missing = [...reference, ...local].filter((name) => !all.some((t) => t.name === name));
    expect(missing, 'classed tables that do not exist').toEqual([]);
  });

  it('every primary key and unique index of a distributed table includes org_id (leading, for the primary key)', async () => {
    const distributed = (await tables()).filter((t) => t.has_org && !reference.has(t.name)).map((t) => t.name);
    expect(distributed).toEqual(expect.arrayContaining(['executions', 'stage_executions', 'execution_keys', 'pipelines', 'rollup_executions']));
    expect(await uniqueViolations(getPool())).toEqual([]);
  });

  it('the unique-index rule catches a table that breaks it (the check can fail)', async () => {
    const client = await getPool().connect();
    try {
      await client.query('BEGIN');
      await client.query(`CREATE TABLE public.fm_rule_probe (org_id uuid NOT NULL, id text PRIMARY KEY, k text, UNIQUE (org_id, k))`);
      await client.query(`CREATE UNIQUE INDEX fm_rule_probe_k ON public.fm_rule_probe (k)`);
      expect(await uniqueViolations(client)).toEqual(['fm_rule_probe.fm_rule_probe_k(k)', 'fm_rule_probe.fm_rule_probe_pkey(id)']);
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
  });

  it('foreign keys between distributed tables include org_id on both sides; none points from a reference table into one', async () => {
    const distributed = new Set((await tables()).filter((t) => t.has_org && !reference.has(t.name)).map((t) => t.name));
    const fks = await q<{ name: string; from: string; to: string; from_cols: string[]; to_cols: string[] }>(`
      SELECT con.conname AS name, f.relname AS from, t.relname AS to,
             array(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(n, pos)
                     JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n ORDER BY k.pos) AS from_cols,
             array(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY k(n, pos)
                     JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.n ORDER BY k.pos) AS to_cols
        FROM pg_constraint con JOIN pg_class f ON f.oid = con.conrelid JOIN pg_class t ON t.oid = con.confrelid
        JOIN pg_namespace n ON n.oid = f.relnamespace
       WHERE n.nspname = 'public' AND con.contype = 'f' AND NOT f.relispartition AND con.conparentid = 0`);
    expect(fks.length).toBeGreaterThan(0);
    const bad = fks.filter((fk) => {
      if (distributed.has(fk.from) && distributed.has(fk.to)) {
        const i = fk.from_cols.indexOf('org_id');
        return i < 0 || fk.to_cols[i] !== 'org_id';
      }
      return reference.has(fk.from) && distributed.has(fk.to); // Citus refuses reference → distributed
    });
    expect(bad.map((fk) => `${fk.name}: ${fk.from}(${fk.from_cols}) → ${fk.to}(${fk.to_cols})`)).toEqual([]);
  });

  it('no sequence, identity or serial column: ids are generated per row (uuid) or given by the client', async () => {
    expect(await q(`SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'S'`)).toEqual([]);
    expect(await q(`SELECT table_name, column_name FROM information_schema.columns
                     WHERE table_schema = 'public' AND (is_identity = 'YES' OR column_default LIKE 'nextval%')`)).toEqual([]);
  });
});
