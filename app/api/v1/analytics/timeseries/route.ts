// GET /api/v1/analytics/timeseries?days=30[&pipeline_id=][&granularity=hour|day] → every bucket of the window, for charts.
import { withApi } from '@/lib/api/route';
import { TimeseriesQuery } from '@/lib/schemas/insights';
import { getInsightsService } from '@/lib/services/insights';

export const GET = withApi({ scope: 'read', query: TimeseriesQuery }, async ({ auth, query }) =>
  getInsightsService().getTimeseries({
    orgId: auth.orgId,
    days: query.days,
    pipelineId: query.pipeline_id,
    granularity: query.granularity,
  }),
);
