'use client';
import { CATEGORIES, SEVERITIES } from '@/lib/schemas/insights';
import { DAY_OPTIONS } from '@/lib/hooks/filters';
import { useDashboardFilters } from '@/lib/hooks/use-dashboard-filters';
import { usePipelinesQuery } from '@/lib/hooks/use-pipelines-query';

const selectClass =
  'h-9 min-w-0 rounded-md border border-zinc-300 bg-white px-2 text-sm text-zinc-900 shadow-sm focus:outline-2 focus:outline-indigo-500 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100';

function Select({ id, label, value, options, onChange }: {
  id: string; label: string; value: string; options: { value: string; label: string }[]; onChange: (v: string) => void;
}) {
  return (
    <label htmlFor={id} className="flex min-w-0 flex-col gap-1 text-xs font-medium text-zinc-600 dark:text-zinc-400">
      {label}
      <select id={id} className={selectClass} value={value} onChange={(e) => onChange(e.target.value)} data-testid={`filter-${id}`}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>{o.label}</option>
        ))}
      </select>
    </label>
  );
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Time range and pipeline on every page; category and severity where insights are listed. */
export function FilterBar({ insightFilters = false }: { insightFilters?: boolean }) {
  const { filters, setFilter } = useDashboardFilters();
  const pipelines = usePipelinesQuery();
  const pipelineOptions = [
    { value: '', label: 'All pipelines' },
    ...(pipelines.data?.pipelines ?? []).map((p) => ({ value: p.pipeline_id, label: p.pipeline_id })),
  ];
  // A pipeline in the URL that the list does not have (yet) stays selectable.
  if (filters.pipeline_id && !pipelineOptions.some((o) => o.value === filters.pipeline_id)) {
    pipelineOptions.push({ value: filters.pipeline_id, label: filters.pipeline_id });
  }
  const list = (values: readonly string[], all: string, current: string | null) => {
    const options = [{ value: '', label: all }, ...values.map((v) => ({ value: v, label: capital(v) }))];
    if (current && !values.includes(current)) options.push({ value: current, label: current.split(',').map(capital).join(' + ') });
    return options;
  };

  return (
    <div className="flex flex-wrap items-end gap-3" data-testid="filter-bar">
      <fieldset className="flex flex-col gap-1">
        <legend className="mb-1 text-xs font-medium text-zinc-600 dark:text-zinc-400">Time range</legend>
        <div className="inline-flex h-9 rounded-md border border-zinc-300 bg-white p-0.5 shadow-sm dark:border-zinc-700 dark:bg-zinc-900">
          {DAY_OPTIONS.map((d) => (
            <button
              key={d}
              type="button"
              aria-pressed={filters.days === d}
              onClick={() => setFilter('days', d)}
              className="rounded px-3 text-sm font-medium text-zinc-700 aria-pressed:bg-indigo-600 aria-pressed:text-white hover:bg-zinc-100 aria-pressed:hover:bg-indigo-600 dark:text-zinc-300 dark:hover:bg-zinc-800"
              data-testid={`range-${d}`}
            >
              {d}d
            </button>
          ))}
        </div>
      </fieldset>
      <Select id="pipeline" label="Pipeline" value={filters.pipeline_id ?? ''} options={pipelineOptions} onChange={(v) => setFilter('pipeline_id', v)} />
      {insightFilters ? (
        <>
          <Select id="category" label="Category" value={filters.category ?? ''} options={list(CATEGORIES, 'All categories', filters.category)} onChange={(v) => setFilter('category', v)} />
          <Select id="severity" label="Severity" value={filters.severity ?? ''} options={list(SEVERITIES, 'All severities', filters.severity)} onChange={(v) => setFilter('severity', v)} />
        </>
      ) : null}
    </div>
  );
}
