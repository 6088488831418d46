import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDb, getPool } from '@/lib/db/client';
import { LeaderElection } from './leader';
import { waitFor } from '@/tests/support/webhook-receiver';

// Leader election on a real PostgreSQL server: one leader among several candidates, and a dead
// leader (its backend terminated, as when its process is killed) replaced by a follower. The
// embedded PGlite serves every connection from one backend, so session locks are shared there:
// npm start never elects on it (a single server process), and this test needs a real server.
const embedded = !process.env.TEST_DATABASE_URL;

afterAll(closeDb);

function candidate(name: string, log: string[], lockKey: bigint) {
  const election = new LeaderElection(() => new pg.Client({ connectionString: process.env.DATABASE_URL }), {
    onElected: () => log.push(`${name} elected`),
    onDeposed: () => void log.push(`${name} deposed`),
  }, { retryMs: 50, lockKey });
  return election;
}

describe.skipIf(embedded)('LeaderElection', () => {
  it('elects exactly one leader; a killed leader is replaced, and the old one never leads again unknowingly', async () => {
    const lockKey = BigInt(Math.floor(Math.random() * 1e12)); // this run's own lock
    const log: string[] = [];
    const [a, b, c] = ['a', 'b', 'c'].map((n) => candidate(n, log, lockKey));
    [a, b, c].forEach((e) => e.start());
    try {
      await waitFor(() => [a, b, c].filter((e) => e.isLeader).length, (n) => n === 1, 20_000);
      await new Promise((r) => setTimeout(r, 300)); // followers retry several times meanwhile
      const leaders = [a, b, c].filter((e) => e.isLeader);
      expect(leaders).toHaveLength(1);
      expect(log.filter((l) => l.endsWith('elected'))).toHaveLength(1);

      // The leader's process dies: PostgreSQL ends its session, and with it the lock.
      const first = leaders[0];
      await getPool().query('SELECT pg_terminate_backend($1)', [await first.backendPid()]);
      const next = await waitFor(() => [a, b, c].filter((e) => e !== first && e.isLeader), (l) => l.length === 1, 20_000);
      expect(next).toHaveLength(1);
      expect(first.isLeader).toBe(false);
      expect(log.filter((l) => l.endsWith('elected'))).toHaveLength(2);
      expect(log).toContain(`${['a', 'b', 'c'][[a, b, c].indexOf(first)]} deposed`);
      const holders = await getPool().query(`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND granted
        AND ((classid::bigint << 32) | objid::bigint) = $1::bigint`, [String(lockKey)]);
      expect(holders.rows[0].n).toBe(1);
    } finally {
      await Promise.all([a, b, c].map((e) => e.stop()));
    }
  });
});
