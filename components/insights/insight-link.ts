import { toQueryString, type DashboardFilters } from '@/lib/hooks/filters';

/** The detail page of an insight, in the range it was found in (ids carry ":" and must be encoded). */
export const insightHref = (id: string, f: DashboardFilters) =>
  `/insights/${encodeURIComponent(id)}?${toQueryString({ days: f.days, pipeline_id: f.pipeline_id })}`;
