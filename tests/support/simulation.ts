// A small simulator for engine tests: generates individual executions with realistic noise and
// aggregates them the way the SQL queries do (COUNT/SUM/AVG/STDDEV_SAMP/percentile_cont), so a
// test can check the engine end to end on plausible data without a database.
//
// `aggregate` is the oracle of the analytics SQL, not a third implementation beside it:
// lib/services/simulation-oracle.test.ts ingests the same executions and insists that the raw-row
// queries give exactly this input, and rollup-equality.test.ts holds the rollups to the raw rows.
import { fillDayBuckets } from '@/lib/insights/buckets';
import { input, rng } from './insight-fixtures';
import type { DayBucket, InsightsInput, ScopeStats, WindowStats } from '@/lib/insights/types';

export interface SimExecution {
  pipeline_id: string;
  day: number; // 0 = first day of the previous window
  hour: number;
  status: 'success' | 'failed' | 'cancelled';
  duration_ms: number;
  cost_usd: number;
  error_type: string | null;
}

export interface SimOptions {
  seed: number;
  days: number;
  pipelines: string[];
  runsPerDay: number;
  failureRate?: (pipeline: string, day: number) => number;
  durationMs?: (pipeline: string, day: number) => number;
  costUsd?: (pipeline: string, day: number) => number;
}

/** The instant of an execution: `day` after 2024-01-01 UTC, at `hour`, `second` seconds in. */
export const simulatedInstant = (x: Pick<SimExecution, 'day' | 'hour'>, second = 0) =>
  new Date(Date.UTC(2024, 0, 1 + x.day, x.hour, 0, second)).toISOString();

export function simulate(o: SimOptions): SimExecution[] {
  const r = rng(o.seed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
  const out: SimExecution[] = [];
  for (let day = 0; day < 2 * o.days; day++) {
    for (const p of o.pipelines) {
      const n = Math.max(0, Math.round(o.runsPerDay * (1 + 0.15 * gauss())));
      for (let k = 0; k < n; k++) {
        const failed = r() < (o.failureRate?.(p, day) ?? 0.02);
        const cancelled = !failed && r() < 0.01;
        out.push({
          pipeline_id: p,
          day,
          hour: Math.floor(r() * 24),
          status: failed ? 'failed' : cancelled ? 'cancelled' : 'success',
          duration_ms: Math.round((o.durationMs?.(p, day) ?? 1200) * Math.exp(0.3 * gauss())),
          // whole micro-dollars, as the ingest API stores them (6 decimals)
          cost_usd: Math.round((o.costUsd?.(p, day) ?? 0.02) * Math.exp(0.2 * gauss()) * 1e6) / 1e6,
          error_type: failed ? (['timeout', 'api_error', 'rate_limit'] as const)[Math.floor(r() * 3)] : null,
        });
      }
    }
  }
  return out;
}

/** percentile_cont: linear interpolation between the closest ranks. */
function percentileCont(sorted: number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

function windowStats(xs: SimExecution[]): WindowStats {
  const d = xs.map((x) => x.duration_ms).sort((a, b) => a - b);
  const mean = d.length ? d.reduce((a, b) => a + b, 0) / d.length : null;
  const sd = d.length > 1 && mean !== null ? Math.sqrt(d.reduce((a, v) => a + (v - mean) ** 2, 0) / (d.length - 1)) : null;
  const cost = (ys: SimExecution[]) => ys.reduce((a, x) => a + x.cost_usd, 0);
  return {
    executions: xs.length,
    successes: xs.filter((x) => x.status === 'success').length,
    failures: xs.filter((x) => x.status === 'failed').length,
    cancelled: xs.filter((x) => x.status === 'cancelled').length,
    cost_usd: cost(xs),
    failed_cost_usd: cost(xs.filter((x) => x.status === 'failed')),
    avg_duration_ms: mean,
    duration_stddev_ms: sd,
    p50_duration_ms: percentileCont(d, 0.5),
    p95_duration_ms: percentileCont(d, 0.95),
    p99_duration_ms: percentileCont(d, 0.99),
    total_tokens: 0,
  };
}

const label = (day: number) => new Date(Date.UTC(2024, 0, 1 + day)).toISOString().slice(0, 10);

function daySeries(xs: SimExecution[], from: number, to: number): DayBucket[] {
  const rows: DayBucket[] = [];
  for (let day = from; day < to; day++) {
    const ys = xs.filter((x) => x.day === day);
    if (ys.length === 0) continue;
    const w = windowStats(ys);
    // The engine reads no day percentiles, so the service does not load them (null).
    rows.push({ date: label(day), executions: w.executions, failures: w.failures, cost_usd: w.cost_usd, avg_duration_ms: w.avg_duration_ms, p50_duration_ms: null, p95_duration_ms: null, p99_duration_ms: null });
  }
  return fillDayBuckets(rows, label(from), label(to - 1));
}

function scopeOf(xs: SimExecution[], days: number, pipeline_id: string | null): ScopeStats {
  const cur = xs.filter((x) => x.day >= days);
  const by_error_type: Record<string, number> = {};
  for (const x of cur) if (x.error_type) by_error_type[x.error_type] = (by_error_type[x.error_type] ?? 0) + 1;
  return {
    pipeline_id,
    current: windowStats(cur),
    previous: windowStats(xs.filter((x) => x.day < days)),
    by_error_type,
    days: daySeries(xs, days, 2 * days),
  };
}

/** The InsightsInput the SQL would produce for these executions (organisation-wide). */
export function aggregate(xs: SimExecution[], days: number, extra: Partial<InsightsInput> = {}): InsightsInput {
  const pipelines = [...new Set(xs.map((x) => x.pipeline_id))].sort();
  const hour_counts = Array.from({ length: 24 }, () => 0);
  for (const x of xs) if (x.day >= days) hour_counts[x.hour] += 1;
  return input({
    days,
    now: `${label(2 * days)}T00:00:00.000Z`,
    scope: scopeOf(xs, days, null),
    previous_days: daySeries(xs, 0, days),
    pipelines: pipelines.map((p) => scopeOf(xs.filter((x) => x.pipeline_id === p), days, p)),
    hour_counts,
    ...extra,
  });
}
