import { InsightsQuery } from '@/lib/schemas/insights';

// The dashboard's filters live in the URL: days, pipeline_id, category, severity — the API's own
// parameter names, read with the API's own zod schema, so a dashboard URL and the API call behind
// it say the same thing. Used on the server (page searchParams) and in the browser (nuqs).

export const DAY_OPTIONS = [7, 14, 30, 90] as const;
export const DEFAULT_DAYS = 7;

export type DashboardFilters = {
  days: number;
  pipeline_id: string | null;
  /** A validated comma-separated list (the API accepts lists); null = all. */
  category: string | null;
  severity: string | null;
};

type Raw = Record<string, string | string[] | null | undefined>;
const first = (v: string | string[] | null | undefined) => (Array.isArray(v) ? v[0] : v) ?? undefined;

/** A value the API would refuse falls back to "all" / the default instead of breaking the page. */
export function parseFilters(raw: Raw): DashboardFilters {
  const shape = InsightsQuery.shape;
  const days = shape.days.safeParse(first(raw.days));
  const pipeline = shape.pipeline_id.safeParse(first(raw.pipeline_id) || undefined);
  const category = shape.category.safeParse(first(raw.category) || undefined);
  const severity = shape.severity.safeParse(first(raw.severity) || undefined);
  return {
    days: days.success && first(raw.days) !== undefined ? days.data : DEFAULT_DAYS,
    pipeline_id: pipeline.success ? (pipeline.data ?? null) : null,
    category: category.success && category.data ? category.data.join(',') : null,
    severity: severity.success && severity.data ? severity.data.join(',') : null,
  };
}

/** `a=1&b=2` without the empty ones, for API URLs and links. */
export function toQueryString(params: Record<string, string | number | boolean | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') search.set(key, String(value));
  }
  return search.toString();
}

/** Day buckets, or hour buckets for a range of a day or two (one or two day bars say nothing). */
export const granularityFor = (days: number): 'hour' | 'day' => (days <= 2 ? 'hour' : 'day');

/** The category / severity lists as the analytics service takes them. */
export function listFilters(f: DashboardFilters) {
  return {
    category: InsightsQuery.shape.category.parse(f.category ?? undefined),
    severity: InsightsQuery.shape.severity.parse(f.severity ?? undefined),
  };
}
