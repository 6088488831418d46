'use client';
import { ReportStats } from '@/components/report/report-card';
import { StatCard } from '@/components/ui/stat-card';
import { changeTone, formatChange } from '@/lib/dashboard/format';
import { formatCount, formatRatioAsPercent } from '@/lib/format';

const minutes = (m: number | null) => (m == null ? '—' : m < 60 ? `${m.toFixed(1)} min` : `${(m / 60).toFixed(1)} h`);

/** How often runs fail, how many, how fast pipelines recover. */
export function ReliabilityStats() {
  return (
    <ReportStats label="Reliability summary">
      {(r) => {
        const m = r.reliability_metrics;
        const t = r.reliability_trend;
        return (
          <>
            <StatCard label="Failure rate" value={formatRatioAsPercent(m.failure_rate)} hint="failed ÷ (succeeded + failed)" tone={m.failure_rate != null && m.failure_rate >= 0.1 ? 'bad' : 'neutral'} testId="rel-failure-rate" />
            <StatCard label="Failed runs" value={formatCount(m.total_failures)} testId="rel-failures" />
            <StatCard label="Success rate" value={formatRatioAsPercent(t.current_value)} hint={`${formatChange(t.change_percent)} vs previous${t.is_significant ? '' : ' (not significant)'}`} tone={changeTone(t.change_percent, true)} testId="rel-success-rate" />
            <StatCard label="MTTR" value={minutes(m.mttr_minutes)} hint="first failure of a streak → next success" testId="rel-mttr" />
          </>
        );
      }}
    </ReportStats>
  );
}
