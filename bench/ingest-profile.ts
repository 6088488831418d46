// In-process profile of the ingest hot path: where a batch of 1,000 executions × 3 stages spends
// its time (JSON parse, zod validation, pricing/normalisation, column arrays, SQL), without HTTP.
// CPU time, not wall time: on a shared machine the wall clock measures the neighbours. Node's
// share is process.cpuUsage(); PostgreSQL's is the backend's utime+stime from /proc (same host).
// Usage: DATABASE_URL=postgresql://postgres@127.0.0.1:5432/fm_bench npx tsx --conditions=react-server bench/ingest-profile.ts [batches]
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { closeDb, getPool, getPrisma } from '@/lib/db/client';
import { generateDemoExecutions } from '@/lib/demo';
import { executionColumns, stageColumns } from '@/lib/ingest/columns';
import { insertBatch } from '@/lib/ingest/insert';
import { validateItems } from '@/lib/ingest/ingest';
import { normalizeExecution, type ExecutionRow } from '@/lib/ingest/normalize';
import { loadPriceOverrides, makePriceResolver } from '@/lib/ingest/prices';
import { openDatabase } from '@/lib/db/open';
import { createOrg } from '@/lib/orgs/orgs';
import { IngestEnvelope } from '@/lib/schemas/ingest';

const batches = Number(process.argv[2] ?? 30);
const phases = { parse: 0, validate: 0, normalize: 0, columns: 0, 'sql (node)': 0, 'sql (postgres)': 0 };
const nodeCpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const ticks = (pid: number) => {
  const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(f[11]) + Number(f[12])) * 10; // utime + stime, 100 Hz → ms
};

async function main() {
  const db = await openDatabase({ shareRunning: true });
  process.env.DB_POOL_SIZE = '1'; // one backend, so its CPU is the batch's
  const org = await createOrg(getPrisma(), `profile-${randomUUID().slice(0, 8)}`);
  const backend = (await getPool().query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0].pid;
  const bodies: string[] = [];
  let n = 0;
  for (const b of generateDemoExecutions({ now: new Date(), total: batches * 1000, days: 30, seed: 7 })) {
    bodies.push(JSON.stringify({ executions: b.map((e) => ({ ...e, stages: [...e.stages, ...e.stages].slice(0, 3).map((s, i) => ({ ...s, stage_id: `${s.stage_id}-${i}` })), id: `p${n++}` })) }));
  }
  const time = <T>(phase: keyof typeof phases, f: () => T): T => {
    const t = nodeCpu();
    const r = f();
    phases[phase] += nodeCpu() - t;
    return r;
  };
  let accepted = 0;
  for (const body of bodies) {
    const items = time('parse', () => IngestEnvelope.parse(JSON.parse(body)).executions);
    const { valid } = time('validate', () => validateItems(items));
    const price = makePriceResolver(await loadPriceOverrides(getPool(), org.id));
    const rows: ExecutionRow[] = time('normalize', () => valid.map((v) => normalizeExecution(v.value, price)));
    time('columns', () => [executionColumns(rows), stageColumns(rows)]);
    const [t, pg] = [nodeCpu(), ticks(backend)];
    accepted += await insertBatch(getPool(), org.id, rows); // builds the columns again: subtracted below
    phases['sql (node)'] += nodeCpu() - t;
    phases['sql (postgres)'] += ticks(backend) - pg;
  }
  phases['sql (node)'] -= phases.columns;
  const total = Object.values(phases).reduce((a, b) => a + b, 0);
  console.log(`${accepted} executions × 3 stages; CPU per batch of 1,000 (ms), and the ceiling on 2 cores:`);
  for (const [k, v] of Object.entries(phases)) {
    console.log(`  ${k.padEnd(15)} ${(v / bodies.length).toFixed(1).padStart(7)} ms  ${((v / total) * 100).toFixed(0).padStart(3)}%`);
  }
  console.log(`  total           ${(total / bodies.length).toFixed(1).padStart(7)} ms  → ${Math.round((2 * 1000 * bodies.length * 1000) / total)} executions/s if both cores did only this`);
  await closeDb();
  await db.stop();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
