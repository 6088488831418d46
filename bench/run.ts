// `npm run bench`: the performance benchmark of issue 7 (docs/benchmarks.md).
// Against DATABASE_URL (a real PostgreSQL server): creates a fresh database (or reuses
// BENCH_DB=<name> when it already holds the data), loads N demo executions through the ingest
// path, starts the app (npm start, no demo data, no rate limit, no response cache), then times
// through HTTP — warm-up, then ≥ 20 sequential repetitions — summary, report?days=30, the
// filtered insights list and timeseries, each with and without pipeline_id; a raw-scan baseline
// on the same database; and ingest throughput through the API into the big organisation, with
// the alert worker off and then on (same run, same data: the ratio is the alerts' cost). Prints a
// table, writes bench/results.json.
// Options (env): BENCH_TOTAL (1000000), BENCH_REPS (20), BENCH_WARMUP (3), BENCH_PORT (3171),
// BENCH_INGEST_BATCHES (150), BENCH_INGEST_CLIENTS (4), BENCH_DB (reuse a database).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startApp } from './app-server';
import { measureIngest } from './ingest-api';
import { getJson, measure, printTable, round, type Figure } from './measure';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const TOTAL = env('BENCH_TOTAL', 1_000_000);
const REPS = Math.max(20, env('BENCH_REPS', 20));
const WARMUP = env('BENCH_WARMUP', 3);
const PIPELINE = 'support-bot';

