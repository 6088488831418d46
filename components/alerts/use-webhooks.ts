'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchJson } from '@/lib/hooks/fetch-json';
import type { DeliveriesResponse, InsightStateResponse, WebhookCreateBody, WebhookCreatedResponse, WebhookListResponse } from '@/lib/schemas/alerts';

// react-query hooks of the alerts endpoints (one per endpoint). Keys live under ['fm', …] like the
// dashboard's (lib/hooks/query-keys.ts), so invalidating ['fm'] refreshes these too.

export const webhookKeys = {
  list: () => ['fm', 'webhooks'] as const,
  deliveries: (id: string) => ['fm', 'webhooks', id, 'deliveries'] as const,
};

/** GET /api/v1/webhooks. */
export function useWebhooksQuery() {
  return useQuery({ queryKey: webhookKeys.list(), queryFn: ({ signal }) => fetchJson<WebhookListResponse>('/api/v1/webhooks', { signal }) });
}

/** POST /api/v1/webhooks: the answer holds the signing secret, shown once. */
export function useCreateWebhookMutation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<WebhookCreateBody>) =>
      fetchJson<WebhookCreatedResponse>('/api/v1/webhooks', { method: 'POST', body: JSON.stringify(body) }),
    onSuccess: () => client.invalidateQueries({ queryKey: webhookKeys.list() }),
  });
}

/** DELETE /api/v1/webhooks/{id} (answers 204: no body to parse). */
export function useDeleteWebhookMutation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => {
      const res = await fetch(`/api/v1/webhooks/${encodeURIComponent(id)}`, { method: 'DELETE', credentials: 'same-origin' });
      if (!res.ok && res.status !== 404) throw new Error(`Could not delete the webhook (HTTP ${res.status})`);
    },
    onSuccess: () => client.invalidateQueries({ queryKey: webhookKeys.list() }),
  });
}

/** GET /api/v1/webhooks/{id}/deliveries, refreshed every 5 s while shown (retries move on their own). */
export function useDeliveriesQuery(id: string) {
  return useQuery({
    queryKey: webhookKeys.deliveries(id),
    queryFn: ({ signal }) => fetchJson<DeliveriesResponse>(`/api/v1/webhooks/${encodeURIComponent(id)}/deliveries?limit=20`, { signal }),
    refetchInterval: 5_000,
    staleTime: 0,
  });
}

/** POST /api/v1/analytics/insights/{id}/acknowledge. */
export function useAcknowledgeMutation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (insightId: string) =>
      fetchJson<InsightStateResponse>(`/api/v1/analytics/insights/${encodeURIComponent(insightId)}/acknowledge`, { method: 'POST' }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['fm', 'insights'] }),
  });
}
