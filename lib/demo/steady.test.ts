import { describe, expect, it } from 'vitest';
import { avgDuration, change, failureRate, percentile, statsByPipeline } from '@/tests/support/demo-stats';
import { DEMO_PIPELINES, DEMO_PLANTED, generateDemoExecutions, type DemoExecution } from './index';

// Nothing but the planted incidents may alarm: every other pipeline must stay well inside the
// detectors' thresholds (30% latency, 50% cost/volume, 10% failure rate) in both the 7-day and the
// 30-day comparisons, with margin (< 25%) so that other seeds and sizes stay quiet too.

const DAY = 86_400_000;
const planted = new Set<string>([
  DEMO_PLANTED.costSpike.pipelineId, DEMO_PLANTED.failureBurst.pipelineId, DEMO_PLANTED.latencyRegression.pipelineId,
]);
const steadyIds = DEMO_PIPELINES.map((p) => p.id).filter((id) => !planted.has(id));

describe.each([
  { seed: 42, total: 25_000, now: new Date('2025-06-18T10:17:00Z') },
  { seed: 1, total: 20_000, now: new Date('2025-03-02T23:59:30Z') },
  { seed: 9, total: 20_000, now: new Date('2025-11-07T06:00:00Z') },
])('steady pipelines (seed $seed)', ({ seed, total, now }) => {
  const xs: DemoExecution[] = [];
  for (const b of generateDemoExecutions({ now, total, seed })) xs.push(...b);
  const n = now.getTime();
  const win = (fromDaysAgo: number, toDaysAgo: number) => statsByPipeline(xs, n - fromDaysAgo * DAY, n - toDaysAgo * DAY);
  const pairs = { '7d': [win(7, 0), win(14, 7)], '30d': [win(30, 0), win(60, 30)] } as const;

  it('has at least 5 steady pipelines', () => {
    expect(steadyIds.length).toBeGreaterThanOrEqual(5);
  });

  it.each(['7d', '30d'] as const)('keeps volume, cost and latency changes under 25 percent (%s)', (key) => {
    const [cur, prev] = pairs[key];
    for (const id of steadyIds) {
      const [c, p] = [cur.get(id)!, prev.get(id)!];
      expect(c.executions, id).toBeGreaterThanOrEqual(20);
      expect(Math.abs(change(c.executions, p.executions)), `${id} volume`).toBeLessThan(0.25);
      expect(Math.abs(change(c.cost, p.cost)), `${id} cost`).toBeLessThan(0.25);
      expect(Math.abs(change(avgDuration(c), avgDuration(p))), `${id} latency`).toBeLessThan(0.25);
    }
  });

  it.each(['7d', '30d'] as const)('keeps failure rates at the 1–3 percent baseline (%s)', (key) => {
    const [cur, prev] = pairs[key];
    for (const id of steadyIds) {
      const [c, p] = [failureRate(cur.get(id)!), failureRate(prev.get(id)!)];
      expect(c, id).toBeLessThan(0.07);
      expect(Math.abs(c - p), id).toBeLessThan(0.04);
    }
    const steadyAll = steadyIds.map((id) => prev.get(id)!);
    const overall = steadyAll.reduce((a, s) => a + s.failed, 0) / steadyAll.reduce((a, s) => a + s.failed + s.success, 0);
    expect(overall).toBeGreaterThan(0.008);
    expect(overall).toBeLessThan(0.03);
  });

  it('keeps every pipeline free of a p95/p50 > 3 latency tail outside the incidents', () => {
    const [, prev] = pairs['7d'];
    for (const id of DEMO_PIPELINES.map((p) => p.id)) {
      const d = prev.get(id)!.durations;
      expect(percentile(d, 0.95) / percentile(d, 0.5), id).toBeLessThan(3);
    }
  });
});
