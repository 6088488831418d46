// In-process profile of the ingest hot path: where a batch of 1,000 executions × 3 stages spends
// its time (JSON parse, zod validation, pricing/normalisation, SQL), without HTTP in between.
// Usage: DATABASE_URL=postgresql://postgres@127.0.0.1:5432/fm_bench npx tsx --conditions=react-server bench/ingest-profile.ts [batches]
import { randomUUID } from 'node:crypto';
import { closeDb, getPool, getPrisma } from '@/lib/db/client';
import { generateDemoExecutions } from '@/lib/demo';
import { insertBatch } from '@/lib/ingest/insert';
import { validateItems } from '@/lib/ingest/ingest';
import { normalizeExecution, type ExecutionRow } from '@/lib/ingest/normalize';
import { loadPriceOverrides, makePriceResolver } from '@/lib/ingest/prices';
import { openDatabase } from '@/lib/db/open';
import { createOrg } from '@/lib/orgs/orgs';
import { IngestEnvelope } from '@/lib/schemas/ingest';

const batches = Number(process.argv[2] ?? 30);
const phases = { parse: 0, envelope: 0, validate: 0, overrides: 0, normalize: 0, sql: 0 };

async function main() {
  const db = await openDatabase({ shareRunning: true });
  const org = await createOrg(getPrisma(), `profile-${randomUUID().slice(0, 8)}`);
  const bodies: string[] = [];
  for (const b of generateDemoExecutions({ now: new Date(), total: batches * 1000, days: 30, seed: 7 })) {
    bodies.push(JSON.stringify({ executions: b }));
  }
  const time = async <T>(phase: keyof typeof phases, f: () => T | Promise<T>): Promise<T> => {
    const t = performance.now();
    const r = await f();
    phases[phase] += performance.now() - t;
    return r;
  };
  const started = performance.now();
  let accepted = 0;
  for (const body of bodies) {
    const json = await time('parse', () => JSON.parse(body) as unknown);
    const env = await time('envelope', () => IngestEnvelope.parse(json));
    const { valid } = await time('validate', () => validateItems(env.executions));
    const price = makePriceResolver(await time('overrides', () => loadPriceOverrides(getPool(), org.id)));
    const rows: ExecutionRow[] = await time('normalize', () => valid.map((v) => normalizeExecution(v.value, price)));
    accepted += await time('sql', () => insertBatch(getPool(), org.id, rows));
  }
  const total = performance.now() - started;
  console.log(`${accepted} executions in ${(total / 1000).toFixed(2)} s sequentially = ${Math.round((accepted / total) * 1000)}/s`);
  for (const [k, v] of Object.entries(phases)) {
    console.log(`${k.padEnd(10)} ${(v / bodies.length).toFixed(2).padStart(8)} ms/batch  ${((v / total) * 100).toFixed(1).padStart(5)}%`);
  }
  await closeDb();
  await db.stop();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
