import 'server-only';
import { getInsightsService } from '@/lib/services/insights';
import type { Detector } from './evaluate';

/** Production detector: the analytics service's insights (the same list the API and dashboard show). */
export const detectWithService: Detector = async (orgId, days, now) =>
  (await getInsightsService().listInsights({ orgId, days, now })).insights;
