import type { InsightDataMap } from '@/lib/schemas/insight-data';
import type { Insight, InsightType } from '@/lib/schemas/insights';

/** The typed `data` of an insight of the given type (fails the test if it is another type or missing). */
export function dataOf<T extends InsightType>(insight: Insight | undefined, type: T): InsightDataMap[T] {
  if (!insight || insight.type !== type) throw new Error(`expected a ${type} insight, got ${insight?.type ?? 'none'}`);
  return insight.data as InsightDataMap[T];
}
