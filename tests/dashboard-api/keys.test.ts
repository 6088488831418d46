import { beforeAll, describe, expect, it } from 'vitest';
import { DELETE } from '@/app/api/v1/keys/[id]/route';
import { GET, POST } from '@/app/api/v1/keys/route';
import { GET as getSettings } from '@/app/api/v1/settings/route';
import { createApiKey } from '@/lib/auth/api-keys';
import { getPrisma } from '@/lib/db/client';
import { newOrg } from '../helpers';
import { call } from './call';

describe('/api/v1/keys', () => {
  let admin: string;
  let readOnly: string;
  let other: string;
  beforeAll(async () => {
    const org = await newOrg('keys');
    admin = (await createApiKey(getPrisma(), org.id, { name: 'admin', scopes: ['admin'] })).key;
    readOnly = (await createApiKey(getPrisma(), org.id, { name: 'ro', scopes: ['read'] })).key;
    const otherOrg = await newOrg('keys-other');
    other = (await createApiKey(getPrisma(), otherOrg.id, { name: 'other', scopes: ['admin'] })).key;
  });

  it('creates a key that works at once, lists it by prefix without the secret, and revokes it', async () => {
    const created = await call(POST, { method: 'POST', key: admin, body: { name: 'ci', scopes: ['read', 'read'] } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'ci', scopes: ['read'], revoked_at: null });
    const secret = created.body.key as string;
    expect(secret).toMatch(/^fm_[0-9A-Za-z]{32}$/);
    expect(created.body.prefix).toBe(secret.slice(0, 11));
    expect((await call(getSettings, { key: secret })).status).toBe(403); // read scope only: settings need admin

    const list = await call(GET, { key: admin });
    const keys = list.body.keys as Array<Record<string, unknown>>;
    expect(keys.map((k) => k.name)).toEqual(expect.arrayContaining(['ci', 'admin', 'ro']));
    expect(JSON.stringify(list.body)).not.toContain(secret);

    const revoked = await call(DELETE, { method: 'DELETE', key: admin, params: { id: created.body.id as string } });
    expect(revoked.status).toBe(200);
    expect(revoked.body.revoked_at).toEqual(expect.any(String));
    const again = await call(DELETE, { method: 'DELETE', key: admin, params: { id: created.body.id as string } });
    expect(again.body.revoked_at).toBe(revoked.body.revoked_at);
    expect((await call(GET, { key: secret })).status).toBe(401);
  });

  it('keeps organisations apart: another organisation’s key id is unknown', async () => {
    const mine = await call(POST, { method: 'POST', key: admin, body: { name: 'mine', scopes: ['ingest'] } });
    const theirs = await call(DELETE, { method: 'DELETE', key: other, params: { id: mine.body.id as string } });
    expect(theirs.status).toBe(404);
    const listed = (await call(GET, { key: other })).body.keys as Array<{ name: string }>;
    expect(listed.map((k) => k.name)).toEqual(['other']);
  });

  it.each([
    [{ name: '', scopes: ['read'] }, 'name'],
    [{ name: 'x', scopes: [] }, 'scopes'],
    [{ name: 'x', scopes: ['root'] }, 'scopes.0'],
    [{ name: 'x' }, 'scopes'],
    [{ name: 'x', scopes: ['read'], org_id: 'abc' }, 'org_id'],
  ])('answers 400 naming the field for %j', async (body, field) => {
    const res = await call(POST, { method: 'POST', key: admin, body });
    expect(res.status).toBe(400);
    expect(res.body.error?.code).toBe('invalid_request');
    expect(res.body.error?.message).toContain(field);
  });

  it('needs the admin scope, and a key id that is a uuid', async () => {
    expect((await call(GET, { key: readOnly })).status).toBe(403);
    expect((await call(GET, {})).status).toBe(401);
    const bad = await call(DELETE, { method: 'DELETE', key: admin, params: { id: 'nope' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error?.message).toContain('id');
    expect((await call(POST, { method: 'POST', key: admin, body: '{not json' })).status).toBe(400);
  });
});
