'use client';
import { CartesianGrid, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis, ZAxis } from 'recharts';
import { formatCount, formatMs, formatRatioAsPercent } from '@/lib/format';
import type { ModelEfficiency } from '@/lib/schemas/insights';

const axis = { stroke: 'var(--chart-axis)', fontSize: 11, tickLine: false, axisLine: false } as const;
export const per1k = (v: number | null) => (v == null ? '—' : v >= 0.01 ? `$${v.toFixed(3)}` : `$${v.toFixed(5)}`);

type Point = { name: string; x: number; y: number; z: number; success: number | null };

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

/**
 * Presenter: each model is a bubble at (average latency, cost per 1k tokens), sized by calls.
 * Bottom-left is fast and cheap. Models without tokens or latency have no place on it.
 */
export function CostLatencyChart({ models, height = 300 }: { models: ModelEfficiency[]; height?: number }) {
  const points: Point[] = models
    .filter((m) => m.avg_latency_ms != null && m.cost_per_1k_tokens != null)
    .map((m) => ({ name: m.model, x: m.avg_latency_ms!, y: m.cost_per_1k_tokens!, z: m.usage_count, success: m.success_rate }));
  return (
    <div aria-hidden="true" style={{ height }} className="w-full">
      <ResponsiveContainer width="100%" height="100%">
        <ScatterChart margin={{ top: 8, right: 16, bottom: 16, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid stroke="var(--chart-grid)" />
          <XAxis type="number" dataKey="x" name="Latency" scale="log" domain={['auto', 'auto']} {...axis} tickFormatter={(v: number) => formatMs(v)}
            label={{ value: 'average latency (log scale)', position: 'insideBottom', offset: -8, fontSize: 11, fill: 'var(--chart-axis)' }} />
          <YAxis type="number" dataKey="y" name="Cost per 1k tokens" scale="log" domain={['auto', 'auto']} {...axis} width={72} tickFormatter={(v: number) => per1k(v)}
            label={{ value: 'USD per 1k tokens', angle: -90, position: 'insideLeft', offset: 12, fontSize: 11, fill: 'var(--chart-axis)' }} />
          <ZAxis type="number" dataKey="z" range={[60, 600]} />
          <Tooltip content={(props) => <PointTooltip active={props.active} payload={props.payload as readonly { payload?: Point }[]} />} />
          <Scatter data={points} fill="var(--chart-cost)" fillOpacity={0.7} stroke="var(--chart-cost)" isAnimationActive={false}
            label={{ dataKey: 'name', position: 'top', fontSize: 10, fill: 'var(--chart-axis)' }} />
        </ScatterChart>
      </ResponsiveContainer>
    </div>
  );
}
