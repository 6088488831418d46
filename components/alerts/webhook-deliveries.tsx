'use client';
import type { Delivery, DeliveryStatus } from '@/lib/schemas/alerts';
import { useDeliveriesQuery } from './use-webhooks';

const STATUS: Record<DeliveryStatus, string> = {
  delivered: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200',
  pending: 'bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-200',
  failed: 'bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-200',
  cancelled: 'bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300',
};

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : '—');

function Attempts({ d }: { d: Delivery }) {
  if (d.history.length === 0) return <span className="text-zinc-500">none yet</span>;
  return (
    <ol className="space-y-0.5">
      {d.history.map((a) => (
        <li key={a.attempt} className="tabular-nums">
          #{a.attempt} {when(a.started_at)} · {a.status_code ?? 'no answer'} · {a.duration_ms} ms
          {a.error ? <span className="block max-w-md truncate text-zinc-500" title={a.error}>{a.error}</span> : null}
        </li>
      ))}
    </ol>
  );
}

/** The latest deliveries of one endpoint with every attempt (status, duration, error). */
export function WebhookDeliveries({ webhookId }: { webhookId: string }) {
  const q = useDeliveriesQuery(webhookId);
  if (q.isPending) return <p className="text-sm text-zinc-600 dark:text-zinc-400">Loading deliveries…</p>;
  if (q.error) return <p role="alert" className="text-sm text-red-700 dark:text-red-400">{q.error.message}</p>;
  if (q.data.total === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400">No deliveries yet: an insight that matches this endpoint sends one.</p>;
  return (
    <div className="-mx-4 overflow-x-auto px-4">
      <table className="w-full min-w-[36rem] text-xs" data-testid="webhook-deliveries">
        <caption className="sr-only">Latest deliveries ({q.data.deliveries.length} of {q.data.total})</caption>
        <thead>
          <tr className="border-b border-zinc-200 text-left text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
            <th scope="col" className="py-1.5 pr-2 font-medium">Insight</th>
            <th scope="col" className="px-2 font-medium">Status</th>
            <th scope="col" className="px-2 font-medium">Created</th>
            <th scope="col" className="px-2 font-medium">Attempts</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {q.data.deliveries.map((d) => (
            <tr key={d.id} className="align-top">
              <td className="py-1.5 pr-2 font-mono break-all">{d.insight_id}{d.episode > 1 ? ` (episode ${d.episode})` : ''}</td>
              <td className="px-2 py-1.5">
                <span className={`rounded-full px-2 py-0.5 font-medium ${STATUS[d.status]}`}>{d.status}</span>
                {d.next_attempt_at ? <span className="mt-1 block text-zinc-500">next {when(d.next_attempt_at)}</span> : null}
              </td>
              <td className="px-2 py-1.5 whitespace-nowrap">{when(d.created_at)}</td>
              <td className="px-2 py-1.5"><Attempts d={d} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
