import type { ChartRow } from '@/lib/dashboard/series';
import type { Series } from './series-config';

/** The chart's numbers as a table: the screen-reader alternative, and a "show data" for everyone. */
export function ChartDataTable({ rows, series, caption }: { rows: ChartRow[]; series: Series[]; caption: string }) {
  return (
    <details className="mt-2 text-xs">
      <summary className="cursor-pointer select-none text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100">
        Show data as a table
      </summary>
      <div className="mt-2 max-h-64 overflow-auto">
        <table className="w-full">
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr className="text-left text-zinc-600 dark:text-zinc-400">
              <th scope="col" className="py-1 pr-3 font-medium">Date</th>
              {series.map((s) => (
                <th key={s.key} scope="col" className="py-1 pr-3 text-right font-medium">{s.name}</th>
              ))}
            </tr>
          </thead>
          <tbody className="tabular-nums">
            {rows.map((r) => (
              <tr key={r.date} className="border-t border-zinc-100 dark:border-zinc-800">
                <th scope="row" className="py-1 pr-3 text-left font-normal">{r.label}{r.partial ? ' (partial day)' : ''}</th>
                {series.map((s) => {
                  const v = r[s.key];
                  return <td key={s.key} className="py-1 pr-3 text-right">{typeof v === 'number' ? s.format(v) : '—'}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
