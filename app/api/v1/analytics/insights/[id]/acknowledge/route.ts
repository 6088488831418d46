// POST /api/v1/analytics/insights/{id}/acknowledge → the insight's alert state, now acknowledged (no more deliveries this episode).
// Scope `read`: triage belongs to whoever watches the insights; it changes no data or configuration.
import { withApi } from '@/lib/api/route';
import { acknowledgeInsight } from '@/lib/alerts/acknowledge';
import { InsightIdParams } from '@/lib/schemas/alerts';

export const POST = withApi({ scope: 'read', params: InsightIdParams }, async ({ auth, params }) =>
  acknowledgeInsight(auth.orgId, params.id),
);
