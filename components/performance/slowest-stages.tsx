'use client';
import { ReportCard } from '@/components/report/report-card';
import { CsvButton } from '@/components/ui/csv-button';
import { csvColumns, DataTable, type Column } from '@/components/ui/data-table';
import { formatCount, formatMs } from '@/lib/format';
import type { SlowStage } from '@/lib/schemas/insights';

const columns: Column<SlowStage>[] = [
  { header: 'Stage', cell: (s) => <code className="text-xs">{s.stage_id}</code>, csv: (s) => s.stage_id },
  { header: 'Runs', cell: (s) => formatCount(s.executions), csv: (s) => s.executions, align: 'right' },
  { header: 'Average', cell: (s) => formatMs(s.avg_ms), csv: (s) => s.avg_ms, align: 'right' },
  { header: 'p95', cell: (s) => formatMs(s.p95_ms), csv: (s) => s.p95_ms, align: 'right' },
];

/** The stages that take longest on average: where a speed-up pays most. */
export function SlowestStages() {
  return (
    <ReportCard
      title="Slowest stages"
      description="By average duration of the stage's runs in this range"
      testId="slowest-stages"
      actions={(r, f) => <CsvButton filename={`slowest-stages-${f.days}d`} columns={csvColumns(columns)} rows={r.performance_metrics.slowest_stages} />}
    >
      {(r) => <DataTable caption="Slowest stages" columns={columns} rows={r.performance_metrics.slowest_stages} rowKey={(s) => s.stage_id} testId="table-slowest-stages" />}
    </ReportCard>
  );
}
