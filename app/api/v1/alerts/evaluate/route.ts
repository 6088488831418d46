// POST /api/v1/alerts/evaluate → the insights evaluated now (with their lifecycle), those resolved, and the deliveries enqueued.
import { withApi } from '@/lib/api/route';
import { evaluateNow } from '@/lib/alerts/evaluate-now';

export const POST = withApi({ scope: 'admin' }, async ({ auth }) => evaluateNow(auth.orgId));
