'use client';
import { useState, type FormEvent } from 'react';
import { CATEGORIES, SEVERITIES, type InsightCategory, type InsightSeverity } from '@/lib/schemas/insights';
import { useCreateWebhookMutation } from './use-webhooks';

const input = 'rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-950';

/** Add an endpoint; the signing secret of the new endpoint is shown once, here. */
export function WebhookCreateForm() {
  const create = useCreateWebhookMutation();
  const [url, setUrl] = useState('');
  const [minSeverity, setMinSeverity] = useState<InsightSeverity>('critical');
  const [categories, setCategories] = useState<InsightCategory[]>([]);
  const [copied, setCopied] = useState(false);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setCopied(false);
    create.mutate({ url: url.trim(), min_severity: minSeverity, categories }, { onSuccess: () => setUrl('') });
  };
  const toggle = (c: InsightCategory) => setCategories((cs) => (cs.includes(c) ? cs.filter((x) => x !== c) : [...cs, c]));
  const secret = create.data?.secret;

  return (
    <div className="space-y-3">
      <form onSubmit={submit} className="flex flex-wrap items-end gap-3" aria-label="Add a webhook">
        <label className="flex min-w-64 flex-1 flex-col gap-1 text-xs font-medium text-zinc-700 dark:text-zinc-300">
          Endpoint URL
          <input type="url" required value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://example.com/hooks/flowmason" className={input} data-testid="webhook-url" />
        </label>
        <label className="flex flex-col gap-1 text-xs font-medium text-zinc-700 dark:text-zinc-300">
          Minimum severity
          <select value={minSeverity} onChange={(e) => setMinSeverity(e.target.value as InsightSeverity)} className={input} data-testid="webhook-min-severity">
            {SEVERITIES.map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        </label>
        <fieldset className="flex flex-col gap-1 text-xs">
          <legend className="font-medium text-zinc-700 dark:text-zinc-300">Categories (none = all)</legend>
          <div className="flex flex-wrap gap-2 py-1.5">
            {CATEGORIES.map((c) => (
              <label key={c} className="inline-flex items-center gap-1 text-zinc-700 dark:text-zinc-300">
                <input type="checkbox" checked={categories.includes(c)} onChange={() => toggle(c)} /> {c}
              </label>
            ))}
          </div>
        </fieldset>
        <button type="submit" disabled={create.isPending} className="rounded-md bg-zinc-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-zinc-700 disabled:opacity-50 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-zinc-300" data-testid="webhook-create">
          {create.isPending ? 'Adding…' : 'Add webhook'}
        </button>
      </form>
      {create.error ? <p role="alert" className="text-sm text-red-700 dark:text-red-400">{create.error.message}</p> : null}
      {secret ? (
        <div role="status" className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-800 dark:bg-amber-950/40" data-testid="webhook-secret">
          <p className="font-medium text-amber-900 dark:text-amber-200">Signing secret — copy it now, it is not shown again.</p>
          <p className="mt-1 text-amber-900 dark:text-amber-200">Verify each delivery with a Standard Webhooks library (headers webhook-id, webhook-timestamp, webhook-signature).</p>
          <div className="mt-2 flex flex-wrap items-center gap-2">
            <code className="break-all rounded bg-white px-2 py-1 font-mono text-xs dark:bg-zinc-900">{secret}</code>
            <button type="button" className="rounded-md border border-amber-400 px-2 py-1 text-xs font-medium" onClick={() => void navigator.clipboard?.writeText(secret).then(() => setCopied(true))}>
              {copied ? 'Copied' : 'Copy'}
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
