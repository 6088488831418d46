// Input of the insights engine: what the SQL aggregate queries must fill.
// Every number is a plain JS number (convert bigint/numeric in SQL with ::float8 / ::int).
// "Window" = one of the two compared periods (see computeWindows in buckets.ts): the current
// window is the last `days` days up to now, the previous window the `days` days before it.

/** Aggregates of the executions whose started_at falls in one window, for one scope. */
export interface WindowStats {
  /** All executions (success + failed + cancelled). */
  executions: number;
  successes: number;
  failures: number;
  cancelled: number;
  /** SUM(cost_usd) of all executions. */
  cost_usd: number;
  /** SUM(cost_usd) of the failed executions only: money that produced no result. */
  failed_cost_usd: number;
  /** AVG(duration_ms) over all executions; null when there are none. */
  avg_duration_ms: number | null;
  /** STDDEV_SAMP(duration_ms); null when fewer than 2 executions. Feeds Welch's t-test. */
  duration_stddev_ms: number | null;
  /** percentile_cont(0.50 / 0.95 / 0.99) of duration_ms; null when there are none. */
  p50_duration_ms: number | null;
  p95_duration_ms: number | null;
  p99_duration_ms: number | null;
  /** SUM(input_tokens + output_tokens). */
  total_tokens: number;
}

/**
 * One calendar day (org time zone) of a window. The series must contain EVERY day of the window,
 * in order: build it with fillDayBuckets(rows, listDays(first, last)) so days without executions
 * are present with counts 0 and averages null.
 */
export interface DayBucket {
  /** `YYYY-MM-DD` in the organisation's time zone (`date_trunc('day', started_at AT TIME ZONE tz)`). */
  date: string;
  executions: number;
  failures: number;
  /** Cancelled runs: neither a success nor a failure (failure rate = failures ÷ (executions − cancelled)). */
  cancelled: number;
  cost_usd: number;
  /** null on a day without executions (a gap, not a zero). */
  avg_duration_ms: number | null;
  p50_duration_ms: number | null;
  p95_duration_ms: number | null;
  p99_duration_ms: number | null;
}

/** Numbers of one scope: the organisation (pipeline_id null) or one pipeline. */
export interface ScopeStats {
  /** null = organisation-wide; otherwise the pipeline the numbers are restricted to. */
  pipeline_id: string | null;
  current: WindowStats;
  previous: WindowStats;
  /** Current window: failed executions per error_type (`COUNT(*) … GROUP BY error_type`). */
  by_error_type: Record<string, number>;
  /** Current window, every day it touches (zero-filled), partial first and last day included. */
  days: DayBucket[];
  /**
   * Previous window, every day (zero-filled). The daily tests read only the complete days of
   * both series (see completeDayLabels); [] when not loaded (the tests then run per execution).
   */
  previous_days?: DayBucket[];
  /**
   * Σ cost_usd² per window, for the per-execution cost test (windows ≤ 3 days, where a side can
   * have fewer than 3 complete days); absent when not loaded.
   */
  cost_sq_usd?: { current: number; previous: number };
}

/** Unit prices in USD per million tokens (same meaning as lib/pricing/catalog UnitPrices). */
export interface UnitPrice {
  input_per_mtok: number;
  output_per_mtok: number;
  /** Price of cached input tokens; null = billed at the input price. */
  cached_input_per_mtok: number | null;
}

/** A model the price catalog offers: the candidates for a cheaper alternative. */
export interface CatalogModelPrice extends UnitPrice {
  provider: string;
  model: string;
  /**
   * The models in use this candidate may replace (e.g. only those of its own family); absent =
   * any model of the same provider.
   */
  replaces?: readonly string[];
}

/** Stage executions of one (provider, model) in the current window (`GROUP BY provider, model`). */
export interface ModelStats {
  provider: string | null;
  model: string;
  /** Number of stage executions (calls) with this model. */
  calls: number;
  /** Calls with status success / failed (skipped calls are in neither). */
  successes: number;
  failures: number;
  /** Token sums. input_tokens INCLUDES cached_input_tokens; output_tokens INCLUDES reasoning_tokens. */
  input_tokens: number;
  output_tokens: number;
  cached_input_tokens: number;
  reasoning_tokens: number;
  /** SUM(cost_usd) actually recorded for these calls. */
  cost_usd: number;
  /** AVG(duration_ms) of the calls; null when none. */
  avg_latency_ms: number | null;
  /** Calls with tokens that the catalog could not price (cost_source = 'unpriced'). */
  unpriced_calls: number;
  /** The price the catalog (with org overrides) gives this model; null when unknown. */
  price: UnitPrice | null;
}

/** Stage timings in the current window (`GROUP BY stage_id`). */
export interface StageStats {
  stage_id: string;
  avg_ms: number;
  p95_ms: number | null;
  /** Number of stage executions. */
  executions: number;
}

/**
 * Recovery from failure streaks in the current window, summed so scopes combine exactly.
 * A streak = a maximal run of consecutive failed executions of one pipeline (ordered by
 * started_at; cancelled runs are ignored) that is followed by a success. Its duration is from the
 * first failure's started_at to that success's completion (started_at + duration_ms).
 * Streaks still failing at the end of the window are not counted (they have not recovered).
 * MTTR = total_minutes ÷ streaks.
 */
export interface RecoveryStats {
  streaks: number;
  total_minutes: number;
}

/** Everything the engine needs for one request. */
export interface InsightsInput {
  /** The request time, ISO-8601 UTC: becomes generated_at / detected_at. */
  now: string;
  /** Window length in days (1–365). */
  days: number;
  /** IANA time zone used for day buckets and hours (reported back in usage_patterns). */
  time_zone: string;
  /** The request's scope: organisation-wide, or the pipeline given by ?pipeline_id. */
  scope: ScopeStats;
  /**
   * The scope's complete local days of the last 90, oldest first, ending yesterday (zero-filled):
   * what the forecast is fitted on (independent of `days`). [] when forecasts are not wanted.
   */
  cost_history?: DayBucket[];
  /** One entry per pipeline active in either window. [] when the request is for one pipeline. */
  pipelines: ScopeStats[];
  /** Current window, per model, within the scope. */
  models: ModelStats[];
  /** Catalog models that could replace a used model (same provider); deprecated ones excluded. */
  catalog: CatalogModelPrice[];
  /** Current window, per stage_id, within the scope. */
  stages: StageStats[];
  /** Current window: executions per hour of day (index 0–23) in the org time zone; length 24. */
  hour_counts: number[];
  recovery: RecoveryStats;
  /** The organisation's overrides (org_settings.thresholds JSON); unknown keys are ignored. */
  thresholds?: unknown;
}
