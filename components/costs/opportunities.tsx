'use client';
import { ReportCard } from '@/components/report/report-card';
import { Tag } from '@/components/ui/badge';
import { CsvButton } from '@/components/ui/csv-button';
import { csvColumns, DataTable, type Column } from '@/components/ui/data-table';
import { formatUsd } from '@/lib/format';
import type { OptimizationOpportunity } from '@/lib/schemas/insights';

const columns: Column<OptimizationOpportunity>[] = [
  { header: 'Opportunity', cell: (o) => <span className="block min-w-64 whitespace-normal text-zinc-800 dark:text-zinc-200">{o.description}</span>, csv: (o) => o.description },
  { header: 'Kind', cell: (o) => <Tag>{o.type.replace(/_/g, ' ')}</Tag>, csv: (o) => o.type, wide: true },
  { header: 'Effort', cell: (o) => o.difficulty, csv: (o) => o.difficulty, wide: true },
  { header: 'Now', cell: (o) => formatUsd(o.current_cost), csv: (o) => o.current_cost, align: 'right', wide: true },
  { header: 'Savings', cell: (o) => <span className="font-medium text-emerald-700 dark:text-emerald-400">{formatUsd(o.potential_savings)} <span className="text-xs font-normal">({o.savings_percent.toFixed(0)}%)</span></span>, csv: (o) => o.potential_savings, align: 'right' },
];

/** Cheaper models and avoidable failures, with what they would save in a period like this one. */
export function Opportunities() {
  return (
    <ReportCard
      title="Optimization opportunities"
      description="Savings are this period's tokens priced at the alternative, or the cost of the failed runs"
      testId="opportunities"
      actions={(r, f) => <CsvButton filename={`opportunities-${f.days}d`} columns={csvColumns(columns)} rows={r.optimization_opportunities} />}
    >
      {(r) => (
        <DataTable caption="Optimization opportunities" columns={columns} rows={r.optimization_opportunities} rowKey={(o) => `${o.type}:${o.provider}:${o.model}:${o.description}`}
          empty="No opportunity in this range: the models in use are already the cheapest of their providers, and failures cost little." testId="table-opportunities" />
      )}
    </ReportCard>
  );
}
