// DELETE /api/v1/keys/{id} → the key, now revoked (idempotent); 404 when it is not this organisation's.
import { notFound } from '@/lib/api/errors';
import { withApi } from '@/lib/api/route';
import { revokeKeyById } from '@/lib/auth/key-admin';
import { KeyIdParams } from '@/lib/schemas/keys';

export const DELETE = withApi({ scope: 'admin', params: KeyIdParams }, async ({ auth, params }) => {
  const key = await revokeKeyById(auth.orgId, params.id);
  if (!key) throw notFound('API key');
  return key;
});
