// Ticks for a logarithmic axis at round values (1, 2, 5 × 10^k), not at the data's own values:
// a reader compares bubbles against "1 s, 2 s, 5 s", never against "1.04 s, 1.47 s, 3.00 s".

export type LogAxis = { domain: [number, number]; ticks: number[] };

const round = (v: number) => Number(v.toPrecision(12)); // 2 × 10^-4 is 0.00020000000000000001 otherwise

/** Every m × 10^k (m in `mantissas`) between lo and hi, inclusive. */
function valuesBetween(lo: number, hi: number, mantissas: readonly number[]): number[] {
  const out: number[] = [];
  for (let k = Math.floor(Math.log10(lo)) - 1; k <= Math.ceil(Math.log10(hi)); k++) {
    for (const m of mantissas) {
      const v = round(m * 10 ** k);
      if (v >= round(lo) && v <= round(hi)) out.push(v);
    }
  }
  return out;
}

const STEPS = [1, 2, 5] as const;
const below = (v: number) => valuesBetween(v / 10, v, STEPS).at(-1)!;
const above = (v: number) => valuesBetween(v, v * 10, STEPS)[0];

/**
 * The axis over positive `values`: the domain runs from the round value below the smallest (with
 * `pad` of room, so that no bubble sits on the frame) to the round value above the largest; the
 * ticks are 1-2-5 steps inside it, thinned to 1-3 or to decades when more than `maxTicks` would be
 * drawn. Null when no value is positive and finite (a log axis has no place for 0).
 */
export function niceLogAxis(values: readonly number[], { maxTicks = 6, pad = 1.2 } = {}): LogAxis | null {
  const usable = values.filter((v) => Number.isFinite(v) && v > 0);
  if (usable.length === 0) return null;
  const lo = below(Math.min(...usable) / pad);
  const hi = above(Math.max(...usable) * pad);
  for (const mantissas of [STEPS, [1, 3], [1]] as const) {
    const ticks = valuesBetween(lo, hi, mantissas);
    if (ticks.length <= maxTicks) return { domain: [lo, hi], ticks: ticks.length >= 2 ? ticks : [lo, hi] };
  }
  const decades = valuesBetween(lo, hi, [1]);
  const every = Math.ceil(decades.length / maxTicks);
  return { domain: [lo, hi], ticks: decades.filter((_, i) => i % every === 0) };
}

/** A round latency for an axis: "500 ms", "1 s", "20 s" (no trailing zeros: the value is round). */
export function formatMsTick(ms: number): string {
  if (ms < 1000) return `${round(ms)} ms`;
  if (ms < 60_000) return `${round(ms / 1000)} s`;
  return `${round(ms / 60_000)} min`;
}

/** A round price for an axis: "$0.0005", "$0.01", "$2". */
export function formatUsdTick(usd: number): string {
  const digits = Math.max(0, -Math.floor(Math.log10(usd) + 1e-9));
  return `$${usd.toFixed(digits)}`;
}
