'use client';
import type { InsightStatus } from '@/lib/schemas/alerts';
import { useAcknowledgeMutation } from './use-webhooks';

/**
 * Acknowledge an insight: no further webhook deliveries for its current episode (it alerts again
 * only if it resolves and later recurs). For the insight detail page; `status` is the insight's
 * alert state when known (lib/alerts/acknowledge.ts getInsightStates, on the server), null when
 * alerts do not track it (only the evaluation window, 7 days by default, is tracked).
 */
export function AcknowledgeButton({ insightId, status }: { insightId: string; status: InsightStatus | null }) {
  const ack = useAcknowledgeMutation();
  const current = ack.data?.status ?? status;
  if (current === 'acknowledged') {
    return (
      <span className="inline-flex items-center gap-1 text-xs font-medium text-emerald-700 dark:text-emerald-400" data-testid="insight-acknowledged">
        <svg aria-hidden="true" viewBox="0 0 16 16" className="h-3.5 w-3.5" fill="none" stroke="currentColor" strokeWidth="2"><path d="m3 8 3 3 7-7" /></svg>
        Acknowledged{ack.data?.acknowledged_at ? ` at ${new Date(ack.data.acknowledged_at).toLocaleString()}` : ''}
      </span>
    );
  }
  if (current === 'resolved') return <span className="text-xs text-zinc-600 dark:text-zinc-400">Resolved</span>;
  if (current === null) return null;
  return (
    <span className="inline-flex flex-col items-start gap-1">
      <button
        type="button"
        onClick={() => ack.mutate(insightId)}
        disabled={ack.isPending}
        className="rounded-md border border-zinc-300 px-2.5 py-1 text-xs font-medium text-zinc-800 hover:bg-zinc-50 disabled:opacity-50 dark:border-zinc-700 dark:text-zinc-100 dark:hover:bg-zinc-800"
        data-testid="acknowledge-insight"
      >
        {ack.isPending ? 'Acknowledging…' : 'Acknowledge'}
      </button>
      {ack.error ? <span role="alert" className="text-xs text-red-700 dark:text-red-400">{ack.error.message}</span> : null}
    </span>
  );
}
