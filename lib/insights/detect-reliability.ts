import type { Insight } from '@/lib/schemas/insights';
import { makeInsight, scopeSuffix, type DetectContext } from './insight';
import { atLeast, formatPercent, roundPercent, roundRate, successRate } from './math';
import { isSignificant, twoProportionZTest } from './stats';
import type { Thresholds } from '@/lib/schemas/thresholds';
import type { ScopeStats, WindowStats } from './types';

/** Runs that decided something: cancelled runs are neither a success nor a failure. */
const decided = (w: WindowStats) => w.successes + w.failures;

/** Error types, most frequent first (ties by name), so the biggest cause reads first. */
export function sortErrorTypes(byErrorType: Record<string, number>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(byErrorType)
      .filter(([, n]) => n > 0)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])),
  );
}

const ERROR_ADVICE: Record<string, string> = {
  timeout: 'Timeouts dominate: raise stage timeouts or split long prompts',
  rate_limit: 'Rate limits dominate: add backoff, spread load, or raise the provider quota',
  api_error: 'Provider API errors dominate: check the provider status page and retry transient errors',
  auth_error: 'Authentication errors dominate: verify API credentials and their expiry',
  validation_error: 'Validation errors dominate: check inputs and output parsing after recent changes',
};

/**
 * failure_pattern: failure rate = failed ÷ (success + failed) in the current window;
 * warning at ≥ 10%, critical at ≥ 25%; needs the minimum number of decided runs.
 */
export function detectFailurePattern(s: ScopeStats, t: Thresholds, ctx: DetectContext): Insight[] {
  const cur = s.current;
  const n = decided(cur);
  if (!atLeast(n, t.min_executions)) return [];
  const rate = cur.failures / n;
  if (!atLeast(rate, t.failure_rate_warning)) return [];
  const critical = atLeast(rate, t.failure_rate_critical);
  const byErrorType = sortErrorTypes(s.by_error_type);
  const topError = Object.keys(byErrorType)[0];
  return [
    makeInsight(ctx, {
      type: 'failure_pattern',
      severity: critical ? 'critical' : 'warning',
      title: `${critical ? 'Critical' : 'High'} failure rate: ${formatPercent(rate * 100)}`,
      description: `${cur.failures} of ${n} runs${scopeSuffix(ctx)} failed in the last ${ctx.days} days.`,
      data: { failure_rate: roundRate(rate), total_failures: cur.failures, total_runs: n, by_error_type: byErrorType },
      recommendations: [
        ...(topError && ERROR_ADVICE[topError] ? [ERROR_ADVICE[topError]] : []),
        'Check recent pipeline changes',
        'Verify API credentials and rate limits',
        'Review error logs for root cause',
      ],
    }),
  ];
}

/**
 * reliability (warning): the success rate fell by ≥ 5 percentage points AND a two-sided
 * two-proportion z-test rejects "same rate" at the significance level (95% by default).
 * Both windows need the minimum number of decided runs.
 */
export function detectReliabilityDrop(s: ScopeStats, t: Thresholds, ctx: DetectContext): Insight[] {
  const nCur = decided(s.current);
  const nPrev = decided(s.previous);
  if (!atLeast(nCur, t.min_executions) || !atLeast(nPrev, t.min_executions)) return [];
  const cur = successRate(s.current.successes, s.current.failures)!;
  const prev = successRate(s.previous.successes, s.previous.failures)!;
  const dropPoints = (prev - cur) * 100;
  if (!atLeast(dropPoints, t.reliability_drop_points)) return [];
  const test = twoProportionZTest(s.current.successes, nCur, s.previous.successes, nPrev);
  if (!isSignificant(test, t.significance_level)) return [];
  return [
    makeInsight(ctx, {
      type: 'reliability',
      severity: 'warning',
      title: `Success rate dropped by ${formatPercent(dropPoints).replace('%', '')} points`,
      description: `The success rate${scopeSuffix(ctx)} fell from ${formatPercent(prev * 100)} to ${formatPercent(cur * 100)} (${nPrev} and ${nCur} runs; two-proportion z-test p = ${test.p_value!.toPrecision(2)}).`,
      data: {
        previous_success_rate: roundRate(prev),
        current_success_rate: roundRate(cur),
        drop_points: roundPercent(dropPoints),
        previous_runs: nPrev,
        current_runs: nCur,
        z: roundPercent(test.statistic ?? 0),
        p_value: test.p_value,
      },
      recommendations: [
        'Compare the error types of the two windows to find what is new',
        'Check recent deployments and provider incidents',
      ],
    }),
  ];
}
