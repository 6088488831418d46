import type { DashboardFilters } from './filters';

// Every react-query key of the dashboard, in one place: the server prefetch and the browser hooks
// must build identical keys for the server's first paint to be reused.

type Scope = Pick<DashboardFilters, 'days' | 'pipeline_id'>;
const scope = ({ days, pipeline_id }: Scope) => ({ days, pipeline_id });

export const queryKeys = {
  all: ['fm'] as const,
  summary: (f: Scope) => ['fm', 'summary', scope(f)] as const,
  report: (f: Scope) => ['fm', 'report', scope(f)] as const,
  insights: (f: DashboardFilters) =>
    ['fm', 'insights', { ...scope(f), category: f.category, severity: f.severity }] as const,
  timeseries: (f: Scope, granularity: 'day' | 'hour') => ['fm', 'timeseries', { ...scope(f), granularity }] as const,
  pipelines: () => ['fm', 'pipelines'] as const,
  keys: () => ['fm', 'keys'] as const,
  settings: () => ['fm', 'settings'] as const,
  session: () => ['fm', 'session'] as const,
};
