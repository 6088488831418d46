// GET /api/v1/keys → {keys}: the organisation's API keys (prefix, scopes, last use; never the secret).
// POST /api/v1/keys {name, scopes} → 201 with the new key, shown this once.
import { jsonBody } from '@/lib/api/body';
import { withApi } from '@/lib/api/route';
import { secretResponse } from '@/lib/api/secret-response';
import { createApiKey } from '@/lib/auth/api-keys';
import { listKeys, toKeyItem } from '@/lib/auth/key-admin';
import { getPrisma } from '@/lib/db/client';
import { CreateKeyBody, type CreatedKeyResponse, type KeysResponse, MAX_KEY_BODY_BYTES } from '@/lib/schemas/keys';

export const GET = withApi({ scope: 'admin' }, async ({ auth }) => ({ keys: await listKeys(auth.orgId) }) satisfies KeysResponse);

export const POST = withApi({ scope: 'admin', read: jsonBody(MAX_KEY_BODY_BYTES), body: CreateKeyBody }, async ({ auth, body }) => {
  const created = await createApiKey(getPrisma(), auth.orgId, body);
  const response: CreatedKeyResponse = {
    ...toKeyItem({ ...created, lastUsedAt: null, revokedAt: null }),
    key: created.key,
  };
  return secretResponse(response, { status: 201 });
});
