import type { CostForecast, TimeseriesBucket } from '@/lib/schemas/insights';
import { formatBucket } from './format';

// Chart-ready rows, prepared before any chart sees them: labels for people, gaps as null (a day
// without executions has no average, not an average of 0), forecasts laid out on future days.

export type ChartRow = { date: string; label: string; partial?: boolean } & Record<string, number | null | string | boolean | undefined>;

/**
 * The dashboard's windows are "the last N days up to now": the first day bucket begins N × 24 h
 * before now, in the middle of that day, and the last one is today so far. Both are partial days,
 * whose small counts make rates jump (a 14% failure rate of 7 runs) — the charts mark them.
 * Hour buckets are not marked.
 */
export function isPartialDay(buckets: readonly TimeseriesBucket[], index: number): boolean {
  return !buckets[index].date.includes('T') && (index === 0 || index === buckets.length - 1);
}

const base = (buckets: readonly TimeseriesBucket[], i: number) => ({
  date: buckets[i].date,
  label: formatBucket(buckets[i].date),
  partial: isPartialDay(buckets, i),
});

/** `YYYY-MM-DD` + n days, as text (no time zone can shift it). */
export function addDays(date: string, n: number): string {
  const [y, m, d] = date.slice(0, 10).split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/**
 * Daily cost, and the forecast's line over the next 7 days starting today (the last bucket, still
 * in progress). The report gives the line's next value (projected_daily) and its 7-day sum
 * (projected_weekly); for a line, sum = 7·first + 21·slope, so slope = (weekly − 7·daily) ÷ 21.
 */
export function costRows(buckets: readonly TimeseriesBucket[], forecast: CostForecast | null | undefined): ChartRow[] {
  const rows: ChartRow[] = buckets.map((b, i) => ({ ...base(buckets, i), cost: b.cost_usd, forecast: null }));
  const last = buckets.at(-1);
  if (!forecast || !last || last.date.includes('T') || forecast.days_used < 3) return rows;
  const slope = (forecast.projected_weekly - 7 * forecast.projected_daily) / 21;
  for (let i = 0; i < 7; i++) {
    const date = addDays(last.date, i);
    const value = Math.max(0, forecast.projected_daily + slope * i);
    if (i === 0) rows[rows.length - 1].forecast = value;
    else rows.push({ date, label: formatBucket(date), partial: false, cost: null, forecast: value });
  }
  return rows;
}

/** Failure rate per bucket (failed ÷ executions); null when a bucket has no executions. */
export function failureRows(buckets: readonly TimeseriesBucket[]): ChartRow[] {
  return buckets.map((b, i) => ({
    ...base(buckets, i),
    failure_rate: b.executions > 0 ? b.failures / b.executions : null,
    failures: b.failures,
    executions: b.executions,
  }));
}

export function latencyRows(buckets: readonly TimeseriesBucket[]): ChartRow[] {
  return buckets.map((b, i) => ({ ...base(buckets, i), avg: b.avg_duration_ms, p50: b.p50_duration_ms, p95: b.p95_duration_ms, p99: b.p99_duration_ms }));
}

/** Totals of a range, from its buckets (at most a few hundred numbers, already aggregated in SQL). */
export function totals(buckets: readonly TimeseriesBucket[]) {
  let executions = 0, failures = 0, cost = 0, weighted = 0;
  for (const b of buckets) {
    executions += b.executions;
    failures += b.failures;
    cost += b.cost_usd;
    if (b.avg_duration_ms != null) weighted += b.avg_duration_ms * b.executions;
  }
  return {
    executions,
    failures,
    cost_usd: cost,
    failure_rate: executions > 0 ? failures / executions : null,
    avg_duration_ms: executions > 0 ? weighted / executions : null,
  };
}

export type ErrorRow = { error_type: string; failures: number; share: number };

/** by_error_type is a map; as rows, most frequent first, with its share of all failures. */
export function errorRows(byType: Record<string, number>): ErrorRow[] {
  const total = Object.values(byType).reduce((a, b) => a + b, 0);
  return Object.entries(byType)
    .map(([error_type, failures]) => ({ error_type, failures, share: total > 0 ? failures / total : 0 }))
    .sort((a, b) => b.failures - a.failures || a.error_type.localeCompare(b.error_type));
}
