// `npm run db:migration -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql with
// the SQL that takes the existing migrations to prisma/schema.prisma. Offline: Prisma's WASM schema
// engine (the native one would be downloaded) replays the migrations on a scratch in-memory PGlite,
// served on the wire protocol so the engine talks to it through adapter-pg, and diffs the result
// against the schema.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from '@prisma/driver-adapter-utils';
import { readMigrations } from '@/lib/db/migrate';
import { serializeExtendedProtocol } from '@/lib/db/pglite-queue';

type Engine = { diff(p: unknown): Promise<{ exitCode: number; stdout: string | null }> };

// A Rust panic inside the engine stores its message here before the WASM traps with a bare
// "unreachable"; the Prisma CLI installs the same registry so the message can be reported.
const panics = { message: '', set_message(m: string) { this.message = m; } };
(globalThis as { PRISMA_WASM_PANIC_REGISTRY?: typeof panics }).PRISMA_WASM_PANIC_REGISTRY = panics;

type EngineModule = { SchemaEngine: { new: (o: unknown, log: (m: string) => void, a: unknown) => Promise<Engine> } };
let engineModule: Promise<EngineModule> | undefined;

// Node cannot import a .wasm file, so the wasm-bindgen glue is wired to a manually instantiated module.
async function instantiateEngine(): Promise<EngineModule> {
  const dir = path.join(process.cwd(), 'node_modules', '@prisma', 'schema-engine-wasm');
  const bg = (await import(pathToFileURL(path.join(dir, 'schema_engine_bg.js')).href)) as EngineModule & {
    __wbg_set_wasm(e: unknown): void;
  };
  const { instance } = await WebAssembly.instantiate(fs.readFileSync(path.join(dir, 'schema_engine_bg.wasm')), {
    './schema_engine_bg.js': bg as unknown as WebAssembly.ModuleImports,
  });
  bg.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start?: () => void }).__wbindgen_start?.();
  return bg;
}

// Two adapter-pg gaps the schema engine hits while replaying migrations on its shadow database:
// - executeScript splits a script on ';', which breaks dollar-quoted function bodies; PostgreSQL's
//   simple query protocol runs a whole multi-statement script as it is.
// - the engine's catalog queries (pg_constraint.contype, pg_class.relkind, …) return PostgreSQL's
//   internal "char" type (OID 18). adapter-pg's column-type mapping rejects it ("Column type 'char'
//   could not be deserialized"), and the engine reads those columns as a char, so announcing them as
//   text is not enough either: they must reach it as ColumnTypeEnum.Character. queryRaw maps types
//   right after performIO, so performIO hides OID 18 as text (pg already parses it to a
//   one-character string) and remembers which columns were "char", keyed by the rows array that
//   queryRaw passes through; queryRaw then corrects those column types. (Patching pg.Client.query
//   instead does not work: pg.Pool calls it with a callback, so there is no promise to intercept.)
type QueryResult = { fields: Array<{ dataTypeID: number }>; rows: unknown[] };
type RawResult = { columnTypes: number[]; rows: unknown[] };
type PgAdapter = {
  executeScript(s: string): Promise<void>;
  performIO(q: unknown): Promise<QueryResult>;
  queryRaw(q: unknown): Promise<RawResult>;
  client: { query(s: string): Promise<unknown> };
};
const PG_CHAR = 18;
const PG_TEXT = 25;
const charColumns = new WeakMap<unknown[], number[]>();

function patchAdapter(a: PgAdapter): PgAdapter {
  const performIO = a.performIO.bind(a);
  const queryRaw = a.queryRaw.bind(a);
  a.performIO = async (q) => {
    const res = await performIO(q);
    const chars = res.fields.flatMap((f, i) => (f.dataTypeID === PG_CHAR ? [i] : []));
    for (const i of chars) res.fields[i].dataTypeID = PG_TEXT;
    if (chars.length) charColumns.set(res.rows, chars);
    return res;
  };
  a.queryRaw = async (q) => {
    const res = await queryRaw(q);
    for (const i of charColumns.get(res.rows) ?? []) res.columnTypes[i] = ColumnTypeEnum.Character;
    return res;
  };
  a.executeScript = async (script) => {
    await a.client.query(script);
  };
  return a;
}

function migrationReady(factory: PrismaPg): PrismaPg {
  const f = factory as unknown as { connect(): Promise<PgAdapter>; connectToShadowDb(): Promise<PgAdapter> };
  const connect = f.connect.bind(f);
  f.connect = async () => patchAdapter(await connect());
  // adapter-pg's own shadow database is created but never used (pg lets the connection string's
  // database win over the one it sets), and the whole scratch database is throwaway anyway.
  f.connectToShadowDb = async () => patchAdapter(await connect());
  return factory;
}

/** SQL taking the migrations in `migrationsDir` to `schema` ('' when they already agree). */
export async function migrationSql(schema: string, migrationsDir: string): Promise<string> {
  const db = await PGlite.create();
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 4 });
  serializeExtendedProtocol(server);
  await server.start();
  try {
    const url = `postgresql://postgres@${server.getServerConn()}/postgres?sslmode=disable`;
    const adapter = bindMigrationAwareSqlAdapterFactory(migrationReady(new PrismaPg({ connectionString: url })));
    engineModule ??= instantiateEngine();
    const engine = await (await engineModule).SchemaEngine.new({ datamodels: [['schema.prisma', schema]] }, () => {}, adapter);
    const lockfile = path.join(migrationsDir, 'migration_lock.toml');
    const result = await engine.diff({
      from: {
        tag: 'migrations',
        baseDir: migrationsDir,
        lockfile: { path: 'migration_lock.toml', content: fs.readFileSync(lockfile, 'utf8') },
        shadowDbInitScript: '',
        migrationDirectories: readMigrations(migrationsDir).map((m) => ({
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
    return /^-- This is an empty migration/.test(sql) ? '' : sql;
  } finally {
    await server.stop();
    await db.close();
  }
}

async function main() {
  const name = process.argv[2];
  if (!name || !/^[a-z0-9_]+$/.test(name)) throw new Error('usage: npm run db:migration -- <name_in_snake_case>');
  const baseDir = path.join(process.cwd(), 'prisma', 'migrations');
  const sql = await migrationSql(fs.readFileSync(path.join('prisma', 'schema.prisma'), 'utf8'), baseDir);
  if (!sql) {
    console.log('schema.prisma and the migrations agree: nothing to write');
    return;
  }
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const dir = path.join(baseDir, `${stamp}_${name}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'migration.sql'), `${sql}\n`);
  console.log(`wrote ${path.relative(process.cwd(), dir)}/migration.sql — review it (partitioning, SQL functions`);
  console.log('and other things Prisma cannot express are written by hand), then commit it');
}

// A panic surfaces from a WASM future callback, outside main's promise chain.
function fail(err: Error): never {
  console.error(`error: ${panics.message ? `schema engine panicked: ${panics.message}` : err.message}`);
  process.exit(1);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.on('uncaughtException', fail);
  main().catch(fail);
}
