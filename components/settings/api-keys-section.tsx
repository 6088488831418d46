'use client';
import { useState } from 'react';
import { Card } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import { ErrorState } from '@/components/ui/states';
import { LocalTime } from '@/components/ui/local-time';
import { useKeysQuery, useRevokeKeyMutation } from '@/lib/hooks/use-keys-query';
import type { ApiKeyItem } from '@/lib/schemas/keys';
import { CreateKeyForm } from './create-key-form';

function KeyRow({ k }: { k: ApiKeyItem }) {
  const revoke = useRevokeKeyMutation();
  const onRevoke = () => {
    if (window.confirm(`Revoke ${k.prefix}… (“${k.name}”)? Programs using it get 401 from now on.`)) revoke.mutate(k.id);
  };
  return (
    <tr className="border-t border-zinc-100 dark:border-zinc-800" data-testid="key-row" data-prefix={k.prefix}>
      <td className="py-2 pr-3"><code className="text-xs">{k.prefix}…</code></td>
      <td className="py-2 pr-3">{k.name}</td>
      <td className="hidden py-2 pr-3 text-xs sm:table-cell">{k.scopes.join(', ')}</td>
      <td className="hidden py-2 pr-3 text-xs text-zinc-600 md:table-cell dark:text-zinc-400"><LocalTime iso={k.created_at} /></td>
      <td className="hidden py-2 pr-3 text-xs text-zinc-600 md:table-cell dark:text-zinc-400">{k.last_used_at ? <LocalTime iso={k.last_used_at} /> : 'never'}</td>
      <td className="py-2 text-right">
        {k.revoked_at ? (
          <span className="text-xs text-zinc-600 dark:text-zinc-400" data-testid="key-revoked">revoked</span>
        ) : (
          <button type="button" onClick={onRevoke} disabled={revoke.isPending}
            className="rounded-md border border-red-300 px-2 py-0.5 text-xs font-medium text-red-700 hover:bg-red-50 dark:border-red-900 dark:text-red-300 dark:hover:bg-red-950">
            Revoke
          </button>
        )}
      </td>
    </tr>
  );
}

/** API keys of the organisation: create (shown once), list by prefix, revoke. */
export function ApiKeysSection() {
  const query = useKeysQuery();
  const [creating, setCreating] = useState(false);
  return (
    <Card
      title="API keys"
      description="Programs send executions and read analytics with a key (Authorization: Bearer fm_…). A key is shown once; lists show its prefix."
      actions={creating ? null : <button type="button" onClick={() => setCreating(true)} className="rounded-md bg-indigo-600 px-3 py-1.5 text-xs font-medium text-white hover:bg-indigo-700">New key</button>}
      testId="api-keys"
    >
      {creating ? <CreateKeyForm onClose={() => setCreating(false)} /> : null}
      {query.isPending ? (
        <Skeleton className="h-32" />
      ) : query.error && !query.data ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} what="the API keys" />
      ) : query.data.keys.length === 0 ? (
        <p className="py-4 text-sm text-zinc-600 dark:text-zinc-400">No keys yet.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-sm">
            <caption className="sr-only">API keys</caption>
            <thead>
              <tr className="text-left text-xs text-zinc-600 dark:text-zinc-400">
                <th scope="col" className="py-1 pr-3 font-medium">Prefix</th>
                <th scope="col" className="py-1 pr-3 font-medium">Name</th>
                <th scope="col" className="hidden py-1 pr-3 font-medium sm:table-cell">Scopes</th>
                <th scope="col" className="hidden py-1 pr-3 font-medium md:table-cell">Created</th>
                <th scope="col" className="hidden py-1 pr-3 font-medium md:table-cell">Last used</th>
                <th scope="col" className="py-1 text-right font-medium"><span className="sr-only">Action</span></th>
              </tr>
            </thead>
            <tbody>{query.data.keys.map((k) => <KeyRow key={k.id} k={k} />)}</tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
