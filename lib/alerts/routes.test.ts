import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET, POST } from '@/app/api/v1/webhooks/route';
import { createApiKey } from '@/lib/auth/api-keys';
import { closeDb, getPrisma } from '@/lib/db/client';
import { newOrg } from '@/tests/helpers';

// The real route handler (wrapper, schema, SSRF guard, SQL) on a real database, in a process
// WITHOUT ALLOW_PRIVATE_WEBHOOKS — the e2e server sets the flag, so this is where refusal is seen.

let key: string;
const ctx = { params: Promise.resolve({}) };
const post = (body: unknown) =>
  POST(new NextRequest('http://localhost/api/v1/webhooks', { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify(body) }), ctx);

beforeAll(async () => {
  delete process.env.ALLOW_PRIVATE_WEBHOOKS;
  const org = await newOrg('routes');
  key = (await createApiKey(getPrisma(), org.id, { name: 't', scopes: ['admin'] })).key;
});
afterAll(closeDb);

describe('POST /api/v1/webhooks without ALLOW_PRIVATE_WEBHOOKS', () => {
  it.each([
    'http://127.0.0.1:8080/hook',
    'http://localhost/hook',
    'http://10.0.0.7/hook',
    'http://192.168.1.20/hook',
    'http://169.254.169.254/latest/meta-data/',
    'http://[::1]/hook',
    'http://[fd00::1]/hook',
    'http://100.64.1.1/hook',
    // IPv6 forms carrying a private IPv4 address, and the deprecated site-local range
    'http://[::7f00:1]/hook',
    'http://[::ffff:0:7f00:1]/hook',
    'http://[64:ff9b::7f00:1]/hook',
    'http://[2002:7f00:1::]/hook',
    'http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/hook',
    'http://[fec0::1]/hook',
  ])('refuses %s with a 400 naming the url', async (url) => {
    const res = await post({ url, min_severity: 'critical' });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe('invalid_request');
    expect(body.error.message).toMatch(/"url"/);
    expect(body.error.details).toEqual([{ path: 'url', message: expect.stringMatching(/ALLOW_PRIVATE_WEBHOOKS|routable/) }]);
  });

  it('stores nothing for a refused URL, and accepts a public address', async () => {
    const list = await GET(new NextRequest('http://localhost/api/v1/webhooks', { headers: { authorization: `Bearer ${key}` } }), ctx);
    expect((await list.json()).total).toBe(0);
    const ok = await post({ url: 'https://93.184.216.34/hook', categories: ['cost', 'cost'] });
    expect(ok.status).toBe(201);
    expect(ok.headers.get('cache-control')).toBe('no-store'); // it carries the signing secret
    expect(await ok.json()).toMatchObject({ url: 'https://93.184.216.34/hook', min_severity: 'critical', categories: ['cost'], enabled: true, secret: expect.stringMatching(/^whsec_/) });
  });
});
