// Timing helpers of the benchmark (bench/run.ts): percentiles of repeated calls.

export interface Figure {
  name: string;
  p50_ms: number;
  p95_ms: number;
  reps: number;
  /** The target for the p50, when it sets one. */
  target_p50_ms?: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = (sorted.length - 1) * p;
  const lo = Math.floor(rank);
  return sorted[lo] + (rank - lo) * ((sorted[Math.ceil(rank)] ?? sorted[lo]) - sorted[lo]);
}

/** Runs `f` `warmup` times unmeasured, then `reps` times one after the other. */
export async function measure(name: string, f: () => Promise<void>, opts: { warmup: number; reps: number; target?: number }): Promise<Figure> {
  for (let i = 0; i < opts.warmup; i++) await f();
  const times: number[] = [];
  for (let i = 0; i < opts.reps; i++) {
    const t = performance.now();
    await f();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { name, p50_ms: round(percentile(times, 0.5)), p95_ms: round(percentile(times, 0.95)), reps: opts.reps, target_p50_ms: opts.target };
}

export const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

/** A GET that must answer 200 with JSON (the body is read, as a client would). */
export async function getJson(url: string, key: string): Promise<unknown> {
  const res = await fetch(url, { headers: { authorization: `Bearer ${key}` } });
  const body = await res.text();
  if (res.status !== 200) throw new Error(`${url} → ${res.status}: ${body.slice(0, 300)}`);
  return JSON.parse(body);
}

export function printTable(figures: Figure[], baselineP50: number) {
  const rows = figures.map((f) => [
    f.name,
    f.p50_ms.toFixed(1),
    f.p95_ms.toFixed(1),
    (f.p50_ms / baselineP50).toFixed(2),
    f.target_p50_ms === undefined ? '' : `${f.p50_ms <= f.target_p50_ms ? 'ok' : 'MISS'} (≤ ${f.target_p50_ms})`,
  ]);
  const head = ['figure', 'p50 ms', 'p95 ms', '× baseline', 'target p50'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  console.log([line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n'));
}
