import fs from 'node:fs';
import path from 'node:path';
import { createApiKey } from '@/lib/auth/api-keys';
import { getPool, getPrisma } from '@/lib/db/client';
import { dataDir } from '@/lib/db/embedded';
import { generateDemoExecutions } from '@/lib/demo/generator';
import { loadBatches } from '@/lib/ingest/load-batches';
import { createOrg, findOrgBySlug } from '@/lib/orgs/orgs';

// First start: the `default` organisation with ~60 days of demo history and an API key.
// The demo loads when the organisation has no executions yet, so a restart never loads it twice.
// On a real server (DATABASE_URL) demo data is opt-in with DEMO_DATA=1.

const DEMO_TOTAL = Number(process.env.DEMO_TOTAL ?? 20_000);

export async function ensureDemo(opts: { embeddedMode: boolean; log: (m: string) => void }) {
  const prisma = getPrisma();
  const org = (await findOrgBySlug(prisma, 'default')) ?? (await createOrg(prisma, 'default', 'Default organisation'));
  const keyFile = path.join(dataDir(), 'demo-key.txt');
  const wanted = process.env.DEMO_DATA === '1' || (opts.embeddedMode && process.env.DEMO_DATA !== '0');
  const hasData = (await prisma.execution.count({ where: { orgId: org.id }, take: 1 })) > 0;
  if (wanted && !hasData) {
    const started = Date.now();
    opts.log(`loading demo data (${DEMO_TOTAL.toLocaleString('en-US')} executions over 60 days)…`);
    const result = await loadBatches(getPool(), org.id, generateDemoExecutions({ now: new Date(), total: DEMO_TOTAL }), {
      onProgress: (p) => {
        if (p.batches % 5 === 0) opts.log(`  ${p.accepted.toLocaleString('en-US')} executions loaded`);
      },
    });
    opts.log(`demo data loaded: ${result.accepted} executions in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const key = await createApiKey(prisma, org.id, { name: 'demo', scopes: ['read', 'ingest', 'admin'] });
    // Kept (readable by this user only) so that every start can print it again.
    fs.mkdirSync(dataDir(), { recursive: true });
    fs.writeFileSync(keyFile, key.key, { mode: 0o600 });
    return { key: key.key };
  }
  return { key: fs.existsSync(keyFile) ? fs.readFileSync(keyFile, 'utf8').trim() : null };
}
