'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiKeyItem, CreatedKeyResponse, CreateKeyBody, KeysResponse } from '@/lib/schemas/keys';
import { fetchJson } from './fetch-json';
import { queryKeys } from './query-keys';

/** GET /api/v1/keys. */
export function useKeysQuery() {
  return useQuery({ queryKey: queryKeys.keys(), queryFn: ({ signal }) => fetchJson<KeysResponse>('/api/v1/keys', { signal }) });
}

/** POST /api/v1/keys: the response holds the secret, shown once. */
export function useCreateKeyMutation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateKeyBody) => fetchJson<CreatedKeyResponse>('/api/v1/keys', { method: 'POST', body: JSON.stringify(body) }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.keys() }),
  });
}

/** DELETE /api/v1/keys/{id}. */
export function useRevokeKeyMutation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => fetchJson<ApiKeyItem>(`/api/v1/keys/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.keys() }),
  });
}
