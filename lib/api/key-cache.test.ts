import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApiKey, revokeApiKey } from '@/lib/auth/api-keys';
import { getPrisma } from '@/lib/db/client';
import { announceOrgChanged } from '@/lib/db/org-changes';
import { newOrg } from '@/tests/helpers';
import { forgetOrgKeys, verifyKeyCached } from './key-cache';

// Real keys in a real database: a verified key is served from memory for the TTL, a revoked one
// stops working once the TTL has passed (or at once after forgetOrgKeys), unknown keys are never
// remembered.

describe('API key verification cache', () => {
  beforeAll(() => {
    process.env.API_KEY_CACHE_TTL_MS = '2000';
  });
  afterAll(() => {
    delete process.env.API_KEY_CACHE_TTL_MS;
  });

  it('serves a verified key from memory, sees a revocation after the TTL or at once when told', async () => {
    const org = await newOrg('keycache');
    const created = await createApiKey(getPrisma(), org.id, { name: 'k', scopes: ['read'] });
    const all = await Promise.all(Array.from({ length: 20 }, () => verifyKeyCached(created.key)));
    expect(all.every((a) => a?.orgId === org.id)).toBe(true);
    await revokeApiKey(getPrisma(), created.key.slice(0, 11), org.id);
    // Only Date is faked: the TTL is read from Date.now(), the database keeps its real timers.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      expect(await verifyKeyCached(created.key)).not.toBeNull(); // within the TTL: still remembered
      vi.setSystemTime(Date.now() + 2_100);
      expect(await verifyKeyCached(created.key)).toBeNull();
    } finally {
      vi.useRealTimers();
    }

    const second = await createApiKey(getPrisma(), org.id, { name: 'k2', scopes: ['read'] });
    expect(await verifyKeyCached(second.key)).not.toBeNull();
    await revokeApiKey(getPrisma(), second.key.slice(0, 11), org.id);
    forgetOrgKeys(org.id);
    expect(await verifyKeyCached(second.key)).toBeNull();
  });

  it('forgets an organisation\'s keys when a change of it is announced (as the CLI does after key revoke)', async () => {
    const org = await newOrg('keycache3');
    const created = await createApiKey(getPrisma(), org.id, { name: 'k', scopes: ['read'] });
    expect(await verifyKeyCached(created.key)).not.toBeNull();
    await revokeApiKey(getPrisma(), created.key.slice(0, 11), org.id);
    expect(await verifyKeyCached(created.key)).not.toBeNull(); // remembered
    await announceOrgChanged(org.id);
    expect(await verifyKeyCached(created.key)).toBeNull();
  });

  it('never remembers an unknown key: one created afterwards works at once', async () => {
    expect(await verifyKeyCached('fm_unknownunknownunknownunknown00')).toBeNull();
    const org = await newOrg('keycache2');
    const created = await createApiKey(getPrisma(), org.id, { name: 'k', scopes: ['ingest'] });
    expect((await verifyKeyCached(created.key))?.scopes).toEqual(['ingest']);
  });
});
