// Where a bubble chart's labels go: next to their bubble, inside the plot area (so never on an
// axis tick), on no other label and on no bubble. Greedy: the biggest bubbles choose first, each
// label takes the first free spot of a ring of candidates around its bubble (right, left, above,
// below, the diagonals), further out ring by ring; a label placed away from its bubble gets a
// leader line. Pure pixel geometry, so it is tested without a browser.

export type Box = { x: number; y: number; width: number; height: number };
export type LabelledBubble = { cx: number; cy: number; r: number; labelWidth: number; labelHeight: number };
export type PlacedLabel = Box & { leader: boolean };

const DISTANCES = [2, 8, 16, 28, 44, 64, 90];

export function boxesIntersect(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function boxHitsCircle(box: Box, cx: number, cy: number, r: number): boolean {
  const nx = Math.max(box.x, Math.min(cx, box.x + box.width));
  const ny = Math.max(box.y, Math.min(cy, box.y + box.height));
  return (nx - cx) ** 2 + (ny - cy) ** 2 < r * r;
}

const inside = (box: Box, area: Box) =>
  box.x >= area.x && box.y >= area.y && box.x + box.width <= area.x + area.width && box.y + box.height <= area.y + area.height;

function candidates(b: LabelledBubble, d: number): Box[] {
  const { cx, cy, r, labelWidth: w, labelHeight: h } = b;
  const k = r * Math.SQRT1_2;
  return [
    { x: cx + r + d, y: cy - h / 2 }, // right
    { x: cx - r - d - w, y: cy - h / 2 }, // left
    { x: cx - w / 2, y: cy - r - d - h }, // above
    { x: cx - w / 2, y: cy + r + d }, // below
    { x: cx + k + d, y: cy - k - d - h }, // above right
    { x: cx - k - d - w, y: cy - k - d - h }, // above left
    { x: cx + k + d, y: cy + k + d }, // below right
    { x: cx - k - d - w, y: cy + k + d }, // below left
  ].map((p) => ({ ...p, width: w, height: h }));
}

/** One label box per bubble (same order), inside `area`. */
export function placeLabels(bubbles: readonly LabelledBubble[], area: Box): PlacedLabel[] {
  const placed: (PlacedLabel | null)[] = bubbles.map(() => null);
  const order = bubbles.map((_, i) => i).sort((a, b) => bubbles[b].r - bubbles[a].r || a - b);
  const taken: Box[] = [];
  for (const i of order) {
    const bubble = bubbles[i];
    const free = (box: Box) =>
      inside(box, area) && !taken.some((t) => boxesIntersect(t, box)) && !bubbles.some((o) => boxHitsCircle(box, o.cx, o.cy, o.r + 1));
    let choice: PlacedLabel | null = null;
    for (const d of DISTANCES) {
      const box = candidates(bubble, d).find(free);
      if (box) {
        choice = { ...box, leader: d > DISTANCES[1] };
        break;
      }
    }
    // Nowhere free (more labels than room): the nearest spot inside the plot, clamped to it.
    choice ??= (() => {
      const [box] = candidates(bubble, DISTANCES[0]);
      const x = Math.min(Math.max(box.x, area.x), area.x + area.width - box.width);
      const y = Math.min(Math.max(box.y, area.y), area.y + area.height - box.height);
      return { ...box, x, y, leader: false };
    })();
    taken.push(choice);
    placed[i] = choice;
  }
  return placed as PlacedLabel[];
}
