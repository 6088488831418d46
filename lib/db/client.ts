import 'server-only';
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/lib/generated/prisma/client';

// One pool per process, shared by Prisma (through adapter-pg) and by the few set-based statements
// that need `pg` directly (ingest's unnest inserts). The same code path serves a real PostgreSQL
// server and the embedded PGlite, which start.ts exposes on the wire protocol.

type Db = { pool: pg.Pool; prisma: PrismaClient };
const holder = globalThis as unknown as { __flowmasonDb?: Db };

export function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set (npm start sets it for the embedded database)');
  return url;
}

/**
 * Pool settings. A request must never wait forever on the database: connecting gives up after
 * 5 s, the server cancels a statement after DB_STATEMENT_TIMEOUT_MS (57014), and the client stops
 * waiting 2 s after that even when the server does not answer at all (the embedded PGlite ignores
 * statement_timeout; a half-open connection never answers). Each maps to 503 + Retry-After.
 *
 * Session settings (DB_SESSION_OPTIONS, sent at connect): JIT off — the analytics statements take
 * tens of milliseconds, and PostgreSQL's JIT spent 25–60 ms compiling each of them at 1M
 * executions — and work_mem 32MB, so the histogram merges sort in memory, not on disk. Set it
 * to "" behind a pooler that refuses startup options (PgBouncer); the embedded PGlite ignores it.
 */
export function poolConfig(url: string, env: Record<string, string | undefined> = process.env): pg.PoolConfig {
  const statementTimeout = Number(env.DB_STATEMENT_TIMEOUT_MS ?? 15_000);
  const sessionOptions = env.DB_SESSION_OPTIONS ?? '-c jit=off -c work_mem=32MB';
  return {
    connectionString: url,
    max: Number(env.DB_POOL_SIZE ?? 10),
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    statement_timeout: statementTimeout,
    ...(sessionOptions ? { options: sessionOptions } : {}),
    ...(statementTimeout > 0 ? { query_timeout: statementTimeout + 2_000 } : {}),
  };
}

function create(): Db {
  const pool = new pg.Pool(poolConfig(databaseUrl()));
  // An idle client that loses its server must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return { pool, prisma };
}

export function getDb(): Db {
  holder.__flowmasonDb ??= create();
  return holder.__flowmasonDb;
}

export const getPrisma = () => getDb().prisma;
export const getPool = () => getDb().pool;

export async function closeDb() {
  const db = holder.__flowmasonDb;
  holder.__flowmasonDb = undefined;
  if (db) {
    await db.prisma.$disconnect();
    await db.pool.end();
  }
}
