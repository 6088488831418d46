// GET /api/v1/analytics/insights/report?days=30[&pipeline_id=][&include_recommendations=][&include_forecasts=] → the full report.
import { withApi } from '@/lib/api/route';
import { ReportQuery } from '@/lib/schemas/insights';
import { getInsightsService } from '@/lib/services/insights';

export const GET = withApi({ scope: 'read', query: ReportQuery }, async ({ auth, query }) =>
  getInsightsService().generateReport({
    orgId: auth.orgId,
    days: query.days,
    pipelineId: query.pipeline_id,
    includeRecommendations: query.include_recommendations,
    includeForecasts: query.include_forecasts,
  }),
);
