// Formatting for people: one place, so that every card and chart agrees.
export const formatUsd = (n: number | null | undefined) =>
  n == null ? '—' : n.toLocaleString('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: n !== 0 && Math.abs(n) < 1 ? 4 : 2 });
export const formatCount = (n: number | null | undefined) => (n == null ? '—' : n.toLocaleString('en-US'));
/** A ratio (0.125) as a percent for display ("12.5%"); lib/insights/math.ts formatPercent takes a percent. */
export const formatRatioAsPercent = (ratio: number | null | undefined, digits = 1) =>
  ratio == null ? '—' : `${(ratio * 100).toFixed(digits)}%`;
export function formatMs(ms: number | null | undefined) {
  if (ms == null) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
  return `${(ms / 60_000).toFixed(1)} min`;
}
