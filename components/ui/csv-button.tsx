'use client';
import { toCsv, type CsvColumn } from '@/lib/dashboard/csv';

/** Downloads exactly the rows given (the ones on screen) as `<filename>.csv`. */
export function CsvButton<T>({ filename, columns, rows, label = 'CSV' }: { filename: string; columns: CsvColumn<T>[]; rows: readonly T[]; label?: string }) {
  const download = () => {
    const url = URL.createObjectURL(new Blob([toCsv(columns, rows)], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `${filename}.csv`;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  return (
    <button
      type="button"
      onClick={download}
      disabled={rows.length === 0}
      className="inline-flex items-center gap-1 rounded-md border border-zinc-300 px-2 py-1 text-xs font-medium text-zinc-700 hover:bg-zinc-50 disabled:opacity-50 dark:border-zinc-700 dark:text-zinc-200 dark:hover:bg-zinc-800"
      aria-label={`Download ${filename} as CSV`}
    >
      <svg aria-hidden="true" viewBox="0 0 16 16" className="h-3.5 w-3.5" fill="none" stroke="currentColor" strokeWidth="1.5">
        <path d="M8 2v8m0 0L5 7m3 3 3-3M3 13h10" />
      </svg>
      {label}
    </button>
  );
}
