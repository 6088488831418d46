import { toQueryString, type DashboardFilters } from '@/lib/hooks/filters';

/** The detail page of an insight, carrying the list's filters for the way back (ids hold ":"). */
export const insightHref = (id: string, f: DashboardFilters) => `/insights/${encodeURIComponent(id)}?${toQueryString(f)}`;
