import { DEFAULT_THRESHOLDS, type Thresholds } from './thresholds';
import { usableTimeZone } from './time-zone';
import { z } from './zod';

// Organisation settings (scope admin): the time zone of day buckets and peak hours, and overrides
// of the detection thresholds (./thresholds.ts). PATCH changes what it names; a
// threshold set to null goes back to its default.

export const MAX_SETTINGS_BODY_BYTES = 16_384;

export const THRESHOLD_KEYS = Object.keys(DEFAULT_THRESHOLDS) as (keyof Thresholds)[];

/** Thresholds that are fractions (0.1 = 10%) must stay within 0–1; the rest only need ≥ 0. */
const FRACTIONS: ReadonlySet<string> = new Set<keyof Thresholds>([
  'model_concentration_share', 'failed_cost_share', 'model_recommendation_max_price_ratio',
  'failure_rate_warning', 'failure_rate_critical', 'significance_level', 'peak_hours_share',
]);
export const isFractionThreshold = (key: string) => FRACTIONS.has(key);

/** A zone the analytics service will use as given (it falls back to UTC for anything else). */
export const isTimeZone = (tz: string) => usableTimeZone(tz) === tz;

const thresholdValue = (key: string) =>
  z
    .number('must be a number or null')
    .finite('must be a finite number')
    .min(0, 'must be ≥ 0')
    .max(isFractionThreshold(key) ? 1 : Number.MAX_SAFE_INTEGER, isFractionThreshold(key) ? 'must be a fraction from 0 to 1' : 'is too large')
    .nullable();

export const ThresholdOverrides = z.strictObject(
  Object.fromEntries(THRESHOLD_KEYS.map((k) => [k, thresholdValue(k).optional()])) as Record<
    keyof Thresholds,
    z.ZodOptional<ReturnType<typeof thresholdValue>>
  >,
);

export const UpdateSettingsBody = z.strictObject({
  time_zone: z.string().refine(isTimeZone, 'must be an IANA time zone such as Europe/Berlin or UTC').optional(),
  thresholds: ThresholdOverrides.optional(),
});
export type UpdateSettingsBody = z.infer<typeof UpdateSettingsBody>;

export const SettingsResponse = z.object({
  time_zone: z.string(),
  /** Only the overrides this organisation set. */
  thresholds: z.record(z.string(), z.number()),
  /** Defaults merged with the overrides: what the detectors use. */
  effective_thresholds: z.record(z.string(), z.number()),
  updated_at: z.string().nullable(),
});
export type SettingsResponse = z.infer<typeof SettingsResponse>;
