import { createHash, randomBytes } from 'node:crypto';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { SCOPES, type Scope } from '@/lib/schemas/keys';

export { SCOPES, type Scope }; // defined with the key schemas (lib/schemas/keys.ts)

// API keys: `fm_` + 32 random base62 characters. Only the SHA-256 hash is stored; the prefix
// (the first 11 characters) is what lists and logs show. A key is shown once, at creation.

export type KeyAuth = { orgId: string; keyId: string; scopes: Scope[] };

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
export const PREFIX_LENGTH = 11;

/** 32 uniform base62 characters (≈190 bits): bytes ≥ 248 are skipped so that `% 62` is unbiased. */
export function generateKey(): string {
  let body = '';
  while (body.length < 32) {
    for (const b of randomBytes(40)) if (b < 248 && body.length < 32) body += ALPHABET[b % 62];
  }
  return `fm_${body}`;
}

export const hashKey = (key: string) => createHash('sha256').update(key).digest('hex');

export function parseScopes(raw: string): Scope[] {
  const scopes = raw.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = scopes.filter((s) => !(SCOPES as readonly string[]).includes(s));
  if (bad.length > 0 || scopes.length === 0) {
    throw new Error(`scopes must be a comma-separated list of ${SCOPES.join(', ')} (got "${raw}")`);
  }
  return [...new Set(scopes)] as Scope[];
}

export async function createApiKey(prisma: PrismaClient, orgId: string, opts: { name: string; scopes: Scope[] }) {
  const key = generateKey();
  const row = await prisma.apiKey.create({
    data: { orgId, name: opts.name, scopes: opts.scopes, prefix: key.slice(0, PREFIX_LENGTH), keyHash: hashKey(key) },
  });
  return { key, id: row.id, prefix: row.prefix, name: row.name, scopes: opts.scopes, createdAt: row.createdAt };
}

/** Revokes every active key with this prefix; returns how many were revoked. */
export async function revokeApiKey(prisma: PrismaClient, prefix: string, orgId?: string) {
  const { count } = await prisma.apiKey.updateMany({
    where: { prefix, revokedAt: null, ...(orgId ? { orgId } : {}) },
    data: { revokedAt: new Date() },
  });
  return count;
}

const LAST_USED_RESOLUTION_MS = 60_000;

export async function verifyApiKey(prisma: PrismaClient, key: string): Promise<KeyAuth | null> {
  if (!key.startsWith('fm_') || key.length > 200) return null;
  const row = await prisma.apiKey.findUnique({ where: { keyHash: hashKey(key) } });
  if (!row || row.revokedAt) return null;
  // last_used_at is kept to the minute: one write per key per minute, not one per request.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await prisma.apiKey
      .update({ where: { orgId_id: { orgId: row.orgId, id: row.id } }, data: { lastUsedAt: new Date() } })
      .catch(() => {});
  }
  return { orgId: row.orgId, keyId: row.id, scopes: row.scopes as Scope[] };
}
