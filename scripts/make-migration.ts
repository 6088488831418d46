// `npm run db:migration -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql with
// the SQL that takes the existing migrations to prisma/schema.prisma. Offline: Prisma's WASM schema
// engine replays the migrations on a scratch in-memory PGlite (its "shadow database") and diffs.
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import { readMigrations } from '@/lib/db/migrate';
import { serializeExtendedProtocol } from '@/lib/db/pglite-queue';

type Engine = { diff(p: unknown): Promise<{ exitCode: number; stdout: string | null }> };

async function loadEngine(adapter: unknown, schema: string): Promise<Engine> {
  const dir = path.join(process.cwd(), 'node_modules', '@prisma', 'schema-engine-wasm');
  const bg = (await import(path.join(dir, 'schema_engine_bg.js'))) as Record<string, unknown> & {
    __wbg_set_wasm(e: unknown): void;
    SchemaEngine: { new: (o: unknown, log: (m: string) => void, a: unknown) => Promise<Engine> };
  };
  const { instance } = await WebAssembly.instantiate(fs.readFileSync(path.join(dir, 'schema_engine_bg.wasm')), {
    './schema_engine_bg.js': bg as WebAssembly.ModuleImports,
  });
  bg.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start?: () => void }).__wbindgen_start?.();
  return bg.SchemaEngine.new({ datamodels: [['schema.prisma', schema]] }, () => {}, adapter);
}

// adapter-pg runs a migration script by splitting it on ';', which breaks dollar-quoted function
// bodies; PostgreSQL's simple query protocol runs a whole multi-statement script as it is.
type ScriptAdapter = { executeScript(s: string): Promise<void>; client: { query(s: string): Promise<unknown> } };
function wholeScripts(factory: PrismaPg) {
  const patch = (a: ScriptAdapter) => {
    a.executeScript = async (script) => {
      await a.client.query(script);
    };
    return a;
  };
  const f = factory as unknown as { connect(): Promise<ScriptAdapter>; connectToShadowDb(): Promise<ScriptAdapter> };
  const connect = f.connect.bind(f);
  const shadow = f.connectToShadowDb.bind(f);
  f.connect = async () => patch(await connect());
  f.connectToShadowDb = async () => patch(await shadow());
  return factory;
}

// The engine's catalog queries return PostgreSQL's internal "char" type (OID 18), which adapter-pg
// refuses to map; pg already parses it as a string, so it is announced as text (OID 25).
function charAsText() {
  const query = pg.Client.prototype.query as (...a: unknown[]) => unknown;
  const fix = (res: { fields?: Array<{ dataTypeID: number }> }) => {
    for (const f of res?.fields ?? []) if (f.dataTypeID === 18) f.dataTypeID = 25;
    return res;
  };
  (pg.Client.prototype as { query: unknown }).query = function (this: pg.Client, ...args: unknown[]) {
    const r = query.apply(this, args);
    return r instanceof Promise ? r.then(fix) : r;
  };
}

async function main() {
  charAsText();
  const name = process.argv[2];
  if (!name || !/^[a-z0-9_]+$/.test(name)) throw new Error('usage: npm run db:migration -- <name_in_snake_case>');
  const schema = fs.readFileSync(path.join('prisma', 'schema.prisma'), 'utf8');
  const db = await PGlite.create();
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 4 });
  serializeExtendedProtocol(server);
  await server.start();
  try {
    const url = process.env.MIGRATION_SCRATCH_URL ?? `postgresql://postgres@${server.getServerConn()}/postgres?sslmode=disable`;
    const adapter = bindMigrationAwareSqlAdapterFactory(wholeScripts(new PrismaPg({ connectionString: url })) as never);
    const engine = await loadEngine(adapter, schema);
    const baseDir = path.join(process.cwd(), 'prisma', 'migrations');
    const result = await engine.diff({
      from: {
        tag: 'migrations',
        baseDir,
        lockfile: { path: 'migration_lock.toml', content: fs.readFileSync(path.join(baseDir, 'migration_lock.toml'), 'utf8') },
        shadowDbInitScript: '',
        migrationDirectories: readMigrations(baseDir).map((m) => ({
          path: m.name,
          migrationFile: { path: 'migration.sql', content: { tag: 'ok', value: m.sql } },
        })),
      },
      to: { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: schema }] },
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    const sql = (result.stdout ?? '').trim();
    if (!sql || /^-- This is an empty migration/.test(sql)) {
      console.log('schema.prisma and the migrations agree: nothing to write');
      return;
    }
    const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
    const dir = path.join(baseDir, `${stamp}_${name}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'migration.sql'), `${sql}\n`);
    console.log(`wrote ${path.relative(process.cwd(), dir)}/migration.sql — review it, then commit`);
  } finally {
    await server.stop();
    await db.close();
  }
}

main().catch((err: Error) => {
  console.error(`error: ${err.message}`);
  process.exit(1);
});
