import 'server-only';
import { getPrisma } from '@/lib/db/client';
import type { ApiKeyItem, Scope } from '@/lib/schemas/keys';

// Listing and revoking an organisation's API keys for the admin API (creation is createApiKey in
// api-keys.ts). Every query names the organisation, so a key id from another one is simply unknown.

type KeyRow = {
  id: string; name: string; prefix: string; scopes: string[];
  createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null;
};

export const toKeyItem = (k: KeyRow): ApiKeyItem => ({
  id: k.id,
  name: k.name,
  prefix: k.prefix,
  scopes: k.scopes as Scope[],
  created_at: k.createdAt.toISOString(),
  last_used_at: k.lastUsedAt?.toISOString() ?? null,
  revoked_at: k.revokedAt?.toISOString() ?? null,
});

const columns = { id: true, name: true, prefix: true, scopes: true, createdAt: true, lastUsedAt: true, revokedAt: true } as const;

/** Active keys first (newest first), then revoked ones. */
export async function listKeys(orgId: string): Promise<ApiKeyItem[]> {
  const rows = await getPrisma().apiKey.findMany({
    where: { orgId },
    select: columns,
    orderBy: [{ revokedAt: { sort: 'desc', nulls: 'first' } }, { createdAt: 'desc' }],
  });
  return rows.map(toKeyItem);
}

/** Revokes one key; revoking a revoked key keeps its first revocation time. null: not this org's. */
export async function revokeKeyById(orgId: string, id: string): Promise<ApiKeyItem | null> {
  const prisma = getPrisma();
  await prisma.apiKey.updateMany({ where: { orgId, id, revokedAt: null }, data: { revokedAt: new Date() } });
  const row = await prisma.apiKey.findUnique({ where: { orgId_id: { orgId, id } }, select: columns });
  return row ? toKeyItem(row) : null;
}
