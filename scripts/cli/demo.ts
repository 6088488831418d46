import { parseArgs } from 'node:util';
import { getPool, getPrisma } from '@/lib/db/client';
import { announceOrgChanged } from '@/lib/db/org-changes';
import { generateDemoExecutions } from '@/lib/demo/generator';
import { loadBatches } from '@/lib/ingest/load-batches';
import { requireOrg } from '@/lib/orgs/orgs';

/** demo load: generated history through the ingest path (what npm start and the benchmark use). */
export async function demoLoad(args: string[]) {
  const { values } = parseArgs({
    args,
    options: { org: { type: 'string' }, total: { type: 'string' }, days: { type: 'string' }, seed: { type: 'string' } },
    strict: true,
  });
  if (!values.org) throw new Error('usage: demo load --org <slug> [--total N] [--days D] [--seed S]');
  const org = await requireOrg(getPrisma(), values.org);
  const total = Number(values.total ?? 20_000);
  const started = Date.now();
  const result = await loadBatches(
    getPool(),
    org.id,
    generateDemoExecutions({ now: new Date(), total, days: Number(values.days ?? 60), seed: Number(values.seed ?? 1) }),
    {
      onProgress: (p) => {
        if (p.batches % 20 === 0) {
          const s = (Date.now() - started) / 1000;
          process.stderr.write(`\r${p.accepted.toLocaleString('en-US')} / ${total.toLocaleString('en-US')} executions (${Math.round(p.accepted / s)}/s)`);
        }
      },
    },
  ).finally(() => announceOrgChanged(org.id));
  const seconds = (Date.now() - started) / 1000;
  process.stderr.write('\n');
  console.log(`loaded ${result.accepted} executions (${result.duplicates} duplicates, ${result.rejected} rejected) in ${seconds.toFixed(1)} s`);
}
