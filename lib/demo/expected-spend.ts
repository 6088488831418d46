import { buildExecution, compilePipeline } from './execution';
import { DAY_MS, plantedVariant } from './planted';
import { DEMO_PIPELINES } from './pipelines';
import { Rng } from './prng';
import { hourOfWeek, hourOfWeekWeights } from './seasonality';
import type { DemoExecution } from './types';

// What the demo generator's own model expects an organisation to spend on the days after `now`:
// per pipeline, the generator's execution rate (its total spread by the hour-of-week weights,
// exactly as generator.ts hands out counts) × the mean cost of one execution of the variant
// running at `now` (the planted incidents last until now, so they are the current regime).
// The mean cost is measured on executions the generator's own buildExecution makes (a fixed
// seed, `samples` per pipeline); cost comes from `price`, so the caller prices them the way
// ingest does (lib/demo stays free of the pricing code). Day-to-day wobble has mean ≈ 1.

const HOUR_MS = 3_600_000;

export interface ExpectedSpendOptions {
  now: Date;
  /** The generator's options for the history (DEMO_DEFAULTS.days / total). */
  days: number;
  total: number;
  /** 24-hour periods to project, the first starting at `from` (default `now`; e.g. today's midnight). */
  horizonDays: number;
  from?: Date;
  /** The price of one generated execution in USD (what ingest would record). */
  price: (e: DemoExecution) => number;
  samples?: number;
  /** 'current' (default): the variants running at `now` (incidents included); 'steady': without them. */
  regime?: 'current' | 'steady';
}

/** Expected spend of each of the `horizonDays` 24-hour periods starting at `from` (default `now`). */
export function expectedDailySpend(o: ExpectedSpendOptions): number[] {
  const samples = o.samples ?? 4000;
  const nowMs = o.now.getTime();
  const fromMs = (o.from ?? o.now).getTime();
  const historyMs = o.days * DAY_MS;
  const shares = DEMO_PIPELINES.reduce((a, p) => a + p.share, 0);
  const rng = new Rng(20261207);
  const out = new Array<number>(o.horizonDays).fill(0);
  DEMO_PIPELINES.forEach((spec) => {
    const how = hourOfWeekWeights(spec.profile);
    // The generator spreads the pipeline's total over the history by these weights (per hour).
    let weightOfHistory = 0;
    for (let t = nowMs - historyMs; t < nowMs; t += HOUR_MS) weightOfHistory += how[hourOfWeek(t + HOUR_MS / 2)];
    const perWeight = (o.total * spec.share) / shares / weightOfHistory;
    const variant = compilePipeline(o.regime === 'steady' ? spec : plantedVariant(spec), { failureCredit: 0.5 });
    let cost = 0;
    for (let i = 0; i < samples; i++) cost += o.price(buildExecution(`x${i}`, nowMs, variant, rng));
    const meanCost = cost / samples;
    for (let d = 0; d < o.horizonDays; d++) {
      let w = 0;
      for (let h = 0; h < 24; h++) w += how[hourOfWeek(fromMs + d * DAY_MS + h * HOUR_MS + HOUR_MS / 2)];
      out[d] += w * perWeight * meanCost;
    }
  });
  return out;
}