async function main() {
  const admin = process.env.DATABASE_URL;
  if (!admin) throw new Error('set DATABASE_URL to a PostgreSQL server (a fresh database is created on it)');
  const url = new URL(admin);
  url.pathname = `/${process.env.BENCH_DB ?? `fm_bench_${Date.now()}`}`;
  process.env.DATABASE_URL = url.toString();
  // Imported after DATABASE_URL points at the benchmark database.
  const { openDatabase } = await import('@/lib/db/open');
  const { getPool, getPrisma, closeDb } = await import('@/lib/db/client');
  const { setupOrg, loadDemo } = await import('./data');
  await openDatabase({ shareRunning: false });
  const pool = getPool();
  const bench = await setupOrg(getPrisma(), 'bench');
  const loading = await loadDemo(pool, bench.orgId, TOTAL);
  const baseline = await measure('raw scan baseline: count, sum over 60 days (SQL)', async () => {
    await pool.query(`SELECT count(*), sum(cost_usd) FROM executions WHERE org_id = $1 AND started_at >= now() - interval '60 days'`, [bench.orgId]);
  }, { warmup: WARMUP, reps: REPS });
  const { rows: [sizes] } = await pool.query(`SELECT
      (SELECT count(*) FROM rollup_executions)::int AS rollup_executions, (SELECT count(*) FROM rollup_execution_days)::int AS rollup_execution_days,
      (SELECT count(*) FROM rollup_exec_hist_days)::int AS rollup_exec_hist_days, (SELECT count(*) FROM rollup_exec_hist_hours)::int AS rollup_exec_hist_hours,
      (SELECT count(*) FROM rollup_stages)::int AS rollup_stages, (SELECT count(*) FROM rollup_stage_hours)::int AS rollup_stage_hours,
      (SELECT count(*) FROM rollup_stage_hist_days)::int AS rollup_stage_hist_days, (SELECT count(*) FROM rollup_stage_hist_hours)::int AS rollup_stage_hist_hours,
      (SELECT count(*) FROM recovery_streaks)::int AS recovery_streaks,
      pg_size_pretty(pg_database_size(current_database())) AS database_size, version() AS pg_version`);
  await closeDb();

  const port = env('BENCH_PORT', 3171);
  const ingestOpts = { batches: env('BENCH_INGEST_BATCHES', 150), clients: env('BENCH_INGEST_CLIENTS', 4) };
  // Alerts off first: the alerts-on run then ingests into a slightly larger table (conservative).
  const off = await startApp(url.toString(), port, { ALERTS_WORKER: '0' });
  let ingestOff;
  try {
    ingestOff = await measureIngest(off.url, bench.key, { ...ingestOpts, seed: Date.now() % 1_000_000_000 });
  } finally {
    await off.stop();
  }
  const app = await startApp(url.toString(), port);
  const figures: Figure[] = [];
  let ingest;
  try {
    const api = (p: string) => () => getJson(`${app.url}${p}`, bench.key).then(() => undefined);
    const cases: Array<[string, string, number]> = [
      ['summary?days=7', '/api/v1/analytics/insights/summary?days=7', 50],
      ['report?days=30', '/api/v1/analytics/insights/report?days=30', 100],
      ['list?days=7&severity=warning,critical', '/api/v1/analytics/insights?days=7&severity=warning,critical', 50],
      ['timeseries?days=30', '/api/v1/analytics/timeseries?days=30', 50],
    ];
    for (const [name, p, target] of cases) {
      figures.push(await measure(name, api(p), { warmup: WARMUP, reps: REPS, target }));
      figures.push(await measure(`${name} + pipeline_id`, api(`${p}&pipeline_id=${PIPELINE}`), { warmup: WARMUP, reps: REPS, target }));
    }
    figures.push(await measure('timeseries?days=7&granularity=hour (raw)', api('/api/v1/analytics/timeseries?days=7&granularity=hour'), { warmup: 1, reps: REPS }));
    ingest = await withEvaluationCount(url.toString(), bench.orgId, () => measureIngest(app.url, bench.key, { ...ingestOpts, seed: (Date.now() + 1) % 1_000_000_000 }));
  } finally {
    await app.stop();
  }

  console.log(`\n${TOTAL.toLocaleString('en-US')} executions; baseline p50 ${baseline.p50_ms} ms (p95 ${baseline.p95_ms})`);
  printTable([baseline, ...figures], baseline.p50_ms);
  const ratio = round(ingest.executions_per_s / ingestOff.executions_per_s, 2);
  console.log(`ingest into the ${TOTAL.toLocaleString('en-US')}-execution organisation through the API (${ingest.clients} clients, 1,000 per request):`);
  console.log(`  alerts off: ${ingestOff.executions_per_s.toLocaleString('en-US')} executions/s (${ingestOff.executions} in ${ingestOff.seconds} s)`);
  console.log(`  alerts on:  ${ingest.executions_per_s.toLocaleString('en-US')} executions/s (${ingest.executions} in ${ingest.seconds} s, ${ingest.evaluations} evaluations of the organisation meanwhile) = ${ratio} × alerts off — target ≥ 0.80: ${ratio >= 0.8 ? 'ok' : 'MISS'}`);
  const results = {
    measured_at: new Date().toISOString(),
    machine: { cpus: os.cpus().length, memory_gb: round(os.totalmem() / 2 ** 30), loadavg_at_end: os.loadavg().map((x) => round(x, 2)), node: process.version },
    database: { name: url.pathname.slice(1), ...sizes },
    executions: TOTAL,
    loading,
    baseline,
    figures: figures.map((f) => ({ ...f, ratio_to_baseline: round(f.p50_ms / baseline.p50_ms, 2) })),
    ingest: { alerts_on: ingest, alerts_off: ingestOff, ratio_on_to_off: ratio },
  };
  const out = path.join(process.cwd(), 'bench', process.env.BENCH_RESULTS ?? 'results.json');
  fs.writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`wrote ${path.relative(process.cwd(), out)}`);
}

/** Runs `f` while counting the alert evaluations of the organisation (alert_state.evaluated_at changes). */
async function withEvaluationCount<T extends object>(databaseUrl: string, orgId: string, f: () => Promise<T>): Promise<T & { evaluations: number }> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const seen = new Set<string>();
  const poll = async () => {
    const { rows } = await client.query<{ at: Date | null }>('SELECT evaluated_at AS at FROM alert_state WHERE org_id = $1', [orgId]);
    if (rows[0]?.at) seen.add(rows[0].at.toISOString());
  };
  await poll();
  const before = seen.size;
  const timer = setInterval(() => void poll().catch(() => {}), 250);
  try {
    const result = await f();
    await poll();
    return { ...result, evaluations: seen.size - before };
  } finally {
    clearInterval(timer);
    await client.end();
  }
}

main().catch((err: Error) => {
  console.error(err.stack ?? err.message);
  process.exit(1);
});
