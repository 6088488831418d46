import { describe, expect, it } from 'vitest';
import { avgDuration, change, failureRate, stageAvg, statsByPipeline, type WindowStats } from '@/tests/support/demo-stats';
import { DEMO_PIPELINES, DEMO_PLANTED, generateDemoExecutions, getPlantedWindow, type DemoExecution } from './index';

// The three planted incidents must be unmistakable in the 7-day insights (this week vs the clean
// week before), and the cost and failure ones must still be visible in the 30-day report.
// Checked for the app's defaults and for the CLI's (seed 1, 20,000 runs) at two different `now`s.

const DAY = 86_400_000;
const { costSpike, failureBurst, latencyRegression } = DEMO_PLANTED;

describe.each([
  { seed: 42, total: 25_000, now: new Date('2025-06-18T10:17:00Z') },
  { seed: 1, total: 20_000, now: new Date('2025-03-02T23:59:30Z') },
])('planted incidents (seed $seed, $total runs)', ({ seed, total, now }) => {
  const xs: DemoExecution[] = [];
  for (const b of generateDemoExecutions({ now, total, seed })) xs.push(...b);
  const n = now.getTime();
  const win = (fromDaysAgo: number, toDaysAgo: number) => statsByPipeline(xs, n - fromDaysAgo * DAY, n - toDaysAgo * DAY);
  const [week, prevWeek, month, prevMonth] = [win(7, 0), win(14, 7), win(30, 0), win(60, 30)];
  const pick = (m: Map<string, WindowStats>, id: string) => m.get(id)!;

  it('cost spike: the summariser costs ≥ 2.2x last week (critical), and ≥ 1.5x over 30 days', () => {
    const cur = pick(week, costSpike.pipelineId);
    const prev = pick(prevWeek, costSpike.pipelineId);
    expect(cur.cost / prev.cost).toBeGreaterThan(2.2);
    expect(pick(month, costSpike.pipelineId).cost / pick(prevMonth, costSpike.pipelineId).cost).toBeGreaterThan(1.5);
    expect(cur.models.has(costSpike.toModel)).toBe(true);
    expect(prev.models.has(costSpike.toModel)).toBe(false);
    // It reads as a cost incident only: volume and latency barely move.
    expect(Math.abs(change(cur.executions, prev.executions))).toBeLessThan(0.15);
    expect(Math.abs(change(avgDuration(cur), avgDuration(prev)))).toBeLessThan(0.25);
  });

  it('failure burst: ~30% failures last week (critical ≥ 25%) after a ~2% week', () => {
    const cur = pick(week, failureBurst.pipelineId);
    const prev = pick(prevWeek, failureBurst.pipelineId);
    expect(failureRate(cur)).toBeGreaterThan(0.27);
    expect(failureRate(cur)).toBeLessThan(0.45);
    expect(failureRate(prev)).toBeLessThan(0.06);
    const byType = cur.errorTypes;
    const timeoutsAndApi = (byType.get('api_error') ?? 0) + (byType.get('timeout') ?? 0) + (byType.get('unset') ?? 0);
    expect(timeoutsAndApi).toBe(cur.failed);
    // Over 30 days the success rate still drops by well over the reliability detector's 5 points.
    const successRate = (s: WindowStats) => 1 - failureRate(s);
    expect(successRate(pick(prevMonth, failureBurst.pipelineId)) - successRate(pick(month, failureBurst.pipelineId))).toBeGreaterThan(0.05);
  });

  it('latency regression: one stage ~2x slower, its pipeline ≥ 45% slower, cost unchanged', () => {
    const cur = pick(week, latencyRegression.pipelineId);
    const prev = pick(prevWeek, latencyRegression.pipelineId);
    const stageRatio = stageAvg(cur, latencyRegression.stageId) / stageAvg(prev, latencyRegression.stageId);
    expect(stageRatio).toBeGreaterThan(1.8);
    expect(stageRatio).toBeLessThan(2.5);
    expect(avgDuration(cur) / avgDuration(prev)).toBeGreaterThan(1.45);
    expect(Math.abs(change(cur.cost, prev.cost))).toBeLessThan(0.15);
    for (const other of cur.stageDurations.keys()) {
      if (other === latencyRegression.stageId) continue;
      expect(Math.abs(change(stageAvg(cur, other), stageAvg(prev, other)))).toBeLessThan(0.2);
    }
  });

  it('the week before the incidents is clean for the planted pipelines', () => {
    const older = win(21, 14);
    for (const id of [costSpike.pipelineId, failureBurst.pipelineId, latencyRegression.pipelineId]) {
      const [a, b] = [pick(prevWeek, id), pick(older, id)];
      expect(Math.abs(change(a.cost, b.cost))).toBeLessThan(0.25);
      expect(Math.abs(change(avgDuration(a), avgDuration(b)))).toBeLessThan(0.25);
      expect(failureRate(a)).toBeLessThan(0.06);
    }
  });
});

describe('DEMO_PLANTED', () => {
  it('names three distinct existing pipelines and the stages that exist in them', () => {
    const ids = [costSpike.pipelineId, failureBurst.pipelineId, latencyRegression.pipelineId];
    expect(new Set(ids).size).toBe(3);
    for (const [pipelineId, stageId] of [
      [costSpike.pipelineId, costSpike.stageId], [failureBurst.pipelineId, failureBurst.stageId],
      [latencyRegression.pipelineId, latencyRegression.stageId],
    ]) {
      expect(DEMO_PIPELINES.find((p) => p.id === pipelineId)?.stages.map((s) => s.id)).toContain(stageId);
    }
  });

  it('dates the incidents as the 7 days before now', () => {
    expect(getPlantedWindow(new Date('2025-06-18T10:17:00Z'))).toEqual({
      start: '2025-06-11T10:17:00.000Z', end: '2025-06-18T10:17:00.000Z',
    });
  });
});
