import { buildExecution, compilePipeline } from './execution';
import { DAY_MS, DEMO_PLANTED, plantedVariant } from './planted';
import { DEMO_PIPELINES } from './pipelines';
import { hashNormal, Rng } from './prng';
import { hourOfWeek, hourOfWeekWeights } from './seasonality';
import type { DemoExecution, DemoOptions } from './types';

export const DEMO_DEFAULTS = { days: 60, total: 25_000, seed: 42, batchSize: 1_000 } as const;

const HOUR_MS = 3_600_000;
/** Day-to-day volume wobble per pipeline (log-sd). Real traffic is never perfectly smooth, but a
 * ±5% day barely moves a weekly total (≈2%), far from the 50% usage detector. */
const DAILY_WOBBLE = 0.05;
/** Aim for at most this many executions per time slot: the slot is the unit we sort in memory. */
const SLOT_TARGET = 250;
const SLOTS_PER_HOUR = [1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30, 60];

function checkOptions(opts: DemoOptions): Required<DemoOptions> {
  const o = { ...DEMO_DEFAULTS, ...stripUndefined(opts) } as Required<DemoOptions>;
  if (!(o.now instanceof Date) || Number.isNaN(o.now.getTime())) throw new RangeError('now must be a valid Date');
  if (!Number.isFinite(o.days) || o.days <= 0 || o.days > 3650) throw new RangeError('days must be in (0, 3650]');
  if (!Number.isSafeInteger(o.total) || o.total < 0) throw new RangeError('total must be an integer ≥ 0');
  if (!Number.isSafeInteger(o.batchSize) || o.batchSize < 1) throw new RangeError('batchSize must be an integer ≥ 1');
  if (!Number.isSafeInteger(o.seed)) throw new RangeError('seed must be a safe integer');
  return o;
}

function stripUndefined(opts: DemoOptions): Partial<DemoOptions> {
  return Object.fromEntries(Object.entries(opts).filter(([, v]) => v !== undefined)) as Partial<DemoOptions>;
}

/** Integer per-pipeline totals that add up to exactly `total` (largest-remainder rounding). */
function splitTotal(total: number, shares: readonly number[]): number[] {
  const sum = shares.reduce((a, b) => a + b, 0);
  const exact = shares.map((s) => (total * s) / sum);
  const out = exact.map(Math.floor);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0, left = total - out.reduce((a, b) => a + b, 0); k < left; k++) out[order[k][1]]++;
  return out;
}

/**
 * Streams ~`days` of demo history ending at `now`, in chronological batches of `batchSize`.
 *
 * Memory is O(batchSize + one time slot): slots shrink (down to one minute) as the volume grows,
 * so `total: 10_000_000` streams without building a big array. Pure and deterministic: the same
 * options give the same output, whatever `batchSize` is (it only groups the same sequence).
 * Options are validated eagerly, before the first `next()`.
 *
 * Throughput note (no timed test on purpose, timings are flaky on shared CI): building an execution
 * is a few dozen arithmetic ops plus its own objects; on a 2-core machine this runs at several
 * hundred thousand executions per second. Measure with e.g.
 * `tsx -e "import {generateDemoExecutions as g} from './lib/demo'; let n=0; console.time('t');
 *  for (const b of g({now:new Date(),total:1e6})) n+=b.length; console.timeEnd('t')"`.
 */
export function generateDemoExecutions(opts: DemoOptions): Generator<DemoExecution[], void, undefined> {
  return stream(checkOptions(opts));
}

function* stream(o: Required<DemoOptions>): Generator<DemoExecution[], void, undefined> {
  const nowMs = o.now.getTime();
  const windowMs = Math.round(o.days * DAY_MS);
  const startMs = nowMs - windowMs;
  const plantedFromMs = nowMs - DEMO_PLANTED.windowDays * DAY_MS;
  const P = DEMO_PIPELINES.length;
  const rng = new Rng(o.seed);
  // Random starting credit, so pipelines do not all fail for the first time after the same count.
  const states = DEMO_PIPELINES.map(() => ({ failureCredit: rng.next() }));
  const steady = DEMO_PIPELINES.map((s, p) => compilePipeline(s, states[p]));
  const planted = DEMO_PIPELINES.map((s, p) => compilePipeline(plantedVariant(s), states[p]));
  const targets = splitTotal(o.total, DEMO_PIPELINES.map((p) => p.share));

  const perHour = o.total / (windowMs / HOUR_MS);
  const slotsPerHour = SLOTS_PER_HOUR.find((s) => s >= perHour / SLOT_TARGET) ?? 60;
  const slotMs = HOUR_MS / slotsPerHour;
  const slotCount = Math.ceil(windowMs / slotMs);

  // Per-pipeline seasonality and a per-calendar-day wobble (keyed by day, not by position, so
  // the same day looks the same whatever `now` is).
  const how = DEMO_PIPELINES.map((p) => hourOfWeekWeights(p.profile));
  const firstDay = Math.floor(startMs / DAY_MS);
  const wobble = DEMO_PIPELINES.map((_, p) => {
    const a = new Float64Array(Math.ceil(o.days) + 2);
    for (let d = 0; d < a.length; d++) a[d] = Math.exp(DAILY_WOBBLE * hashNormal(o.seed, p, firstDay + d));
    return a;
  });
  const slotWeight = (p: number, k: number): number => {
    const s = startMs + k * slotMs;
    const len = Math.min(slotMs, nowMs - s);
    const mid = s + len / 2;
    return how[p][hourOfWeek(mid)] * wobble[p][Math.floor(mid / DAY_MS) - firstDay] * (len / slotMs);
  };

  // Pass 1: total weight per pipeline. Pass 2 hands out counts by cumulative rounding, so each
  // pipeline gets exactly its target and any sub-window gets its fair share with no sampling
  // noise — week-over-week volume then only moves by the wobble, never by chance.
  const W = new Float64Array(P);
  for (let k = 0; k < slotCount; k++) for (let p = 0; p < P; p++) W[p] += slotWeight(p, k);

  const cum = new Float64Array(P);
  const emitted = new Float64Array(P);
  let buf = new Float64Array(1024);
  let seq = 0;
  let batch: DemoExecution[] = [];
  for (let k = 0; k < slotCount; k++) {
    const s = startMs + k * slotMs;
    const len = Math.min(slotMs, nowMs - s);
    let n = 0;
    for (let p = 0; p < P; p++) {
      cum[p] += slotWeight(p, k);
      const due = k === slotCount - 1 ? targets[p] : Math.round((targets[p] * cum[p]) / W[p]);
      const c = due - emitted[p];
      emitted[p] = due;
      if (n + c > buf.length) {
        const bigger = new Float64Array(Math.max(buf.length * 2, n + c));
        bigger.set(buf.subarray(0, n));
        buf = bigger;
      }
      // Pack time and pipeline into one double (t·16 + p, exact below 2^53) so a typed-array sort
      // orders the slot chronologically without allocating pair objects.
      for (let j = 0; j < c; j++) buf[n++] = (s + Math.floor(rng.next() * len)) * 16 + p;
    }
    const slot = buf.subarray(0, n).sort();
    for (let i = 0; i < n; i++) {
      const t = Math.floor(slot[i] / 16);
      const p = slot[i] - t * 16;
      batch.push(buildExecution(`demo-${o.seed}-${seq++}`, t, t >= plantedFromMs ? planted[p] : steady[p], rng));
      if (batch.length === o.batchSize) {
        yield batch;
        batch = [];
      }
    }
  }
  if (batch.length > 0) yield batch;
}
