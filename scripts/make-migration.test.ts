import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrationSql } from './make-migration';

// One engine run (about 15 s: a fresh PGlite, every migration replayed, the schema described and
// diffed). Appending a model and expecting exactly its CREATE TABLE proves two things at once: the
// offline engine flow works end to end, and the committed schema.prisma and migrations agree (any
// drift between them would add statements to the diff).
const THROWAWAY = `
model MakeMigrationProbe {
  orgId String @map("org_id") @db.Uuid
  id    String
  n     Int    @default(0)

  @@id([orgId, id])
  @@index([orgId, n])
  @@map("make_migration_probe")
}
`;

describe('db:migration (offline schema diff)', { timeout: 180_000 }, () => {
  it('diffs the migrations against schema.prisma: only the added model appears', async () => {
    const root = process.cwd();
    const schema = fs.readFileSync(path.join(root, 'prisma', 'schema.prisma'), 'utf8') + THROWAWAY;
    const sql = await migrationSql(schema, path.join(root, 'prisma', 'migrations'));
    const statements = sql
      .split(';')
      .map((s) => s.replace(/^--.*$/gm, '').trim())
      .filter(Boolean);
    expect(statements).toEqual([
      expect.stringMatching(/^CREATE TABLE "make_migration_probe" \(/),
      'CREATE INDEX "make_migration_probe_org_id_n_idx" ON "make_migration_probe"("org_id", "n")',
    ]);
    expect(sql).toContain('"n" INTEGER NOT NULL DEFAULT 0');
    expect(sql).toContain('CONSTRAINT "make_migration_probe_pkey" PRIMARY KEY ("org_id","id")');
  });
});
