import type { ReactNode } from 'react';
import type { CsvColumn } from '@/lib/dashboard/csv';

/**
 * A column: how a cell looks (`cell`) and what the CSV export writes (`csv`, the raw value), so the
 * export holds the same rows and columns as the table on screen.
 */
export type Column<T> = {
  header: string;
  cell: (row: T) => ReactNode;
  csv: (row: T) => string | number | boolean | null | undefined;
  align?: 'left' | 'right';
  /** Hidden below the sm breakpoint, so the table fits a phone. */
  wide?: boolean;
};

export const csvColumns = <T,>(columns: Column<T>[]): CsvColumn<T>[] => columns.map((c) => ({ header: c.header, value: c.csv }));

export function DataTable<T>({
  columns, rows, rowKey, caption, testId, empty = 'Nothing in this range.',
}: { columns: Column<T>[]; rows: readonly T[]; rowKey: (row: T) => string; caption: string; testId?: string; empty?: string }) {
  if (rows.length === 0) return <p className="py-6 text-center text-sm text-zinc-600 dark:text-zinc-400">{empty}</p>;
  return (
    <div className="-mx-4 overflow-x-auto px-4">
      <table className="w-full text-sm" data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-zinc-200 text-xs text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
            {columns.map((c) => (
              <th
                key={c.header}
                scope="col"
                className={`whitespace-nowrap px-2 py-2 font-medium first:pl-0 last:pr-0 ${c.align === 'right' ? 'text-right' : 'text-left'} ${c.wide ? 'hidden sm:table-cell' : ''}`}
              >
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {rows.map((row) => (
            <tr key={rowKey(row)} className="hover:bg-zinc-50 dark:hover:bg-zinc-800/50">
              {columns.map((c) => (
                <td
                  key={c.header}
                  className={`whitespace-nowrap px-2 py-2 align-top first:pl-0 last:pr-0 ${c.align === 'right' ? 'text-right tabular-nums' : ''} ${c.wide ? 'hidden sm:table-cell' : ''}`}
                >
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A share (0–1) as a thin bar with its percentage, for breakdown tables. */
export function ShareBar({ share }: { share: number }) {
  return (
    <div className="flex items-center justify-end gap-2">
      <div className="hidden h-1.5 w-20 overflow-hidden rounded-full bg-zinc-100 sm:block dark:bg-zinc-800" aria-hidden="true">
        <div className="h-full rounded-full bg-indigo-500" style={{ width: `${Math.min(100, Math.max(0, share * 100))}%` }} />
      </div>
      <span className="w-12 tabular-nums">{(share * 100).toFixed(1)}%</span>
    </div>
  );
}
