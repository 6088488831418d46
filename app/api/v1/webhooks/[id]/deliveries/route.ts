// GET /api/v1/webhooks/{id}/deliveries?limit=&status= → {deliveries (newest first, with attempt history), total}.
import { notFound } from '@/lib/api/errors';
import { withApi } from '@/lib/api/route';
import { listDeliveries } from '@/lib/alerts/deliveries';
import { requireWebhookId, webhookExists } from '@/lib/alerts/webhooks';
import { DeliveriesQuery, WebhookIdParams } from '@/lib/schemas/alerts';

export const GET = withApi({ scope: 'admin', query: DeliveriesQuery, params: WebhookIdParams }, async ({ auth, query, params }) => {
  const id = requireWebhookId(params.id);
  if (!(await webhookExists(auth.orgId, id))) throw notFound('webhook');
  return listDeliveries(auth.orgId, id, query);
});
