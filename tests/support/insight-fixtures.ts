// Builders for engine tests: a steady, unremarkable organisation that each test bends in one way.
import type { DetectContext } from '@/lib/insights/insight';
import type { DayBucket, InsightsInput, ModelStats, ScopeStats, WindowStats } from '@/lib/insights/types';

/** 100 runs, all successful, $10, 1 s average. successes default to the runs that remain. */
export function win(p: Partial<WindowStats> = {}): WindowStats {
  const executions = p.executions ?? 100;
  const failures = p.failures ?? 0;
  const cancelled = p.cancelled ?? 0;
  return {
    executions,
    successes: p.successes ?? executions - failures - cancelled,
    failures,
    cancelled,
    cost_usd: p.cost_usd ?? 10,
    failed_cost_usd: p.failed_cost_usd ?? 0,
    avg_duration_ms: p.avg_duration_ms === undefined ? 1000 : p.avg_duration_ms,
    duration_stddev_ms: p.duration_stddev_ms === undefined ? 200 : p.duration_stddev_ms,
    p50_duration_ms: p.p50_duration_ms === undefined ? 950 : p.p50_duration_ms,
    p95_duration_ms: p.p95_duration_ms === undefined ? 1500 : p.p95_duration_ms,
    p99_duration_ms: p.p99_duration_ms === undefined ? 2000 : p.p99_duration_ms,
    total_tokens: p.total_tokens ?? 0,
  };
}

export const EMPTY_WINDOW: WindowStats = {
  executions: 0,
  successes: 0,
  failures: 0,
  cancelled: 0,
  cost_usd: 0,
  failed_cost_usd: 0,
  avg_duration_ms: null,
  duration_stddev_ms: null,
  p50_duration_ms: null,
  p95_duration_ms: null,
  p99_duration_ms: null,
  total_tokens: 0,
};

export function scope(p: Partial<ScopeStats> = {}): ScopeStats {
  return {
    pipeline_id: p.pipeline_id ?? null,
    current: p.current ?? win(),
    previous: p.previous ?? win(),
    by_error_type: p.by_error_type ?? {},
    days: p.days ?? [],
  };
}

/** Consecutive days from 2024-01-01 with the given costs; other fields steady. */
export function days(costs: readonly number[], p: Partial<DayBucket> = {}, start = '2024-01-01'): DayBucket[] {
  const t0 = Date.parse(`${start}T00:00:00Z`);
  return costs.map((cost, i) => ({
    date: new Date(t0 + i * 86_400_000).toISOString().slice(0, 10),
    executions: 10,
    failures: 0,
    cost_usd: cost,
    avg_duration_ms: 1000,
    p50_duration_ms: 950,
    p95_duration_ms: 1500,
    p99_duration_ms: 2000,
    ...p,
  }));
}

export function model(p: Partial<ModelStats> & { model: string }): ModelStats {
  return {
    provider: 'openai',
    calls: 100,
    successes: 100,
    failures: 0,
    input_tokens: 0,
    output_tokens: 0,
    cached_input_tokens: 0,
    reasoning_tokens: 0,
    cost_usd: 0,
    avg_latency_ms: 500,
    unpriced_calls: 0,
    price: null,
    ...p,
  };
}

export const NOW = '2024-01-31T12:00:00.000Z';

export function ctx(pipeline_id: string | null = null, d = 30): DetectContext {
  return { pipeline_id, days: d, now: NOW };
}

export function input(p: Partial<InsightsInput> = {}): InsightsInput {
  return {
    now: NOW,
    days: 30,
    time_zone: 'UTC',
    scope: scope(),
    previous_days: [],
    pipelines: [],
    models: [],
    catalog: [],
    stages: [],
    hour_counts: Array.from({ length: 24 }, () => 0),
    recovery: { streaks: 0, total_minutes: 0 },
    ...p,
  };
}

/** A deterministic pseudo-random generator (mulberry32) for realistic, repeatable noise. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
