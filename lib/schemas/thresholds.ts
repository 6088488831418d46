// Detection thresholds: the defaults are the table in API.md "Insights"; an organisation may
// override any of them (org_settings.thresholds, a partial JSON object). Every comparison is
// inclusive (≥) unless the contract says "more than" (model share > 80%, p95/p50 > 3).
// Names ending in _percent are percentages (50 = 50%); _share / _rate are fractions (0.1 = 10%).
// They live with the schemas because they are part of the contract (the settings API validates
// overrides against them); the engine (lib/insights) reads them from here.

export interface Thresholds {
  /** Minimum executions in EACH compared window (rates: success + failed runs). */
  min_executions: number;
  cost_spike_warning_percent: number;
  cost_spike_critical_percent: number;
  /** A spike from pennies is noise: the previous window must have cost at least this much. */
  cost_spike_min_previous_usd: number;
  /** One model's share of model cost that counts as concentration (strictly more than). */
  model_concentration_share: number;
  /** Share of the cost burnt by failed executions that is worth an insight. */
  failed_cost_share: number;
  model_recommendation_min_calls: number;
  /** A cheaper model qualifies when it costs at most this fraction for the same tokens. */
  model_recommendation_max_price_ratio: number;
  performance_change_percent: number;
  /** p95 ÷ p50 above this is a long tail (strictly more than). */
  anomaly_p95_p50_ratio: number;
  /** A day is an outlier when it is more than this many robust standard deviations above the median. */
  anomaly_mad_threshold: number;
  /**
   * …and at least this many percent above the median day. Steady days barely vary, so MAD gets
   * tiny and, over many days × pipelines × metrics, a 15% wobble would pass 3.5 robust SDs;
   * a day that is not materially higher is not worth anyone's attention.
   */
  anomaly_min_excess_percent: number;
  anomaly_min_days: number;
  failure_rate_warning: number;
  failure_rate_critical: number;
  /** Success-rate drop in percentage points. */
  reliability_drop_points: number;
  /** Two-sided significance level of every statistical test (0.05 = 95% confidence). */
  significance_level: number;
  usage_change_percent: number;
  /** peak_hours: the busiest `peak_hours_count` hours hold at least `peak_hours_share` of executions. */
  peak_hours_count: number;
  peak_hours_share: number;
  /** Hour shares from few executions are noise: 24 buckets need far more than 20 executions. */
  peak_hours_min_executions: number;
  /** Trends: below this |change| the direction is "stable". */
  trend_stable_percent: number;
  /** Trends: a change is significant from this |change| (and when the test says so). */
  trend_significant_percent: number;
}

export const DEFAULT_THRESHOLDS: Readonly<Thresholds> = Object.freeze({
  min_executions: 20,
  cost_spike_warning_percent: 50,
  cost_spike_critical_percent: 100,
  cost_spike_min_previous_usd: 1,
  model_concentration_share: 0.8,
  failed_cost_share: 0.1,
  model_recommendation_min_calls: 10,
  model_recommendation_max_price_ratio: 0.5,
  performance_change_percent: 30,
  anomaly_p95_p50_ratio: 3,
  anomaly_mad_threshold: 3.5,
  anomaly_min_excess_percent: 50,
  anomaly_min_days: 7,
  failure_rate_warning: 0.1,
  failure_rate_critical: 0.25,
  reliability_drop_points: 5,
  significance_level: 0.05,
  usage_change_percent: 50,
  peak_hours_count: 3,
  peak_hours_share: 0.4,
  peak_hours_min_executions: 100,
  trend_stable_percent: 5,
  trend_significant_percent: 10,
});

/**
 * Defaults merged with an organisation's overrides. The overrides come from a JSON column, so
 * anything that is not a finite, non-negative number for a known key is ignored.
 */
export function resolveThresholds(overrides?: unknown): Thresholds {
  const t: Thresholds = { ...DEFAULT_THRESHOLDS };
  if (!overrides || typeof overrides !== 'object' || Array.isArray(overrides)) return t;
  for (const [key, value] of Object.entries(overrides as Record<string, unknown>)) {
    if (!(key in t)) continue;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) continue;
    t[key as keyof Thresholds] = value;
  }
  return t;
}
