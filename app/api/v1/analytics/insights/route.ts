// GET /api/v1/analytics/insights?days=7[&category=][&severity=][&pipeline_id=] → {insights, total}, most severe first.
import { withApi } from '@/lib/api/route';
import { InsightsQuery } from '@/lib/schemas/insights';
import { getInsightsService } from '@/lib/services/insights';

export const GET = withApi({ scope: 'read', query: InsightsQuery }, async ({ auth, query }) =>
  getInsightsService().listInsights({
    orgId: auth.orgId,
    days: query.days,
    pipelineId: query.pipeline_id,
    category: query.category,
    severity: query.severity,
  }),
);
