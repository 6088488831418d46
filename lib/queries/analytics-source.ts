import 'server-only';
import { getBuckets } from './get-buckets';
import { getErrorCounts } from './get-error-counts';
import { getHourCounts } from './get-hour-counts';
import { getModelStats } from './get-model-stats';
import { getRecovery } from './get-recovery';
import { getStageStats } from './get-stage-stats';
import { getWindowStats } from './get-window-stats';
import { getBucketsRollup } from './rollup/get-buckets';
import { getErrorCountsRollup } from './rollup/get-error-counts';
import { getHourCountsRollup } from './rollup/get-hour-counts';
import { getRecoveryFacts } from './rollup/get-recovery';
import { getModelStatsRollup } from './rollup/get-model-stats';
import { getStageStatsRollup } from './rollup/get-stage-stats';
import { getWindowStatsRollup } from './rollup/get-window-stats';

// The two implementations of the analytics aggregates behind one shape. 'rollup' (the default
// everywhere) reads the pre-aggregated tables plus the partial days at a window's ends; 'raw'
// re-reads every execution of the window. They answer the same (counts and sums exactly,
// percentiles within 1%): rollup-equality.test.ts checks it on the demo data.

export type QuerySource = 'rollup' | 'raw';

type Tz = [timeZone: string];
export interface AnalyticsQueries {
  getWindowStats: (...a: [...Parameters<typeof getWindowStats>, ...Tz]) => ReturnType<typeof getWindowStats>;
  getErrorCounts: (...a: [...Parameters<typeof getErrorCounts>, ...Tz]) => ReturnType<typeof getErrorCounts>;
  getBuckets: typeof getBuckets;
  getModelStats: (...a: [...Parameters<typeof getModelStats>, ...Tz]) => ReturnType<typeof getModelStats>;
  getStageStats: (...a: [...Parameters<typeof getStageStats>, ...Tz]) => ReturnType<typeof getStageStats>;
  getHourCounts: typeof getHourCounts;
  getRecovery: typeof getRecovery;
}

const RAW: AnalyticsQueries = { getWindowStats, getErrorCounts, getBuckets, getModelStats, getStageStats, getHourCounts, getRecovery };

const ROLLUP: AnalyticsQueries = {
  getWindowStats: getWindowStatsRollup,
  getErrorCounts: getErrorCountsRollup,
  getBuckets: getBucketsRollup,
  getModelStats: getModelStatsRollup,
  getStageStats: getStageStatsRollup,
  getHourCounts: getHourCountsRollup,
  getRecovery: getRecoveryFacts,
};

/** The query set for a source; ANALYTICS_SOURCE=raw switches the app back to raw reads. */
export function analyticsQueries(source?: QuerySource): AnalyticsQueries {
  const chosen = source ?? (process.env.ANALYTICS_SOURCE === 'raw' ? 'raw' : 'rollup');
  return chosen === 'raw' ? RAW : ROLLUP;
}
