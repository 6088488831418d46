'use client';
import { useState, type FormEvent } from 'react';
import { useCreateKeyMutation } from '@/lib/hooks/use-keys-query';

const SCOPES = [
  { value: 'read', hint: 'analytics' },
  { value: 'ingest', hint: 'send executions' },
  { value: 'admin', hint: 'keys, webhooks, settings' },
] as const;

/** Name + scopes → a new key, displayed once with a copy button. */
export function CreateKeyForm({ onClose }: { onClose: () => void }) {
  const create = useCreateKeyMutation();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<string[]>(['ingest']);
  const [copied, setCopied] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ name: name.trim(), scopes: scopes as ('read' | 'ingest' | 'admin')[] });
  };
  if (create.data) {
    return (
      <div className="mb-4 rounded-lg border border-emerald-300 bg-emerald-50 p-3 text-sm dark:border-emerald-900 dark:bg-emerald-950/40" data-testid="new-key">
        <p className="font-medium text-emerald-900 dark:text-emerald-200">Key “{create.data.name}” created. Copy it now: it is not shown again.</p>
        <div className="mt-2 flex flex-wrap items-center gap-2">
          <code className="break-all rounded bg-white px-2 py-1 text-xs text-zinc-900 dark:bg-zinc-900 dark:text-zinc-100" data-testid="new-key-value">{create.data.key}</code>
          <button type="button" className="rounded-md border border-zinc-300 px-2 py-1 text-xs dark:border-zinc-700"
            onClick={() => void navigator.clipboard?.writeText(create.data.key).then(() => setCopied(true), () => {})}>
            {copied ? 'Copied' : 'Copy'}
          </button>
          <button type="button" className="rounded-md px-2 py-1 text-xs underline" onClick={onClose}>Done</button>
        </div>
      </div>
    );
  }
  return (
    <form onSubmit={submit} className="mb-4 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800" aria-label="New API key">
      <div className="flex flex-wrap items-end gap-4">
        <label className="flex flex-col gap-1 text-xs font-medium text-zinc-700 dark:text-zinc-300">
          Name
          <input required maxLength={64} value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. production ingest" data-testid="new-key-name"
            className="h-9 w-64 max-w-full rounded-md border border-zinc-300 bg-white px-2 text-sm text-zinc-900 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100" />
        </label>
        <fieldset className="flex flex-wrap gap-3 text-sm">
          <legend className="mb-1 text-xs font-medium text-zinc-700 dark:text-zinc-300">Scopes</legend>
          {SCOPES.map((s) => (
            <label key={s.value} className="flex items-center gap-1.5">
              <input type="checkbox" checked={scopes.includes(s.value)} data-testid={`new-key-scope-${s.value}`}
                onChange={(e) => setScopes(e.target.checked ? [...scopes, s.value] : scopes.filter((x) => x !== s.value))} />
              {s.value} <span className="text-xs text-zinc-600 dark:text-zinc-400">({s.hint})</span>
            </label>
          ))}
        </fieldset>
        <div className="flex gap-2">
          <button type="submit" disabled={create.isPending || scopes.length === 0} className="h-9 rounded-md bg-indigo-600 px-3 text-sm font-medium text-white hover:bg-indigo-700 disabled:opacity-50">
            Create key
          </button>
          <button type="button" onClick={onClose} className="h-9 rounded-md px-3 text-sm">Cancel</button>
        </div>
      </div>
      {create.error ? <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-400">{create.error.message}</p> : null}
    </form>
  );
}
