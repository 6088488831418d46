import type { DayBucket } from './types';

// Time windows and bucket series. The one place that decides what a missing bucket means:
// counts and money are 0 (nothing happened), averages and percentiles are null (a gap, not a
// zero — a chart must not draw a 0 ms latency on a quiet day).

const DAY_MS = 86_400_000;

export interface TimeWindow {
  /** ISO-8601 UTC, inclusive. */
  start: string;
  /** ISO-8601 UTC, exclusive. */
  end: string;
}

/**
 * Current window = [now − days, now); previous window = [now − 2·days, now − days).
 * The SQL queries and the report's `period` both use these bounds.
 */
export function computeWindows(now: string, days: number): { current: TimeWindow; previous: TimeWindow } {
  const end = Date.parse(now);
  if (!Number.isFinite(end)) throw new RangeError(`now is not an ISO date-time: ${now}`);
  const iso = (ms: number) => new Date(ms).toISOString();
  return {
    current: { start: iso(end - days * DAY_MS), end: iso(end) },
    previous: { start: iso(end - 2 * days * DAY_MS), end: iso(end - days * DAY_MS) },
  };
}

/** Calendar labels treated as naive dates: arithmetic in UTC never meets a DST change. */
function parseLabel(date: string): number {
  const ms = Date.parse(`${date.slice(0, 10)}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date.slice(0, 10)) || !Number.isFinite(ms)) {
    throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  }
  return ms;
}

/** Every `YYYY-MM-DD` from `first` to `last`, inclusive. */
export function listDays(first: string, last: string): string[] {
  const out: string[] = [];
  for (let ms = parseLabel(first); ms <= parseLabel(last); ms += DAY_MS) {
    out.push(new Date(ms).toISOString().slice(0, 10));
  }
  return out;
}

/**
 * Every local hour label `YYYY-MM-DDTHH:00` from `first` 00:00 to `last` 23:00 inclusive
 * (24 per day; a DST spring-forward hour simply stays empty, a fall-back hour holds two hours).
 */
export function listHours(first: string, last: string): string[] {
  return listDays(first, last).flatMap((d) =>
    Array.from({ length: 24 }, (_, h) => `${d}T${String(h).padStart(2, '0')}:00`),
  );
}

/** A bucket in which nothing happened. */
export function emptyBucket(date: string): DayBucket {
  return {
    date,
    executions: 0,
    failures: 0,
    cancelled: 0,
    cost_usd: 0,
    avg_duration_ms: null,
    p50_duration_ms: null,
    p95_duration_ms: null,
    p99_duration_ms: null,
  };
}

/**
 * The rows the SQL returned (only buckets with executions), spread over every label in `labels`,
 * in label order. Rows whose label is not in `labels` are dropped (they are outside the window).
 */
export function fillBuckets(rows: readonly DayBucket[], labels: readonly string[]): DayBucket[] {
  const byLabel = new Map(rows.map((r) => [r.date, r]));
  return labels.map((label) => {
    const row = byLabel.get(label);
    return row ? { ...row, date: label } : emptyBucket(label);
  });
}

/** Shorthand: fill the days from `first` to `last` inclusive. */
export function fillDayBuckets(rows: readonly DayBucket[], first: string, last: string): DayBucket[] {
  return fillBuckets(rows, listDays(first, last));
}

/** The `YYYY-MM-DD` calendar date of an instant in an IANA time zone (e.g. for "today"). */
export function localDate(iso: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/**
 * The local calendar days a window touches, first to last: the labels of its day series.
 * A rolling window of N days usually touches N + 1 dates (partial first and last day).
 */
export function windowDayLabels(window: TimeWindow, timeZone: string): string[] {
  const lastInstant = new Date(Date.parse(window.end) - 1).toISOString();
  return listDays(localDate(window.start, timeZone), localDate(lastInstant, timeZone));
}

/** The instant (ISO UTC) a local calendar day starts at in a time zone (DST and half-hour zones included). */
export function localMidnight(date: string, timeZone: string): string {
  const naive = parseLabel(date);
  // Offset of the zone at an instant: local wall time read as UTC, minus the instant.
  const offset = (ms: number) => {
    const p = new Intl.DateTimeFormat('en-CA', {
      timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
    }).formatToParts(new Date(ms));
    const g = (t: string) => Number(p.find((x) => x.type === t)?.value ?? 0);
    return Date.UTC(g('year'), g('month') - 1, g('day'), g('hour'), g('minute'), g('second')) - ms;
  };
  let ms = naive - offset(naive);
  ms = naive - offset(ms);
  // A zone that skips midnight (DST at 00:00): the day starts at the first instant that is that date.
  if (localDate(new Date(ms).toISOString(), timeZone) !== date.slice(0, 10)) ms += 3_600_000;
  return new Date(ms).toISOString();
}

/** The day `k` days after a `YYYY-MM-DD` label (negative k: before). */
export function addDays(date: string, k: number): string {
  return new Date(parseLabel(date) + k * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The labels of the window's COMPLETE local days (the partial first and last day left out):
 * a day is complete when both its midnights lie within [start, end].
 */
export function completeDayLabels(window: TimeWindow, timeZone: string): string[] {
  return windowDayLabels(window, timeZone).filter(
    (d) => localMidnight(d, timeZone) >= window.start && localMidnight(addDays(d, 1), timeZone) <= window.end,
  );
}
