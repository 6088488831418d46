'use client';
import { useState } from 'react';
import { WebhookCreateForm } from '@/components/alerts/webhook-create-form';
import { WebhookDeliveries } from '@/components/alerts/webhook-deliveries';
import { useDeleteWebhookMutation, useWebhooksQuery } from '@/components/alerts/use-webhooks';
import { LocalTime } from '@/components/ui/local-time';
import type { Webhook } from '@/lib/schemas/alerts';

// Settings → Webhooks: add, list and delete alert endpoints and look at their deliveries.
// Everything goes through the JSON API (/api/v1/webhooks, scope admin) with the session cookie.

const button = 'rounded-md border border-zinc-300 px-2 py-1 text-xs font-medium hover:bg-zinc-50 dark:border-zinc-700 dark:hover:bg-zinc-800';

function WebhookRow({ w, open, onToggle }: { w: Webhook; open: boolean; onToggle: () => void }) {
  const del = useDeleteWebhookMutation();
  const remove = () => {
    if (window.confirm(`Delete the webhook ${w.url}? Its pending deliveries and delivery log are deleted too.`)) del.mutate(w.id);
  };
  return (
    <li className="py-3" data-testid="webhook-row">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <p className="break-all font-mono text-sm">{w.url}</p>
          <p className="mt-0.5 text-xs text-zinc-600 dark:text-zinc-400">
            {w.min_severity} and above · {w.categories.length ? w.categories.join(', ') : 'all categories'} · added <LocalTime iso={w.created_at} dateOnly />
          </p>
          {!w.enabled ? <p className="mt-1 text-xs font-medium text-red-700 dark:text-red-400">Disabled{w.disabled_reason ? `: ${w.disabled_reason}` : ''}</p> : null}
        </div>
        <div className="flex shrink-0 gap-2">
          <button type="button" className={button} onClick={onToggle} aria-expanded={open}>{open ? 'Hide deliveries' : 'Deliveries'}</button>
          <button type="button" className={`${button} text-red-700 dark:text-red-400`} onClick={remove} disabled={del.isPending}>Delete</button>
        </div>
      </div>
      {del.error ? <p role="alert" className="mt-1 text-xs text-red-700">{del.error.message}</p> : null}
      {open ? <div className="mt-3"><WebhookDeliveries webhookId={w.id} /></div> : null}
    </li>
  );
}

export function WebhooksSection() {
  const q = useWebhooksQuery();
  const [open, setOpen] = useState<string | null>(null);
  return (
    <section className="rounded-xl border border-zinc-200 bg-white p-4 shadow-sm dark:border-zinc-800 dark:bg-zinc-900" data-testid="webhooks-section" aria-labelledby="webhooks-heading">
      <h2 id="webhooks-heading" className="text-sm font-semibold">Webhooks</h2>
      <p className="mt-0.5 text-xs text-zinc-600 dark:text-zinc-400">
        Insights at or above an endpoint&apos;s severity are POSTed to it once per episode, signed per Standard Webhooks.
        Failed deliveries are retried with backoff for 24 hours; an endpoint answering 410 is disabled.
      </p>
      <div className="mt-4"><WebhookCreateForm /></div>
      <div className="mt-4 border-t border-zinc-100 dark:border-zinc-800">
        {q.isPending ? <p role="status" aria-label="Loading" className="py-3 text-sm text-zinc-600 dark:text-zinc-400">Loading webhooks…</p> : null}
        {q.error ? <p role="alert" className="py-3 text-sm text-red-700 dark:text-red-400">{q.error.message}</p> : null}
        {q.data && q.data.total === 0 ? <p className="py-3 text-sm text-zinc-600 dark:text-zinc-400">No webhooks yet.</p> : null}
        {q.data && q.data.total > 0 ? (
          <ul className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {q.data.webhooks.map((w) => <WebhookRow key={w.id} w={w} open={open === w.id} onToggle={() => setOpen(open === w.id ? null : w.id)} />)}
          </ul>
        ) : null}
      </div>
    </section>
  );
}
