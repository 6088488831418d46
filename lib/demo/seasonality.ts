import type { PipelineSpec } from './types';

// Relative traffic by UTC hour of day and by day of week. Using UTC (not a local zone) keeps the
// generator independent of the machine it runs on; the dashboard's day buckets default to UTC too.
// Night-time floors stay well above zero so no hour is empty, which would look like an outage.

const HOURS: Record<PipelineSpec['profile'], readonly number[]> = {
  // Interactive traffic from several time zones: a broad day with a soft night.
  'always-on': [0.45, 0.4, 0.38, 0.38, 0.4, 0.45, 0.55, 0.7, 0.85, 0.95, 1, 1, 0.95, 1, 1, 1, 0.95, 0.9, 0.85, 0.8, 0.75, 0.65, 0.55, 0.5],
  business: [0.22, 0.2, 0.2, 0.2, 0.22, 0.28, 0.38, 0.55, 0.8, 0.95, 1, 1, 0.9, 0.95, 1, 1, 0.95, 0.85, 0.7, 0.55, 0.45, 0.38, 0.3, 0.25],
  // Developer tooling: office hours only.
  office: [0.1, 0.08, 0.08, 0.08, 0.1, 0.15, 0.25, 0.45, 0.8, 1, 1, 1, 0.8, 0.95, 1, 1, 0.9, 0.75, 0.5, 0.35, 0.25, 0.18, 0.14, 0.12],
  // Batch job kicked off after midnight; stragglers and re-runs during the day.
  nightly: [1, 1, 1, 0.9, 0.6, 0.2, 0.05, 0.03, 0.03, 0.03, 0.03, 0.03, 0.03, 0.03, 0.03, 0.03, 0.03, 0.03, 0.03, 0.03, 0.03, 0.04, 0.1, 0.5],
};

// Index 0 = Sunday (as Date#getUTCDay).
const WEEK: Record<PipelineSpec['profile'], readonly number[]> = {
  'always-on': [0.72, 1, 1, 1, 1, 0.97, 0.75],
  business: [0.55, 1, 1.02, 1.02, 1, 0.95, 0.58],
  office: [0.3, 1, 1.03, 1.03, 1, 0.9, 0.32],
  nightly: [1, 1, 1, 1, 1, 1, 1],
};

/** 168 weights indexed by dayOfWeek * 24 + hour (UTC). */
export function hourOfWeekWeights(profile: PipelineSpec['profile']): Float64Array {
  const out = new Float64Array(168);
  for (let d = 0; d < 7; d++) for (let h = 0; h < 24; h++) out[d * 24 + h] = WEEK[profile][d] * HOURS[profile][h];
  return out;
}

const HOUR_MS = 3_600_000;

/** dayOfWeek * 24 + hour for an epoch-ms timestamp, by arithmetic (1970-01-01 was a Thursday). */
export function hourOfWeek(ms: number): number {
  const hours = Math.floor(ms / HOUR_MS);
  const day = Math.floor(hours / 24);
  return (((day + 4) % 7) + 7) % 7 * 24 + (((hours % 24) + 24) % 24);
}
