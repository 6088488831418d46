'use client';
import { CartesianGrid, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { ScatterShapeProps } from 'recharts/types/util/ScatterUtils';
import { formatMsTick, formatUsdTick, niceLogAxis } from '@/lib/dashboard/log-ticks';
import { formatCount, formatMs, formatRatioAsPercent } from '@/lib/format';
import type { ModelEfficiency } from '@/lib/schemas/insights';
import { BubbleLabels, type LabelPoint } from './bubble-labels';

const axis = { stroke: 'var(--chart-axis)', fontSize: 11, tickLine: false, axisLine: false } as const;
export const per1k = (v: number | null) => (v == null ? '—' : v >= 0.01 ? `$${v.toFixed(3)}` : `$${v.toFixed(5)}`);

type Point = LabelPoint & { z: number; success: number | null };

const R_MIN = 4;
const R_MAX = 14;

function PointTooltip({ active, payload }: { active?: boolean; payload?: readonly { payload?: Point }[] }) {
  const p = payload?.[0]?.payload;
  if (!active || !p) return null;
  return (
    <div className="rounded-lg border border-zinc-200 bg-[var(--chart-tooltip-bg)] px-3 py-2 text-xs shadow-lg dark:border-zinc-700">
      <div className="mb-1 font-medium text-zinc-900 dark:text-zinc-100">{p.name}</div>
      <div className="text-zinc-700 dark:text-zinc-300">Latency {formatMs(p.x)} · {per1k(p.y)} per 1k tokens</div>
      <div className="text-zinc-700 dark:text-zinc-300">{formatCount(p.z)} calls · success {formatRatioAsPercent(p.success)}</div>
    </div>
  );
}

const Bubble = (props: ScatterShapeProps) => {
  const p = props.payload as Point | undefined;
  if (props.cx == null || props.cy == null || !p) return <g />;
  return <circle cx={props.cx} cy={props.cy} r={p.r} fill="var(--chart-cost)" fillOpacity={0.7} stroke="var(--chart-cost)" />;
};

/**
 * Presenter: each model is a bubble at (average latency, cost per 1k tokens), its area in
 * proportion to its calls. Bottom-left is fast and cheap. Both axes are logarithmic with ticks at
 * round values; every bubble is named, beside it (BubbleLabels). Models without tokens or latency
 * have no place on it.
 */
export function CostLatencyChart({ models, height = 300 }: { models: ModelEfficiency[]; height?: number }) {
  const usable = models.filter((m) => m.avg_latency_ms != null && m.avg_latency_ms > 0 && m.cost_per_1k_tokens != null && m.cost_per_1k_tokens > 0);
  const maxCalls = Math.max(1, ...usable.map((m) => m.usage_count));
  const points: Point[] = usable.map((m) => ({
    name: m.model, x: m.avg_latency_ms!, y: m.cost_per_1k_tokens!, z: m.usage_count, success: m.success_rate,
    r: Math.max(R_MIN, R_MAX * Math.sqrt(m.usage_count / maxCalls)),
  }));
  const xAxis = niceLogAxis(points.map((p) => p.x));
  const yAxis = niceLogAxis(points.map((p) => p.y), { maxTicks: 5 });
  if (!xAxis || !yAxis) return null;
  return (
    <div aria-hidden="true" style={{ height }} className="w-full">
      <ResponsiveContainer width="100%" height="100%">
        <ScatterChart margin={{ top: 8, right: 12, bottom: 4, left: 4 }} accessibilityLayer={false}>
          <CartesianGrid stroke="var(--chart-grid)" />
          <XAxis type="number" dataKey="x" name="Latency" scale="log" domain={xAxis.domain} ticks={xAxis.ticks} interval="preserveStartEnd" minTickGap={6}
            allowDataOverflow {...axis} tickFormatter={formatMsTick} height={40}
            label={{ value: 'average latency (log scale)', position: 'insideBottom', offset: 2, fontSize: 11, fill: 'var(--chart-axis)' }} />
          <YAxis type="number" dataKey="y" name="Cost per 1k tokens" scale="log" domain={yAxis.domain} ticks={yAxis.ticks} interval="preserveStartEnd"
            allowDataOverflow {...axis} width={80} tickFormatter={formatUsdTick}
            label={{ value: 'USD per 1k tokens', angle: -90, position: 'insideLeft', offset: 4, fontSize: 11, fill: 'var(--chart-axis)', style: { textAnchor: 'middle' } }} />
          <Tooltip content={(props) => <PointTooltip active={props.active} payload={props.payload as readonly { payload?: Point }[]} />} />
          <Scatter data={points} shape={Bubble} isAnimationActive={false} />
          <BubbleLabels points={points} />
        </ScatterChart>
      </ResponsiveContainer>
    </div>
  );
}
