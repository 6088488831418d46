'use client';
import { Area, Bar, CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ChartRow } from '@/lib/dashboard/series';
import { ChartTooltip } from './chart-tooltip';
import type { Series } from './series-config';

export type Reference = { value: number; label: string };

const lastPartial = (rows: ChartRow[]) => rows.findLast((r) => r.partial);

const axis = { stroke: 'var(--chart-axis)', fontSize: 11, tickLine: false, axisLine: false } as const;

/**
 * Presenter: prepared rows → recharts, nothing else; rows marked partial get a named dotted line
 * (lib/dashboard/series decides which days are partial). Animations are off (stable screenshots and
 * tests, and no motion for people who asked for less). The chart is hidden from screen readers,
 * which get the data table the container renders next to it.
 */
export function TimeChart({
  rows, series, leftFormat, rightFormat, references = [], height = 260,
}: {
  rows: ChartRow[]; series: Series[]; leftFormat: (v: number) => string; rightFormat?: (v: number) => string;
  references?: Reference[]; height?: number;
}) {
  return (
    <div aria-hidden="true" style={{ height }} className="w-full">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid stroke="var(--chart-grid)" vertical={false} />
          <XAxis dataKey="label" {...axis} minTickGap={24} />
          <YAxis yAxisId="left" {...axis} width={64} tickFormatter={leftFormat} />
          {rightFormat ? <YAxis yAxisId="right" orientation="right" {...axis} width={48} tickFormatter={rightFormat} /> : null}
          <Tooltip content={(props) => <ChartTooltip active={props.active} payload={props.payload} series={series} />} cursor={{ fill: 'var(--chart-grid)', opacity: 0.5 }} />
          <Legend wrapperStyle={{ fontSize: 12 }} iconSize={10} />
          {rows.filter((r) => r.partial).map((r) => (
            // A partial day (the window's first, and today so far): a dotted line through it, named.
            <ReferenceLine key={`partial-${r.date}`} yAxisId="left" x={r.label} stroke="var(--chart-axis)" strokeDasharray="2 3" strokeOpacity={0.8}
              label={{ value: 'partial day', position: r === rows.find((x) => x.partial) && r !== lastPartial(rows) ? 'insideTopLeft' : 'insideTopRight', fontSize: 10, fill: 'var(--chart-axis)' }} />
          ))}
          {references.map((r) => (
            <ReferenceLine key={r.label} yAxisId="left" y={r.value} ifOverflow="extendDomain" stroke="var(--chart-ref)" strokeDasharray="4 4"
              label={{ value: r.label, position: 'insideTopRight', fontSize: 11, fill: 'var(--chart-axis)' }} />
          ))}
          {series.map((s) => {
            const common = { dataKey: s.key, name: s.name, yAxisId: s.right ? 'right' : 'left', isAnimationActive: false } as const;
            if (s.kind === 'bar') return <Bar key={s.key} {...common} fill={s.color} radius={[3, 3, 0, 0]} maxBarSize={28} />;
            if (s.kind === 'area') return <Area key={s.key} {...common} type="monotone" stroke={s.color} fill={s.color} fillOpacity={0.15} strokeWidth={2} connectNulls={false} />;
            return <Line key={s.key} {...common} type="monotone" stroke={s.color} strokeWidth={2} dot={rows.length <= 14 ? { r: 2.5 } : false} strokeDasharray={s.dashed ? '6 4' : undefined} connectNulls={false} />;
          })}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
