// Where a report's time goes: each analytics query of one report?days=30 request, timed alone
// (median of 5 after a warm-up), from the rollups and from raw rows.
// Usage: DATABASE_URL=postgresql://…/fm_bench_… npx tsx --conditions=react-server bench/profile-queries.ts [days]
// PROFILE_SOURCES=rollup (or raw) times one source only.
import { closeDb, getPrisma } from '@/lib/db/client';
import { computeWindows } from '@/lib/insights/buckets';
import { analyticsQueries, type QuerySource } from '@/lib/queries/analytics-source';
import { percentile } from './measure';

const days = Number(process.argv[2] ?? 30);

async function time(f: () => Promise<unknown>): Promise<number> {
  await f();
  const t: number[] = [];
  for (let i = 0; i < 5; i++) {
    const s = performance.now();
    await f();
    t.push(performance.now() - s);
  }
  return Math.round(percentile(t.sort((a, b) => a - b), 0.5));
}

async function main() {
  const org = await getPrisma().organization.findUniqueOrThrow({ where: { slug: process.env.BENCH_ORG ?? 'bench' } });
  const w = computeWindows(new Date().toISOString(), days);
  const tz = 'UTC';
  const sources = (process.env.PROFILE_SOURCES ?? 'rollup,raw').split(',') as QuerySource[];
  for (const source of sources) {
    const q = analyticsQueries(source);
    const s = {};
    const rows: Record<string, number> = {
      windowStats: await time(() => q.getWindowStats(org.id, w, s, tz)),
      errorCounts: await time(() => q.getErrorCounts(org.id, w.current, s, tz)),
      daysCurrent: await time(() => q.getBuckets(org.id, w.current, s, { unit: 'day', timeZone: tz, perPipeline: true })),
      daysPrevious: await time(() => q.getBuckets(org.id, w.previous, s, { unit: 'day', timeZone: tz })),
      modelStats: await time(() => q.getModelStats(org.id, w.current, s, tz)),
      stageStats: await time(() => q.getStageStats(org.id, w.current, s, tz)),
      hourCounts: await time(() => q.getHourCounts(org.id, w.current, s, tz)),
      recovery: await time(() => q.getRecovery(org.id, w.current, s)),
    };
    console.log(source, JSON.stringify(rows));
  }
  await closeDb();
}

void main();
