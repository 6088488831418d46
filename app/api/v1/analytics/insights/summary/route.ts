// GET /api/v1/analytics/insights/summary?days=7[&pipeline_id=] → counts by severity, top insights, savings and changes.
import { withApi } from '@/lib/api/route';
import { SummaryQuery } from '@/lib/schemas/insights';
import { getInsightsService } from '@/lib/services/insights';

export const GET = withApi({ scope: 'read', query: SummaryQuery }, async ({ auth, query }) =>
  getInsightsService().getSummary({ orgId: auth.orgId, days: query.days, pipelineId: query.pipeline_id }),
);
