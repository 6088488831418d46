'use client';
import { parseAsString, useQueryStates } from 'nuqs';
import { useCallback, useMemo } from 'react';
import { parseFilters, type DashboardFilters } from './filters';

// The URL is the state: reading goes through parseFilters (the API's schema), writing pushes a
// history entry (the back button undoes a filter) without a server round trip (shallow).
const params = { days: parseAsString, pipeline_id: parseAsString, category: parseAsString, severity: parseAsString };

export function useDashboardFilters() {
  const [raw, setRaw] = useQueryStates(params, { history: 'push', shallow: true, scroll: false });
  const filters = useMemo(() => parseFilters(raw), [raw]);
  const setFilter = useCallback(
    (key: keyof DashboardFilters, value: string | number | null) =>
      void setRaw({ [key]: value === null || value === '' ? null : String(value) }),
    [setRaw],
  );
  return { filters, setFilter };
}
