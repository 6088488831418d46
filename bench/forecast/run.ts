// `npm run bench:forecast`: backtests of the cost forecast (lib/insights/forecast.ts) on a
// generated corpus (./corpus.ts) plus the demo organisation (./demo-series.ts), against seasonal
// naive and the old least-squares line (./baselines.ts). Prints, per class and overall, the MAPE
// of the next-7-day and next-30-day sums and the coverage of the 80% / 95% intervals of those
// sums, then checks the goal (issue 13) and exits 1 when it is missed.
import { emptyBucket } from '@/lib/insights/buckets';
import { computeCostForecast } from '@/lib/insights/forecast';
import { DEFAULT_THRESHOLDS } from '@/lib/schemas/thresholds';
import { oldLineForecast, seasonalNaiveForecast } from './baselines';
import { buildCorpus, type Case } from './corpus';
import { demoCases } from './demo-series';

const PER_CLASS = Number(process.env.BENCH_FORECAST_PER_CLASS ?? 24);
const sum = (a: readonly number[]) => a.reduce((x, y) => x + y, 0);
const ape = (pred: number, actual: number) => (actual > 0 ? Math.abs(pred - actual) / actual : pred === 0 ? 0 : 1);

interface Row { cls: string; new7: number; new30: number; sn7: number; sn30: number; line7: number; line30: number; in80: number[]; in95: number[] }

function evaluate(c: Case): Row {
  const history = c.history.map((cost, i) => ({ ...emptyBucket(`2026-01-${String(1 + (i % 28)).padStart(2, '0')}`), executions: 1, cost_usd: cost }));
  const f = computeCostForecast(history, '2026-06-01', DEFAULT_THRESHOLDS);
  const a7 = sum(c.future.slice(0, 7));
  const a30 = sum(c.future);
  const sn = seasonalNaiveForecast(c.history, 30);
  const line = oldLineForecast(c.history, 30);
  const inside = (b: { lower: number; upper: number }, a: number) => (a >= b.lower - 1e-9 && a <= b.upper + 1e-9 ? 1 : 0);
  return {
    cls: c.cls,
    new7: ape(f.projected_weekly, a7),
    new30: ape(f.projected_monthly, a30),
    sn7: ape(sum(sn.slice(0, 7)), a7),
    sn30: ape(sum(sn), a30),
    line7: ape(sum(line.slice(0, 7)), a7),
    line30: ape(sum(line), a30),
    in80: [inside(f.interval_80.weekly, a7), inside(f.interval_80.monthly, a30)],
    in95: [inside(f.interval_95.weekly, a7), inside(f.interval_95.monthly, a30)],
  };
}

const mean = (a: readonly number[]) => (a.length === 0 ? NaN : sum(a) / a.length);
const pct = (v: number) => `${(v * 100).toFixed(1)}%`.padStart(7);

function summarise(name: string, rows: readonly Row[]) {
  const m = (k: keyof Row) => mean(rows.map((r) => r[k] as number));
  const cov = (k: 'in80' | 'in95') => mean(rows.flatMap((r) => r[k]));
  return { name, n: rows.length, new7: m('new7'), new30: m('new30'), sn7: m('sn7'), sn30: m('sn30'), line7: m('line7'), line30: m('line30'), cov80: cov('in80'), cov95: cov('in95') };
}

function main() {
  const t0 = performance.now();
  const cases = [...buildCorpus(PER_CLASS), ...demoCases()];
  const rows = cases.map(evaluate);
  const classes = [...new Set(rows.map((r) => r.cls))];
  const table = [...classes.map((c) => summarise(c, rows.filter((r) => r.cls === c))), summarise('overall', rows)];
  console.log('MAPE of the next-7-day / next-30-day sums; coverage of the 80% / 95% intervals of those sums (7- and 30-day pooled)');
  console.log('class          n   new 7d  new 30d  snaive7 snaive30  line 7d line 30d  cov80   cov95');
  for (const s of table) {
    console.log(`${s.name.padEnd(13)}${String(s.n).padStart(3)} ${[s.new7, s.new30, s.sn7, s.sn30, s.line7, s.line30, s.cov80, s.cov95].map(pct).join(' ')}`);
  }
  const overall = table[table.length - 1];
  const behind = table.slice(0, -1).filter((s) => s.new7 > s.sn7 + 1e-9 || s.new30 > s.sn30 + 1e-9);
  const perClass = behind.length === 0;
  const lineGain = 1 - (overall.new7 + overall.new30) / (overall.line7 + overall.line30);
  const calibrated = overall.cov80 >= 0.7 && overall.cov80 <= 0.9;
  const exact = (v: number) => `${(v * 100).toFixed(2)}%`;
  const why = behind.map((s) => `${s.name} ${exact(s.new7)}/${exact(s.new30)} vs ${exact(s.sn7)}/${exact(s.sn30)}`).join('; ');
  console.log(`\nevery class at least as good as seasonal naive: ${perClass ? 'yes' : `NO (${why})`}`);
  console.log(`overall error vs the old line: ${(lineGain * 100).toFixed(1)}% lower (goal ≥ 40%): ${lineGain >= 0.4 ? 'yes' : 'NO'}`);
  console.log(`80% interval coverage ${pct(overall.cov80).trim()} (goal 70–90%): ${calibrated ? 'yes' : 'NO'}`);
  console.log(`${cases.length} series in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  if (!perClass || lineGain < 0.4 || !calibrated) process.exitCode = 1;
}

main();
