'use client';
import { ReportCard } from '@/components/report/report-card';
import { CsvButton } from '@/components/ui/csv-button';
import { csvColumns, DataTable, ShareBar, type Column } from '@/components/ui/data-table';
import { formatCount, formatUsd } from '@/lib/format';
import type { CostBreakdown } from '@/lib/schemas/insights';

type ByPipeline = CostBreakdown['by_pipeline'][number];
type ByModel = CostBreakdown['by_model'][number];
type ByProvider = CostBreakdown['by_provider'][number];

const money = { header: 'Cost', align: 'right' } as const;
const pipelineColumns: Column<ByPipeline>[] = [
  { header: 'Pipeline', cell: (r) => r.pipeline_id, csv: (r) => r.pipeline_id },
  { header: 'Executions', cell: (r) => formatCount(r.executions), csv: (r) => r.executions, align: 'right', wide: true },
  { ...money, cell: (r) => formatUsd(r.cost_usd), csv: (r) => r.cost_usd },
  { header: 'Share', cell: (r) => <ShareBar share={r.share} />, csv: (r) => r.share, align: 'right' },
];
const modelColumns: Column<ByModel>[] = [
  { header: 'Model', cell: (r) => r.model, csv: (r) => r.model },
  { header: 'Provider', cell: (r) => r.provider ?? '—', csv: (r) => r.provider, wide: true },
  { header: 'Calls', cell: (r) => formatCount(r.calls), csv: (r) => r.calls, align: 'right', wide: true },
  { ...money, cell: (r) => formatUsd(r.cost_usd), csv: (r) => r.cost_usd },
  { header: 'Share', cell: (r) => <ShareBar share={r.share} />, csv: (r) => r.share, align: 'right' },
];
const providerColumns: Column<ByProvider>[] = [
  { header: 'Provider', cell: (r) => r.provider ?? '(none)', csv: (r) => r.provider },
  { header: 'Calls', cell: (r) => formatCount(r.calls), csv: (r) => r.calls, align: 'right' },
  { ...money, cell: (r) => formatUsd(r.cost_usd), csv: (r) => r.cost_usd },
  { header: 'Share', cell: (r) => <ShareBar share={r.share} />, csv: (r) => r.share, align: 'right' },
];

/** Where the money goes: by pipeline, by model and by provider, each exportable as CSV. */
export function Breakdowns() {
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <ReportCard
        title="By pipeline"
        testId="breakdown-pipeline"
        actions={(r, f) => <CsvButton filename={`cost-by-pipeline-${f.days}d`} columns={csvColumns(pipelineColumns)} rows={r.cost_breakdown.by_pipeline} />}
      >
        {(r) => <DataTable caption="Cost by pipeline" columns={pipelineColumns} rows={r.cost_breakdown.by_pipeline} rowKey={(x) => x.pipeline_id} testId="table-by-pipeline" />}
      </ReportCard>
      <ReportCard
        title="By model"
        className="lg:col-span-2"
        testId="breakdown-model"
        actions={(r, f) => <CsvButton filename={`cost-by-model-${f.days}d`} columns={csvColumns(modelColumns)} rows={r.cost_breakdown.by_model} />}
      >
        {(r) => <DataTable caption="Cost by model" columns={modelColumns} rows={r.cost_breakdown.by_model} rowKey={(x) => `${x.provider}/${x.model}`} testId="table-by-model" />}
      </ReportCard>
      <ReportCard
        title="By provider"
        testId="breakdown-provider"
        actions={(r, f) => <CsvButton filename={`cost-by-provider-${f.days}d`} columns={csvColumns(providerColumns)} rows={r.cost_breakdown.by_provider} />}
      >
        {(r) => <DataTable caption="Cost by provider" columns={providerColumns} rows={r.cost_breakdown.by_provider} rowKey={(x) => x.provider ?? '(none)'} testId="table-by-provider" />}
      </ReportCard>
    </div>
  );
}
