'use client';
import { ReportStats } from '@/components/report/report-card';
import { StatCard } from '@/components/ui/stat-card';
import { changeTone, formatChange } from '@/lib/dashboard/format';
import { formatMs } from '@/lib/format';

/** Duration percentiles of the range and how the average moved. */
export function PerformanceStats() {
  return (
    <ReportStats label="Duration percentiles">
      {(r) => {
        const pm = r.performance_metrics;
        const t = r.performance_trend;
        return (
          <>
            <StatCard label="Average" value={formatMs(pm.avg_duration_ms)} hint={`${formatChange(t.change_percent)} vs previous${t.is_significant ? '' : ' (not significant)'}`} tone={changeTone(t.change_percent, false)} testId="perf-avg" />
            <StatCard label="p50" value={formatMs(pm.p50_duration_ms)} hint="half of the runs are faster" testId="perf-p50" />
            <StatCard label="p95" value={formatMs(pm.p95_duration_ms)} hint="1 run in 20 is slower" testId="perf-p95" />
            <StatCard label="p99" value={formatMs(pm.p99_duration_ms)} hint="1 run in 100 is slower" testId="perf-p99" />
          </>
        );
      }}
    </ReportStats>
  );
}
