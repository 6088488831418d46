// GET /api/v1/pipelines → {pipelines: [{pipeline_id, executions, first_seen_at, last_seen_at}], total}, busiest first.
import { withApi } from '@/lib/api/route';
import { getInsightsService } from '@/lib/services/insights';

export const GET = withApi({ scope: 'read' }, async ({ auth }) => getInsightsService().listPipelines(auth.orgId));
