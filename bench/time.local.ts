import { closeDb, getPrisma } from '@/lib/db/client';
import { computeWindows } from '@/lib/insights/buckets';
import { analyticsQueries } from '@/lib/queries/analytics-source';
const org = await getPrisma().organization.findUniqueOrThrow({ where: { slug: 'bench' } });
const w = computeWindows(new Date().toISOString(), 30);
const q = analyticsQueries('rollup');
console.log(await getPrisma().$queryRawUnsafe(`SELECT current_setting('jit') AS jit, current_setting('work_mem') AS wm`));
for (let i = 0; i < 4; i++) {
  let t = performance.now();
  await q.getBuckets(org.id, w.current, {}, { unit: 'day', timeZone: 'UTC', perPipeline: true, percentiles: false });
  const a = performance.now() - t; t = performance.now();
  await q.getWindowStats(org.id, w, {}, 'UTC');
  const b = performance.now() - t; t = performance.now();
  await q.getStageStats(org.id, w.current, {}, 'UTC');
  console.log(Math.round(a), Math.round(b), Math.round(performance.now() - t));
}
await closeDb();
