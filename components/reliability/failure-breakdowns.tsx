'use client';
import { ReportCard } from '@/components/report/report-card';
import { CsvButton } from '@/components/ui/csv-button';
import { csvColumns, DataTable, ShareBar, type Column } from '@/components/ui/data-table';
import { formatCount, formatRatioAsPercent } from '@/lib/format';
import { errorRows, type ErrorRow } from '@/lib/dashboard/series';
import type { ReliabilityMetrics } from '@/lib/schemas/insights';

type PipelineRow = ReliabilityMetrics['by_pipeline'][number];

const errorColumns: Column<ErrorRow>[] = [
  { header: 'Error type', cell: (r) => <code className="text-xs">{r.error_type}</code>, csv: (r) => r.error_type },
  { header: 'Failures', cell: (r) => formatCount(r.failures), csv: (r) => r.failures, align: 'right' },
  { header: 'Share', cell: (r) => <ShareBar share={r.share} />, csv: (r) => r.share, align: 'right' },
];
const pipelineColumns: Column<PipelineRow>[] = [
  { header: 'Pipeline', cell: (r) => r.pipeline_id, csv: (r) => r.pipeline_id },
  { header: 'Runs', cell: (r) => formatCount(r.executions), csv: (r) => r.executions, align: 'right' },
  { header: 'Failed', cell: (r) => formatCount(r.failures), csv: (r) => r.failures, align: 'right' },
  {
    header: 'Failure rate',
    cell: (r) => <span className={r.failure_rate != null && r.failure_rate >= 0.1 ? 'font-medium text-red-700 dark:text-red-400' : ''}>{formatRatioAsPercent(r.failure_rate)}</span>,
    csv: (r) => r.failure_rate,
    align: 'right',
  },
];

/** Failures by error type and by pipeline. */
export function FailureBreakdowns() {
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <ReportCard
        title="Failures by error type"
        testId="failures-by-type"
        actions={(r, f) => <CsvButton filename={`failures-by-error-type-${f.days}d`} columns={csvColumns(errorColumns)} rows={errorRows(r.reliability_metrics.by_error_type)} />}
      >
        {(r) => <DataTable caption="Failures by error type" columns={errorColumns} rows={errorRows(r.reliability_metrics.by_error_type)} rowKey={(x) => x.error_type} empty="No failed runs in this range." testId="table-by-error-type" />}
      </ReportCard>
      <ReportCard
        title="Failures by pipeline"
        testId="failures-by-pipeline"
        actions={(r, f) => <CsvButton filename={`failures-by-pipeline-${f.days}d`} columns={csvColumns(pipelineColumns)} rows={r.reliability_metrics.by_pipeline} />}
      >
        {(r) => <DataTable caption="Failures by pipeline" columns={pipelineColumns} rows={r.reliability_metrics.by_pipeline} rowKey={(x) => x.pipeline_id} testId="table-failures-by-pipeline" />}
      </ReportCard>
    </div>
  );
}
