import 'server-only';
import { InvalidInputError, NotFoundError } from '@/lib/errors';
import { getPrisma } from '@/lib/db/client';
import { MAX_WEBHOOKS_PER_ORG, type Webhook, type WebhookCreateBody, type WebhookCreatedResponse } from '@/lib/schemas/alerts';
import { allowPrivateWebhooks } from './config';
import { generateSecret } from './signing';
import { checkWebhookUrl } from './ssrf';

// Webhook endpoints of an organisation. The signing secret is returned by create only; lists
// never show it. Deleting an endpoint deletes its deliveries and their attempt log with it.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A path id that is not a UUID cannot name an endpoint: 404 like any unknown id. */
export function requireWebhookId(id: string): string {
  if (!UUID.test(id)) throw new NotFoundError('webhook not found');
  return id.toLowerCase();
}

type Row = { id: string; url: string; min_severity: Webhook['min_severity']; categories: Webhook['categories'] | null; enabled: boolean; disabled_reason: string | null; created_at: Date };
const toWebhook = (r: Row): Webhook => ({ ...r, categories: r.categories ?? [], created_at: new Date(r.created_at).toISOString() });

export async function createWebhook(orgId: string, body: WebhookCreateBody): Promise<WebhookCreatedResponse> {
  const check = await checkWebhookUrl(body.url, { allowPrivate: allowPrivateWebhooks() });
  if (!check.ok) throw new InvalidInputError(`body field "url" ${check.reason}`, [{ path: 'url', message: check.reason }]);
  const secret = generateSecret();
  // The count and the insert are one statement, so concurrent creates cannot pass the limit together
  // by much; the limit is a guard against mistakes, not a quota.
  const rows = await getPrisma().$queryRaw<Row[]>`
    INSERT INTO webhooks (org_id, url, secret, min_severity, categories)
    SELECT ${orgId}::uuid, ${check.url.toString()}, ${secret}, ${body.min_severity}, ${body.categories}::text[]
     WHERE (SELECT count(*) FROM webhooks WHERE org_id = ${orgId}::uuid) < ${MAX_WEBHOOKS_PER_ORG}
    RETURNING id::text, url, min_severity, categories, enabled, disabled_reason, created_at`;
  if (rows.length === 0) throw new InvalidInputError(`an organisation has at most ${MAX_WEBHOOKS_PER_ORG} webhooks; delete one first`);
  return { ...toWebhook(rows[0]), secret };
}

export async function listWebhooks(orgId: string): Promise<Webhook[]> {
  const rows = await getPrisma().$queryRaw<Row[]>`
    SELECT id::text, url, min_severity, categories, enabled, disabled_reason, created_at
      FROM webhooks WHERE org_id = ${orgId}::uuid ORDER BY created_at, id`;
  return rows.map(toWebhook);
}

export async function deleteWebhook(orgId: string, id: string): Promise<void> {
  const prisma = getPrisma();
  const [, , deleted] = await prisma.$transaction([
    prisma.$executeRaw`
      DELETE FROM webhook_attempts a USING webhook_deliveries d
       WHERE a.org_id = ${orgId}::uuid AND d.org_id = a.org_id AND d.id = a.delivery_id AND d.webhook_id = ${id}::uuid`,
    prisma.$executeRaw`DELETE FROM webhook_deliveries WHERE org_id = ${orgId}::uuid AND webhook_id = ${id}::uuid`,
    prisma.$executeRaw`DELETE FROM webhooks WHERE org_id = ${orgId}::uuid AND id = ${id}::uuid`,
  ]);
  if (deleted === 0) throw new NotFoundError('webhook not found');
}

export async function webhookExists(orgId: string, id: string): Promise<boolean> {
  const rows = await getPrisma().$queryRaw<unknown[]>`SELECT 1 FROM webhooks WHERE org_id = ${orgId}::uuid AND id = ${id}::uuid`;
  return rows.length > 0;
}
