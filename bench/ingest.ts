// `npm run bench:ingest`: throughput of POST /api/v1/executions against a running app.
//
//   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/fm_bench DEMO_DATA=0 PORT=3000 npm start   # terminal 1
//   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/fm_bench npm run bench:ingest               # terminal 2
//
// Without BENCH_KEY it creates an organisation and an ingest key with the CLI (same DATABASE_URL
// as the app, or the app's embedded database). Bodies — 1,000 demo executions × exactly 3 stages,
// ids unique to the run — are serialised before the clock starts, so the client costs little
// CPU on a machine it shares with the app and PostgreSQL.
// Options: --batches N (default 100), --clients C (default 4), --warmup W batches (default 4).
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { generateDemoExecutions, type DemoExecution, type DemoStage } from '@/lib/demo';

const { values } = parseArgs({
  options: { batches: { type: 'string' }, clients: { type: 'string' }, warmup: { type: 'string' }, url: { type: 'string' } },
});
const BATCHES = Number(values.batches ?? 100);
const CLIENTS = Number(values.clients ?? 4);
const WARMUP = Number(values.warmup ?? 4);
const URL_BASE = values.url ?? process.env.BENCH_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`;
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

function cli(...args: string[]): string {
  return execFileSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/cli.ts', ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
}

function benchKey(): string {
  if (process.env.BENCH_KEY) return process.env.BENCH_KEY;
  const slug = `bench-${Date.now().toString(36)}`;
  cli('org', 'create', slug);
  const key = cli('key', 'create', '--org', slug, '--scopes', 'ingest', '--name', 'bench').trim().split('\n').at(-1)!;
  console.error(`created organisation ${slug} and an ingest key`);
  return key;
}

/** Exactly three stages per execution, as the benchmark specifies. */
function threeStages(e: DemoExecution): DemoStage[] {
  const stages = e.stages.slice(0, 3);
  for (let i = 0; stages.length < 3; i++) stages.push({ ...e.stages[i % e.stages.length], stage_id: `extra-${i}` });
  return stages;
}

function bodies(count: number, run: string): string[] {
  const out: string[] = [];
  let n = 0;
  for (const batch of generateDemoExecutions({ now: new Date(), total: count * 1000, days: 30, seed: Date.now() % 100_000 })) {
    out.push(JSON.stringify({ executions: batch.map((e) => ({ ...e, id: `${run}-${n++}`, stages: threeStages(e) })) }));
  }
  return out;
}

async function send(key: string, body: string): Promise<{ ms: number; accepted: number }> {
  const started = performance.now();
  const res = await fetch(`${URL_BASE}/api/v1/executions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body,
  });
  const json = (await res.json()) as { accepted?: number; rejected?: unknown[]; error?: unknown };
  if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${JSON.stringify(json).slice(0, 300)}`);
  if (json.rejected?.length) throw new Error(`rejected items: ${JSON.stringify(json.rejected).slice(0, 300)}`);
  return { ms: performance.now() - started, accepted: json.accepted ?? 0 };
}

async function run(key: string, queue: string[]) {
  const latencies: number[] = [];
  let accepted = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      for (let body = queue.shift(); body !== undefined; body = queue.shift()) {
        const r = await send(key, body);
        latencies.push(r.ms);
        accepted += r.accepted;
      }
    }),
  );
  return { seconds: (performance.now() - started) / 1000, accepted, latencies: latencies.sort((a, b) => a - b) };
}

async function main() {
  const health = await fetch(`${URL_BASE}/api/health`).catch(() => null);
  if (!health?.ok) throw new Error(`no healthy app at ${URL_BASE} (start it first, see the header of bench/ingest.ts)`);
  const key = benchKey();
  const runId = `b${Date.now().toString(36)}`;
  console.error(`preparing ${fmt(WARMUP + BATCHES)} bodies of 1,000 executions × 3 stages…`);
  const all = bodies(WARMUP + BATCHES, runId);
  await run(key, all.splice(0, WARMUP)); // JIT, connection pool, partitions, price memo
  const r = await run(key, all);
  const p = (q: number) => r.latencies[Math.min(r.latencies.length - 1, Math.floor(q * r.latencies.length))];
  if (r.accepted !== BATCHES * 1000) console.error(`warning: ${fmt(r.accepted)} accepted of ${fmt(BATCHES * 1000)} sent`);
  console.log(
    `ingested ${fmt(r.accepted)} executions (${fmt(r.accepted * 3)} stages) in ${r.seconds.toFixed(2)} s with ${CLIENTS} clients: ` +
      `${fmt(r.accepted / r.seconds)} executions/s (per 1,000-execution request: p50 ${fmt(p(0.5))} ms, p95 ${fmt(p(0.95))} ms)`,
  );
}

main().catch((err: Error) => {
  console.error(`bench:ingest failed: ${err.message}`);
  process.exit(1);
});
