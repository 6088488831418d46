'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SettingsResponse, UpdateSettingsBody } from '@/lib/schemas/settings';
import { fetchJson } from './fetch-json';
import { queryKeys } from './query-keys';

/** GET /api/v1/settings. */
export function useSettingsQuery() {
  return useQuery({ queryKey: queryKeys.settings(), queryFn: ({ signal }) => fetchJson<SettingsResponse>('/api/v1/settings', { signal }) });
}

/** PATCH /api/v1/settings; every analytics view depends on them, so all of it is refetched. */
export function useUpdateSettingsMutation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: UpdateSettingsBody) =>
      fetchJson<SettingsResponse>('/api/v1/settings', { method: 'PATCH', body: JSON.stringify(patch) }),
    onSuccess: (data) => {
      client.setQueryData(queryKeys.settings(), data);
      return client.invalidateQueries({ queryKey: queryKeys.all, predicate: (q) => q.queryKey[1] !== 'settings' });
    },
  });
}
