import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb, getPool, getPrisma } from '@/lib/db/client';
import { newOrg } from '@/tests/helpers';
import { createApiKey, generateKey, hashKey, parseScopes, PREFIX_LENGTH, revokeApiKey, verifyApiKey } from './api-keys';

// API keys on a real database: stored only as a hash, verified by hash, revoked by prefix, and
// last_used_at written at most once a minute per key.
const row = async (id: string) =>
  (await getPool().query('SELECT * FROM api_keys WHERE id = $1', [id])).rows[0] as Record<string, unknown>;

describe('API keys', () => {
  let orgId: string;
  beforeAll(async () => {
    orgId = (await newOrg('keys')).id;
  });
  afterAll(closeDb);

  it('generates fm_ + 32 base62 characters, never twice the same', () => {
    const keys = Array.from({ length: 200 }, generateKey);
    for (const k of keys) expect(k).toMatch(/^fm_[0-9A-Za-z]{32}$/);
    expect(new Set(keys).size).toBe(200);
  });

  it('stores only the SHA-256 hash and the visible prefix', async () => {
    const created = await createApiKey(getPrisma(), orgId, { name: 'ci', scopes: ['ingest'] });
    const stored = await row(created.id);
    expect(stored.key_hash).toBe(hashKey(created.key));
    expect(stored.prefix).toBe(created.key.slice(0, PREFIX_LENGTH));
    const secretPart = created.key.slice(PREFIX_LENGTH);
    expect(JSON.stringify(stored)).not.toContain(secretPart);
    expect(await verifyApiKey(getPrisma(), created.key)).toEqual({ orgId, keyId: created.id, scopes: ['ingest'] });
    expect(await verifyApiKey(getPrisma(), `${created.key.slice(0, -1)}x`)).toBeNull();
    expect(await verifyApiKey(getPrisma(), created.key.replace('fm_', 'xx_'))).toBeNull();
  });

  it('updates last_used_at on use, at most once a minute', async () => {
    const { key, id } = await createApiKey(getPrisma(), orgId, { name: 'lu', scopes: ['read'] });
    expect((await row(id)).last_used_at).toBeNull();
    await verifyApiKey(getPrisma(), key);
    const first = (await row(id)).last_used_at as Date;
    expect(Math.abs(first.getTime() - Date.now())).toBeLessThan(10_000);
    await verifyApiKey(getPrisma(), key);
    expect((await row(id)).last_used_at).toEqual(first);
    await getPool().query(`UPDATE api_keys SET last_used_at = now() - interval '2 minutes' WHERE id = $1`, [id]);
    await verifyApiKey(getPrisma(), key);
    expect(((await row(id)).last_used_at as Date).getTime()).toBeGreaterThan(Date.now() - 10_000);
  });

  it('revokes by prefix: the key stops working, others keep working', async () => {
    const a = await createApiKey(getPrisma(), orgId, { name: 'a', scopes: ['ingest'] });
    const b = await createApiKey(getPrisma(), orgId, { name: 'b', scopes: ['ingest'] });
    expect(await revokeApiKey(getPrisma(), a.prefix)).toBe(1);
    expect(await verifyApiKey(getPrisma(), a.key)).toBeNull();
    expect(await verifyApiKey(getPrisma(), b.key)).not.toBeNull();
    expect(await revokeApiKey(getPrisma(), a.prefix)).toBe(0);
  });

  it('parses scopes strictly', () => {
    expect(parseScopes('read, ingest,read')).toEqual(['read', 'ingest']);
    expect(() => parseScopes('read,write')).toThrow(/scopes must be/);
    expect(() => parseScopes('')).toThrow(/scopes must be/);
  });
});
