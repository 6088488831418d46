'use client';
import type { Series } from './series-config';

type Entry = { dataKey?: unknown; value?: unknown; payload?: Record<string, unknown> };

/** Tooltip with each series' value in its unit ("$12.40", "1.8 s", "4.2%"); gaps say "no data". */
export function ChartTooltip({ active, payload, series }: { active?: boolean; payload?: readonly Entry[]; series: Series[] }) {
  if (!active || !payload?.length) return null;
  const row = payload[0]?.payload ?? {};
  return (
    <div className="rounded-lg border border-zinc-200 bg-[var(--chart-tooltip-bg)] px-3 py-2 text-xs shadow-lg dark:border-zinc-700">
      <div className="mb-1 font-medium text-zinc-900 dark:text-zinc-100">{String(row.label ?? '')}{row.partial ? ' (partial day)' : ''}</div>
      {series.map((s) => {
        const value = row[s.key];
        if (value === undefined) return null;
        return (
          <div key={s.key} className="flex items-center justify-between gap-4">
            <span className="flex items-center gap-1.5 text-zinc-600 dark:text-zinc-400">
              <span className="inline-block h-2 w-2 rounded-full" style={{ background: s.color }} />
              {s.name}
            </span>
            <span className="font-medium tabular-nums text-zinc-900 dark:text-zinc-100">
              {typeof value === 'number' ? s.format(value) : 'no data'}
            </span>
          </div>
        );
      })}
    </div>
  );
}
