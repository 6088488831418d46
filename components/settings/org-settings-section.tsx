'use client';
import { useState, type FormEvent } from 'react';
import { useHydrated } from '@/components/data/hydration-mark';
import { Card } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import { ErrorState } from '@/components/ui/states';
import { humanizeKey } from '@/lib/dashboard/format';
import { useSettingsQuery, useUpdateSettingsMutation } from '@/lib/hooks/use-settings-query';
import { DEFAULT_THRESHOLDS } from '@/lib/schemas/thresholds';
import type { SettingsResponse } from '@/lib/schemas/settings';

const input = 'h-9 rounded-md border border-zinc-300 bg-white px-2 text-sm text-zinc-900 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100';
// The zones this browser knows. Node's ICU and the browser's list different zones, so the server's
// HTML (and its hydration) holds the saved zone only: React error #418 otherwise.
const zonesHere = (): string[] => (typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['UTC']);

type Update = ReturnType<typeof useUpdateSettingsMutation>;

/** The form, keyed by the saved settings: saving re-mounts it with the new values (no syncing). */
function SettingsForm({ saved, update }: { saved: SettingsResponse; update: Update }) {
  const [timeZone, setTimeZone] = useState(saved.time_zone);
  const [overrides, setOverrides] = useState<Record<string, string>>(
    Object.fromEntries(Object.entries(saved.thresholds).map(([k, v]) => [k, String(v)])),
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const thresholds: Record<string, number | null> = {};
    for (const key of Object.keys(DEFAULT_THRESHOLDS)) {
      const text = overrides[key]?.trim() ?? '';
      const was = saved.thresholds[key];
      if (text === '' && was !== undefined) thresholds[key] = null;
      else if (text !== '' && Number(text) !== was) thresholds[key] = Number(text);
    }
    update.mutate({ time_zone: timeZone, thresholds });
  };
  const all = useHydrated() ? zonesHere() : [];
  const zones = all.includes(saved.time_zone) ? all : [saved.time_zone, ...all];
  return (
    <form onSubmit={submit} aria-label="Organisation settings">
      <label className="flex max-w-sm flex-col gap-1 text-xs font-medium text-zinc-700 dark:text-zinc-300">
        Time zone (day buckets and peak hours)
        <select className={input} value={timeZone} onChange={(e) => setTimeZone(e.target.value)} data-testid="settings-time-zone">
          {zones.map((z) => <option key={z} value={z}>{z}</option>)}
        </select>
      </label>
      <details className="mt-4">
        <summary className="cursor-pointer text-sm font-medium text-zinc-800 dark:text-zinc-200">Detection thresholds ({Object.keys(saved.thresholds).length} overridden)</summary>
        <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">Empty = the default. Names ending in _percent are percentages (50 = 50%); _share, _rate and _ratio are fractions (0.1 = 10%).</p>
        <div className="mt-3 grid gap-x-6 gap-y-2 sm:grid-cols-2">
          {Object.entries(DEFAULT_THRESHOLDS).map(([key, value]) => (
            <label key={key} className="flex items-center justify-between gap-3 text-sm">
              <span className="min-w-0 truncate text-zinc-700 dark:text-zinc-300" title={key}>{humanizeKey(key)}</span>
              <input type="number" step="any" min={0} inputMode="decimal" placeholder={String(value)} value={overrides[key] ?? ''} aria-label={`${humanizeKey(key)} (default ${value})`}
                onChange={(e) => setOverrides({ ...overrides, [key]: e.target.value })} className={`${input} w-28 text-right`} data-testid={`threshold-${key}`} />
            </label>
          ))}
        </div>
      </details>
      <div className="mt-4 flex items-center gap-3">
        <button type="submit" disabled={update.isPending} className="h-9 rounded-md bg-indigo-600 px-3 text-sm font-medium text-white hover:bg-indigo-700 disabled:opacity-50" data-testid="settings-save">
          Save settings
        </button>
      </div>
    </form>
  );
}

/** Organisation time zone and detection thresholds. */
export function OrgSettingsSection() {
  const query = useSettingsQuery();
  // Owned here, not by the form: a save re-mounts the form, the outcome must outlive it.
  const update = useUpdateSettingsMutation();
  return (
    <Card title="Organisation" description="How days are cut and when a change becomes an insight" testId="org-settings">
      {query.isPending ? (
        <Skeleton className="h-24" />
      ) : query.error && !query.data ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} what="the settings" />
      ) : (
        <SettingsForm key={query.data.updated_at ?? 'default'} saved={query.data} update={update} />
      )}
      {update.isSuccess && !update.isPending ? <p role="status" className="mt-2 text-sm text-emerald-700 dark:text-emerald-400">Saved.</p> : null}
      {update.error ? <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-400">{update.error.message}</p> : null}
    </Card>
  );
}
