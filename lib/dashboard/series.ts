import type { CostForecast, TimeseriesBucket } from '@/lib/schemas/insights';
import { formatBucket } from './format';

// Chart-ready rows, prepared before any chart sees them: labels for people, gaps as null (a day
// without executions has no average, not an average of 0), forecasts laid out on future days.

/** The one failure rate: failed ÷ decided runs (success + failed); null when none decided. */
export function failureRate(decided: number, failures: number): number | null {
  return decided > 0 ? failures / decided : null;
}

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
 * Daily cost, and the report's forecast laid out on the next 30 days starting today (the last
 * bucket, still in progress): its point and 80% band (`band_low` + `band_width`, drawn as a
 * stacked area). Nothing is recomputed here: every number is the report's `cost_forecast.daily`.
 */
export function costRows(buckets: readonly TimeseriesBucket[], forecast: CostForecast | null | undefined): ChartRow[] {
  const rows: ChartRow[] = buckets.map((b, i) => ({ ...base(buckets, i), cost: b.cost_usd, forecast: null, band_low: null, band_width: null }));
  const last = buckets.at(-1);
  if (!forecast || !last || last.date.includes('T') || forecast.days_used === 0) return rows;
  const byDate = new Map(rows.map((r) => [r.date, r]));
  for (const d of forecast.daily) {
    const values = { forecast: d.point, band_low: d.lower_80, band_width: d.upper_80 - d.lower_80 };
    const row = byDate.get(d.date);
    if (row) Object.assign(row, values);
    else if (d.date > last.date) rows.push({ date: d.date, label: formatBucket(d.date), partial: false, cost: null, ...values });
  }
  return rows;
}

/** Failure rate per bucket, failed ÷ (success + failed) (cancelled runs decide nothing); null when none decided. */
export function failureRows(buckets: readonly TimeseriesBucket[]): ChartRow[] {
  return buckets.map((b, i) => ({
    ...base(buckets, i),
    failure_rate: failureRate(b.executions - b.cancelled, b.failures),
    cancelled: b.cancelled,
    failures: b.failures,
    executions: b.executions,
  }));
}

export function latencyRows(buckets: readonly TimeseriesBucket[]): ChartRow[] {
  return buckets.map((b, i) => ({ ...base(buckets, i), avg: b.avg_duration_ms, p50: b.p50_duration_ms, p95: b.p95_duration_ms, p99: b.p99_duration_ms }));
}

/** Totals of a range, from its buckets (at most a few hundred numbers, already aggregated in SQL). */
export function totals(buckets: readonly TimeseriesBucket[]) {
  let executions = 0, failures = 0, cancelled = 0, cost = 0, weighted = 0;
  for (const b of buckets) {
    executions += b.executions;
    failures += b.failures;
    cancelled += b.cancelled;
    cost += b.cost_usd;
    if (b.avg_duration_ms != null) weighted += b.avg_duration_ms * b.executions;
  }
  return {
    executions,
    failures,
    cost_usd: cost,
    cancelled,
    failure_rate: failureRate(executions - cancelled, failures),
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
