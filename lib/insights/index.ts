// The insights engine: pure functions from SQL aggregates (types.ts) to API responses.
export * from './types';
export { DEFAULT_THRESHOLDS, resolveThresholds, type Thresholds } from '@/lib/schemas/thresholds';
export { computeWindows, emptyBucket, fillBuckets, fillDayBuckets, listDays, listHours, localDate, windowDayLabels, type TimeWindow } from './buckets';
export { insightId } from './insight';
export { detectInsights, filterInsights, type InsightFilter } from './detect-all';
export { computeDowngrades, priceTokens, type Downgrade } from './downgrades';
export { computeTrends, computeChangePercents } from './trends';
export { completeDays, computeCostForecast, FORECAST_METHOD } from './forecast';
export { computeOpportunities, totalSavings } from './opportunities';
export { rankInsights, topInsight } from './rank';
export { buildReport, buildSummary, type ReportOptions } from './build';
