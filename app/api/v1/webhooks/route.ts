// GET /api/v1/webhooks → {webhooks, total}; POST → 201 with the endpoint and its signing secret (shown once).
import { readJsonBody } from '@/lib/api/body';
import { badRequest, zodToApiError } from '@/lib/api/errors';
import { withApi } from '@/lib/api/route';
import { secretResponse } from '@/lib/api/secret-response';
import { createWebhook, listWebhooks } from '@/lib/alerts/webhooks';
import { MAX_WEBHOOK_BODY_BYTES, WebhookCreateBody, type WebhookListResponse } from '@/lib/schemas/alerts';

export const GET = withApi({ scope: 'admin' }, async ({ auth }) => {
  const webhooks = await listWebhooks(auth.orgId);
  return { webhooks, total: webhooks.length } satisfies WebhookListResponse;
});

export const POST = withApi({ scope: 'admin' }, async ({ req, auth }) => {
  const body = await readJsonBody(req, MAX_WEBHOOK_BODY_BYTES);
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw badRequest('request body must be a JSON object');
  const parsed = WebhookCreateBody.safeParse(body);
  if (!parsed.success) throw zodToApiError(parsed.error, 'body');
  return secretResponse(await createWebhook(auth.orgId, parsed.data), { status: 201 });
});
