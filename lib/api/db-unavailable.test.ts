import net from 'node:net';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { poolConfig } from '@/lib/db/client';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { toApiError } from './route';

// A database that is down or too slow must answer 503 + Retry-After, quickly, never 500 and never
// hang: real connections to a closed port and a real pg_sleep through the app's pool settings.

const pools: pg.Pool[] = [];
afterAll(async () => {
  await Promise.all(pools.map((p) => p.end().catch(() => {})));
});

async function closedPortUrl(): Promise<string> {
  const port = await new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
  return `postgresql://postgres@127.0.0.1:${port}/postgres`;
}

function pool(url: string, env: Record<string, string> = {}) {
  const p = new pg.Pool(poolConfig(url, env));
  p.on('error', () => {});
  pools.push(p);
  return p;
}

async function failure(work: () => Promise<unknown>): Promise<{ err: unknown; ms: number }> {
  const started = Date.now();
  try {
    await work();
  } catch (err) {
    return { err, ms: Date.now() - started };
  }
  throw new Error('expected the database call to fail');
}

async function answersAgain(p: pg.Pool) {
  for (let i = 0; i < 40; i++) {
    if (await p.query('SELECT 1').then(() => true, () => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('the database did not answer again');
}

function expect503(err: unknown) {
  const api = toApiError(err, 'test');
  expect(api.status, String((err as Error).message)).toBe(503);
  expect(api.code).toBe('unavailable');
  expect(Number(api.headers?.['Retry-After'])).toBeGreaterThan(0);
}

describe('database unavailable → 503 with Retry-After', () => {
  it('a server that refuses connections (pg pool and Prisma)', async () => {
    const url = await closedPortUrl();
    const viaPool = await failure(() => pool(url).query('SELECT 1'));
    expect503(viaPool.err);
    expect(viaPool.ms).toBeLessThan(6_000);
    const prisma = new PrismaClient({ adapter: new PrismaPg(pool(url)) });
    const viaPrisma = await failure(() => prisma.$queryRaw`SELECT 1`);
    expect503(viaPrisma.err);
    const viaModel = await failure(() => prisma.apiKey.findFirst());
    expect503(viaModel.err);
  });

  it('a statement slower than DB_STATEMENT_TIMEOUT_MS is cut off (pool and Prisma), and the pool still works', async () => {
    // Real PostgreSQL cancels it at 300 ms (57014); the embedded PGlite ignores statement_timeout,
    // so there the client-side query_timeout (statement timeout + 2 s) ends the wait.
    const p = pool(process.env.DATABASE_URL!, { DB_STATEMENT_TIMEOUT_MS: '300', DB_POOL_SIZE: '2' });
    const slow = await failure(() => p.query('SELECT pg_sleep(5)'));
    expect503(slow.err);
    expect(slow.ms).toBeLessThan(3_500);
    // PGlite runs one statement at a time and finishes the abandoned sleep first: wait for it.
    await answersAgain(p);
    const prisma = new PrismaClient({ adapter: new PrismaPg(p) });
    const slowPrisma = await failure(() => prisma.$queryRaw`SELECT pg_sleep(5)`);
    expect503(slowPrisma.err);
    expect(slowPrisma.ms).toBeLessThan(3_500);
    await answersAgain(p);
    expect(await prisma.$queryRaw`SELECT 1::int AS ok`).toEqual([{ ok: 1 }]);
  }, 60_000);

  it('bad input and programming errors stay distinct: a syntax error is not "unavailable"', async () => {
    const { err } = await failure(() => pool(process.env.DATABASE_URL!).query('SELEC 1'));
    expect(toApiError(err, 'test').status).toBe(500);
  });
});
