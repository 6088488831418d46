'use client';
import { CostLatencyChart, per1k } from '@/components/charts/cost-latency-chart';
import { ReportCard } from '@/components/report/report-card';
import { CsvButton } from '@/components/ui/csv-button';
import { csvColumns, DataTable, type Column } from '@/components/ui/data-table';
import { formatCount, formatMs, formatRatioAsPercent } from '@/lib/format';
import type { ModelEfficiency } from '@/lib/schemas/insights';

const columns: Column<ModelEfficiency>[] = [
  { header: 'Model', cell: (m) => <span className="font-medium">{m.model}</span>, csv: (m) => m.model },
  { header: 'Provider', cell: (m) => m.provider ?? '—', csv: (m) => m.provider },
  { header: 'Calls', cell: (m) => formatCount(m.usage_count), csv: (m) => m.usage_count, align: 'right' },
  { header: 'Avg latency', cell: (m) => formatMs(m.avg_latency_ms), csv: (m) => m.avg_latency_ms, align: 'right' },
  { header: 'Cost / 1k tokens', cell: (m) => per1k(m.cost_per_1k_tokens), csv: (m) => m.cost_per_1k_tokens, align: 'right' },
  { header: 'Success rate', cell: (m) => formatRatioAsPercent(m.success_rate), csv: (m) => m.success_rate, align: 'right' },
  {
    header: 'Unpriced calls',
    cell: (m) => (m.unpriced_calls > 0 ? <span className="font-medium text-amber-800 dark:text-amber-300">{formatCount(m.unpriced_calls)}</span> : '0'),
    csv: (m) => m.unpriced_calls,
    align: 'right',
    wide: true,
  },
];

/** Measured efficiency of every model in use: latency, price per token, success, volume. */
export function ModelEfficiencyTable() {
  return (
    <ReportCard
      title="Model efficiency"
      description="Measured on this range's calls: cost ÷ (input + output tokens) × 1000; unpriced calls cost $0 and are counted apart"
      testId="model-efficiency"
      actions={(r, f) => <CsvButton filename={`model-efficiency-${f.days}d`} columns={csvColumns(columns)} rows={r.model_efficiency} />}
    >
      {(r) => <DataTable caption="Model efficiency" columns={columns} rows={r.model_efficiency} rowKey={(m) => `${m.provider}/${m.model}`} empty="No model calls in this range." testId="table-model-efficiency" />}
    </ReportCard>
  );
}

export function CostLatencyPanel() {
  return (
    <ReportCard title="Cost vs latency" description="Each bubble is a model, sized by calls; lower left is cheaper and faster (both axes logarithmic)" testId="chart-cost-latency">
      {(r) => (
        <>
          <CostLatencyChart models={r.model_efficiency} />
          <p className="sr-only">The same numbers are in the model efficiency table.</p>
        </>
      )}
    </ReportCard>
  );
}
