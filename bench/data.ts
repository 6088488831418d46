import pg from 'pg';
import { createApiKey } from '@/lib/auth/api-keys';
import { generateDemoExecutions } from '@/lib/demo';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { loadBatches } from '@/lib/ingest/load-batches';
import { createOrg } from '@/lib/orgs/orgs';

// Benchmark data: an organisation with a read+ingest key, and N demo executions loaded through
// the same path as `npm run cli -- demo load` (ingestItems in batches of 1,000, rollups included).

export async function setupOrg(prisma: PrismaClient, slug: string): Promise<{ orgId: string; key: string }> {
  const org = (await prisma.organization.findUnique({ where: { slug } })) ?? (await createOrg(prisma, slug));
  const { key } = await createApiKey(prisma, org.id, { name: 'bench', scopes: ['read', 'ingest'] });
  return { orgId: org.id, key };
}

export interface Loading {
  executions: number;
  seconds: number | null;
  executions_per_s: number | null;
  reused: boolean;
}

/** Loads `total` executions over 60 days ending now, unless the organisation already has them. */
export async function loadDemo(pool: pg.Pool, orgId: string, total: number): Promise<Loading> {
  const { rows: [{ n }] } = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM executions WHERE org_id = $1', [orgId]);
  if (n >= total) return { executions: n, seconds: null, executions_per_s: null, reused: true };
  if (n > 0) throw new Error(`the benchmark organisation holds ${n} executions, not ${total}: use a fresh database`);
  const started = performance.now();
  const p = await loadBatches(pool, orgId, generateDemoExecutions({ now: new Date(), total, days: 60, seed: 1 }), {
    onProgress: (q) => {
      if (q.batches % 50 === 0) {
        const s = (performance.now() - started) / 1000;
        process.stderr.write(`\rloading: ${q.accepted.toLocaleString('en-US')} / ${total.toLocaleString('en-US')} (${Math.round(q.accepted / s)}/s)`);
      }
    },
  });
  const seconds = (performance.now() - started) / 1000;
  process.stderr.write('\n');
  // A freshly bulk-loaded table has no planner statistics until autovacuum gets to it. ANALYZE of
  // 1M+ rows on a busy machine can outlast the pool's timeouts: a connection of its own, without.
  const client = new pg.Client({ connectionString: pool.options.connectionString });
  await client.connect();
  try {
    await client.query('ANALYZE');
  } finally {
    await client.end();
  }
  return { executions: p.accepted, seconds: Math.round(seconds), executions_per_s: Math.round(p.accepted / seconds), reused: false };
}
