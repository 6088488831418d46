import { Rng } from '@/lib/demo/prng';

// The backtest corpus of `npm run bench:forecast`: synthetic daily cost series, each split into
// a history (what the forecaster sees) and the 30 days that truly followed. Seeded: the same
// corpus every run. Scales differ per series (cents to tens of thousands of dollars a day).

export interface Case {
  cls: string;
  history: number[];
  future: number[];
}

const WEEK = [0.35, 1, 1.05, 1.05, 1, 0.95, 0.4]; // Sunday first
const SCALES = [0.08, 3, 250, 20_000];

type Shape = (day: number, rng: Rng, len: number) => number;

function series(rng: Rng, len: number, shape: Shape, noise: number, weekly: boolean): number[] {
  const start = Math.floor(rng.next() * 7);
  const week = (d: number) => (weekly ? WEEK[(start + d) % 7] : 1);
  return Array.from({ length: len }, (_, d) => Math.max(0, shape(d, rng, len) * week(d) * Math.exp(noise * rng.normal())));
}

const CLASSES: Record<string, { history: [number, number]; shape: Shape; noise?: number }> = {
  weekly: { history: [28, 90], shape: () => 1 },
  trend_up: { history: [35, 90], shape: (d) => 1 + 0.012 * d },
  trend_down: { history: [35, 90], shape: (d) => Math.max(0.15, 1 - 0.006 * d) },
  level_shift: { history: [42, 90], shape: (d, _r, len) => (d >= len - 30 - 21 ? 1.7 : 1) },
  single_spike: { history: [28, 90], shape: () => 1 },
  zero_days: { history: [28, 90], shape: (_d, rng) => (rng.next() < 0.25 ? 0 : 1) },
  new_org: { history: [3, 14], shape: () => 1 },
  pure_noise: { history: [28, 90], shape: () => 1, noise: 0.45 },
};

export function buildCorpus(perClass: number, seed = 7): Case[] {
  const rng = new Rng(seed);
  const out: Case[] = [];
  for (const [cls, spec] of Object.entries(CLASSES)) {
    for (let k = 0; k < perClass; k++) {
      const [lo, hi] = spec.history;
      const hist = lo + Math.floor(rng.next() * (hi - lo + 1));
      const scale = SCALES[k % SCALES.length];
      const y = series(rng, hist + 30, spec.shape, spec.noise ?? 0.08, cls !== 'pure_noise').map((v) => v * scale);
      if (cls === 'single_spike') {
        const at = Math.floor(rng.next() * hist);
        y[at] *= 6;
      }
      out.push({ cls, history: y.slice(0, hist), future: y.slice(hist) });
    }
  }
  return out;
}
