'use client';
import { usePlotArea, useXAxisScale, useYAxisScale } from 'recharts';
import { placeLabels } from '@/lib/dashboard/label-layout';

// The bubbles' names, drawn inside the chart's SVG where lib/dashboard/label-layout puts them:
// beside their bubble, inside the plot area (never on an axis tick), on no other label or bubble.

export type LabelPoint = { name: string; x: number; y: number; r: number };

export const LABEL_FONT_SIZE = 10;
const PAD_X = 2;
const HEIGHT = LABEL_FONT_SIZE + 5;

let canvas: CanvasRenderingContext2D | null | undefined;
/** The label's width in this browser's font (the SVG text inherits the page's font family). */
function textWidth(text: string): number {
  if (canvas === undefined) canvas = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  if (!canvas) return text.length * LABEL_FONT_SIZE * 0.6;
  canvas.font = `${LABEL_FONT_SIZE}px ${getComputedStyle(document.documentElement).fontFamily}`;
  return canvas.measureText(text).width;
}

export function BubbleLabels({ points }: { points: readonly LabelPoint[] }) {
  const xScale = useXAxisScale();
  const yScale = useYAxisScale();
  const area = usePlotArea();
  if (!xScale || !yScale || !area || area.width <= 0) return null;
  const bubbles = points.map((p) => ({
    cx: Number(xScale(p.x)), cy: Number(yScale(p.y)), r: p.r,
    labelWidth: textWidth(p.name) + 2 * PAD_X, labelHeight: HEIGHT,
  }));
  const labels = placeLabels(bubbles, area);
  return (
    <g className="fm-bubble-labels">
      {labels.map((l, i) => {
        const b = bubbles[i];
        const tx = Math.max(l.x, Math.min(b.cx, l.x + l.width)); // the label's point nearest the bubble
        const ty = Math.max(l.y, Math.min(b.cy, l.y + l.height));
        const d = Math.hypot(tx - b.cx, ty - b.cy) || 1;
        return (
          <g key={points[i].name}>
            {l.leader ? <line x1={b.cx + ((tx - b.cx) / d) * b.r} y1={b.cy + ((ty - b.cy) / d) * b.r} x2={tx} y2={ty} stroke="var(--chart-axis)" strokeWidth={0.75} /> : null}
            <text x={l.x + PAD_X} y={l.y + l.height / 2} dominantBaseline="central" fontSize={LABEL_FONT_SIZE} fill="var(--chart-axis)" data-testid="bubble-label">
              {points[i].name}
            </text>
          </g>
        );
      })}
    </g>
  );
}
