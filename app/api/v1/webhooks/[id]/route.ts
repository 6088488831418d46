// DELETE /api/v1/webhooks/{id} → 204: removes the endpoint, its pending deliveries and its delivery log.
import { withApi } from '@/lib/api/route';
import { deleteWebhook, requireWebhookId } from '@/lib/alerts/webhooks';
import { WebhookIdParams } from '@/lib/schemas/alerts';

export const DELETE = withApi({ scope: 'admin', params: WebhookIdParams }, async ({ auth, params }) => {
  await deleteWebhook(auth.orgId, requireWebhookId(params.id));
  return new Response(null, { status: 204 });
});
