import { describe, expect, it } from 'vitest';
import { boxesIntersect, placeLabels, type Box, type LabelledBubble } from './label-layout';

const area: Box = { x: 80, y: 8, width: 600, height: 240 };
const bubble = (cx: number, cy: number, r = 8, labelWidth = 70): LabelledBubble => ({ cx, cy, r, labelWidth, labelHeight: 14 });

/** No two labels overlap, every label is inside the area and on no bubble. */
function expectClean(bubbles: LabelledBubble[], labels: Box[], within: Box) {
  expect(labels).toHaveLength(bubbles.length);
  for (const [i, a] of labels.entries()) {
    expect(a.x).toBeGreaterThanOrEqual(within.x);
    expect(a.y).toBeGreaterThanOrEqual(within.y);
    expect(a.x + a.width).toBeLessThanOrEqual(within.x + within.width);
    expect(a.y + a.height).toBeLessThanOrEqual(within.y + within.height);
    for (const b of labels.slice(i + 1)) expect(boxesIntersect(a, b)).toBe(false);
    for (const o of bubbles) {
      const nx = Math.max(a.x, Math.min(o.cx, a.x + a.width));
      const ny = Math.max(a.y, Math.min(o.cy, a.y + a.height));
      expect(Math.hypot(nx - o.cx, ny - o.cy)).toBeGreaterThanOrEqual(o.r);
    }
  }
}

describe('placeLabels', () => {
  it.each([
    { name: 'one bubble in the middle: right of it', bubbles: [bubble(300, 100)] },
    { name: 'a bubble at the right edge: its label goes left', bubbles: [bubble(675, 100, 4)] },
    { name: 'a bubble in the top-left corner (next to both axes)', bubbles: [bubble(82, 10, 6)] },
    { name: 'a bubble in the bottom-right corner', bubbles: [bubble(678, 246, 6)] },
    { name: 'two bubbles on one spot (same latency and price)', bubbles: [bubble(300, 100), bubble(300, 100, 5)] },
    { name: 'a row of close bubbles', bubbles: [0, 1, 2, 3, 4, 5].map((i) => bubble(200 + i * 20, 120, 6)) },
    { name: 'a cluster of eight', bubbles: [0, 1, 2, 3, 4, 5, 6, 7].map((i) => bubble(300 + (i % 3) * 18, 90 + Math.floor(i / 3) * 18, 7, 90)) },
    { name: 'a phone-width plot', bubbles: [bubble(90, 20, 10, 85), bubble(130, 60, 6, 60), bubble(200, 200, 14, 100), bubble(270, 30, 5, 70)], within: { x: 84, y: 8, width: 215, height: 240 } },
  ])('$name', ({ bubbles, within = area }) => {
    expectClean(bubbles, placeLabels(bubbles, within), within);
  });

  it('puts a label next to its bubble when there is room, without a leader line', () => {
    const [label] = placeLabels([bubble(300, 100)], area);
    expect(label).toMatchObject({ x: 310, y: 93, leader: false });
  });

  it('a label pushed away from its bubble (ringed by bigger ones) gets a leader line', () => {
    const ring = [0, 1, 2, 3, 4, 5, 6, 7].map((i) => bubble(300 + 24 * Math.cos((i * Math.PI) / 4), 120 + 24 * Math.sin((i * Math.PI) / 4), 10, 40));
    const bubbles = [...ring, bubble(300, 120, 4, 60)];
    const labels = placeLabels(bubbles, area);
    expectClean(bubbles, labels, area);
    expect(labels.at(-1)!.leader).toBe(true);
  });

  it('with no free spot left the label still stays inside the plot', () => {
    const tiny: Box = { x: 0, y: 0, width: 60, height: 30 };
    const labels = placeLabels([bubble(30, 15, 10, 50), bubble(35, 15, 10, 50)], tiny);
    for (const l of labels) {
      expect(l.x).toBeGreaterThanOrEqual(0);
      expect(l.x + l.width).toBeLessThanOrEqual(60);
    }
  });

  it('no bubbles, no labels', () => expect(placeLabels([], area)).toEqual([]));
});
