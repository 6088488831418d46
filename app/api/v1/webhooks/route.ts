// GET /api/v1/webhooks → {webhooks, total}; POST → 201 with the endpoint and its signing secret (shown once).
import { jsonBody } from '@/lib/api/body';
import { withApi } from '@/lib/api/route';
import { secretResponse } from '@/lib/api/secret-response';
import { createWebhook, listWebhooks } from '@/lib/alerts/webhooks';
import { MAX_WEBHOOK_BODY_BYTES, WebhookCreateBody, type WebhookListResponse } from '@/lib/schemas/alerts';

export const GET = withApi({ scope: 'admin' }, async ({ auth }) => {
  const webhooks = await listWebhooks(auth.orgId);
  return { webhooks, total: webhooks.length } satisfies WebhookListResponse;
});

export const POST = withApi({ scope: 'admin', read: jsonBody(MAX_WEBHOOK_BODY_BYTES), body: WebhookCreateBody }, async ({ auth, body }) =>
  secretResponse(await createWebhook(auth.orgId, body), { status: 201 }),
);
