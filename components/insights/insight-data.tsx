import { formatByUnit, humanizeKey } from '@/lib/dashboard/format';
import { insightFields, type DataField } from '@/lib/dashboard/insight-fields';
import type { Insight } from '@/lib/schemas/insights';

function Value({ field }: { field: DataField }) {
  if (field.children) {
    return (
      <ul className="space-y-0.5">
        {field.children.map((c) => (
          <li key={c.key} className="flex justify-between gap-3">
            <span className="truncate font-normal text-zinc-700 dark:text-zinc-300">{c.children ? c.key : humanizeKey(c.key)}</span>
            <span>{c.children ? '…' : formatByUnit(c.unit, c.value)}</span>
          </li>
        ))}
      </ul>
    );
  }
  if (Array.isArray(field.value)) {
    return <span className="font-normal">{field.value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join(', ')}</span>;
  }
  return <>{formatByUnit(field.unit, field.value)}</>;
}

/** The numbers behind a finding (`data`), each formatted by the unit its schema gives it; nested findings as sub-lists. */
export function InsightData({ insight }: { insight: Insight }) {
  const fields = insightFields(insight);
  if (fields.length === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400">No numbers recorded.</p>;
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-3 sm:grid-cols-2" data-testid="insight-data">
      {fields.map((f) => (
        <div key={f.key} className="min-w-0 border-b border-zinc-100 pb-2 dark:border-zinc-800">
          <dt className="text-xs text-zinc-600 dark:text-zinc-400">{humanizeKey(f.key)}</dt>
          <dd className="mt-0.5 text-sm font-medium tabular-nums text-zinc-900 dark:text-zinc-100">
            <Value field={f} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
