import { formatDataValue, humanizeKey } from '@/lib/dashboard/format';

/** The numbers behind a finding (`data`), formatted by what each key is; nested maps as sub-lists. */
export function InsightData({ data }: { data: Record<string, unknown> }) {
  const entries = Object.entries(data);
  if (entries.length === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400">No numbers recorded.</p>;
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-3 sm:grid-cols-2" data-testid="insight-data">
      {entries.map(([key, value]) => (
        <div key={key} className="min-w-0 border-b border-zinc-100 pb-2 dark:border-zinc-800">
          <dt className="text-xs text-zinc-600 dark:text-zinc-400">{humanizeKey(key)}</dt>
          <dd className="mt-0.5 text-sm font-medium tabular-nums text-zinc-900 dark:text-zinc-100">
            {value !== null && typeof value === 'object' && !Array.isArray(value) ? (
              <ul className="space-y-0.5">
                {Object.entries(value as Record<string, unknown>).map(([k, v]) => (
                  <li key={k} className="flex justify-between gap-3">
                    <span className="truncate font-normal text-zinc-700 dark:text-zinc-300">{k}</span>
                    <span>{formatDataValue(key.endsWith('_cost') || key.includes('cost') ? 'x_cost' : k, v)}</span>
                  </li>
                ))}
              </ul>
            ) : Array.isArray(value) ? (
              <span className="font-normal">{value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join(', ')}</span>
            ) : value === null ? (
              '—'
            ) : (
              formatDataValue(key, value)
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
