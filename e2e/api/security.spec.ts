import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { expect, test } from '@playwright/test';
import { baseURL } from '../../playwright.config';
import { bearer, demoKey, newOrgWithKey } from '../support';
import { cookieHeader, raw } from './raw-http';

// The "Why" lines of issue #18 against the running demo instance (embedded database, loopback):
// DNS rebinding, the open redirect, the embedded database's doors, SSRF forms at creation, and
// Cache-Control on every answer that carries a secret (walked from the OpenAPI document).

const port = new URL(baseURL).port;
const REBIND = `rebind.attacker.example:${port}`;

async function demoCookie(): Promise<string> {
  const res = await raw(baseURL, '/api/auth/demo?next=/');
  expect(res.status).toBe(303);
  expect(res.cookies.length).toBeGreaterThan(0);
  return cookieHeader(res.cookies);
}

test('DNS rebinding: a foreign Host gets no demo cookie, and a demo cookie with it gets no data', async () => {
  const rebound = await raw(baseURL, '/api/auth/demo?next=/', { headers: { host: REBIND } });
  expect(rebound.status).toBe(421);
  expect(rebound.cookies).toEqual([]);
  for (const host of ['localhost.attacker.example', '127.0.0.1.nip.io', `0.0.0.0:${port}`]) {
    expect((await raw(baseURL, '/api/auth/demo', { headers: { host } })).status, host).toBe(421);
  }
  const cookie = await demoCookie();
  const own = await raw(baseURL, '/api/v1/keys', { headers: { cookie } });
  expect(own.status).toBe(200); // the same cookie on a loopback Host works
  for (const p of ['/api/v1/keys', '/api/v1/pipelines', '/', '/settings']) {
    const forged = await raw(baseURL, p, { headers: { host: REBIND, cookie } });
    expect(forged.status, p).toBe(421);
    expect(forged.body, p).not.toMatch(/"keys"|"pipelines"|fm_/);
  }
  // A key minted through a rebinding page: refused before any handler runs.
  const mint = await raw(baseURL, '/api/v1/keys', {
    method: 'POST',
    headers: { host: REBIND, cookie, origin: `http://${REBIND}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'stolen', scopes: ['admin'] }),
  });
  expect(mint.status).toBe(421);
});

test('cookie writes need a loopback Origin in the demo, not one merely equal to Host', async () => {
  const cookie = await demoCookie();
  const patch = (headers: Record<string, string>) =>
    raw(baseURL, '/api/v1/settings', { method: 'PATCH', headers: { cookie, 'content-type': 'application/json', ...headers }, body: '{}' });
  expect((await patch({})).status).toBe(401); // no Origin
  expect((await patch({ origin: 'http://evil.example' })).status).toBe(401);
  expect((await patch({ origin: `http://localhost:${Number(port) + 1}` })).status).toBe(401);
  expect((await patch({ origin: baseURL })).status).toBe(200);
});

test('open redirect: next=/%09/evil.example lands on /', async () => {
  for (const next of ['/%09/evil.example/x', '/%0a/evil.example', '/%5Cevil.example', '//evil.example', 'https://evil.example/']) {
    const res = await raw(baseURL, `/api/auth/demo?next=${next}`);
    expect(res.status, next).toBe(303);
    expect(res.headers.location, next).toBe('/');
  }
  expect((await raw(baseURL, '/api/auth/demo?next=/costs%3Fdays%3D30')).headers.location).toBe('/costs?days=30');
});

test('the embedded database: folder 0700, server.json 0600, no connection without the password', async () => {
  test.skip(Boolean(process.env.E2E_DATABASE_URL), 'the suite runs on a real PostgreSQL server');
  const dir = path.join(process.cwd(), process.env.E2E_DATA_DIR ?? '.data-e2e');
  expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
  expect(fs.statSync(path.join(dir, 'pgdata')).mode & 0o777).toBe(0o700);
  const info = path.join(dir, 'server.json');
  expect(fs.statSync(info).mode & 0o777).toBe(0o600);
  const url = new URL((JSON.parse(fs.readFileSync(info, 'utf8')) as { url: string }).url);
  expect(url.password.length).toBeGreaterThanOrEqual(32);
  const connect = async (password?: string) => {
    const client = new pg.Client({ host: url.hostname, port: Number(url.port), user: 'postgres', database: 'postgres', password, connectionTimeoutMillis: 5_000 });
    try {
      await client.connect();
      return (await client.query('SELECT count(*)::int AS n FROM organizations')).rows[0].n as number;
    } catch (err) {
      return (err as { code?: string }).code ?? String(err);
    } finally {
      await client.end().catch(() => {});
    }
  };
  expect(await connect(undefined)).toMatch(/28P01|password/);
  expect(await connect('guess')).toBe('28P01');
  expect(await connect(url.password)).toBeGreaterThan(0);
});

test('SSRF: IPv6 forms of unroutable IPv4 addresses are refused at creation (even with ALLOW_PRIVATE_WEBHOOKS)', async ({ request }) => {
  for (const url of ['http://[2002::1]/hook', 'http://[64:ff9b::e000:1]/hook', 'http://[::ffff:0:e000:1]/hook', 'http://[::0.0.0.2]/hook']) {
    const res = await request.post('/api/v1/webhooks', { headers: bearer(demoKey()), data: { url } });
    expect(res.status(), url).toBe(400);
    expect(((await res.json()) as { error: { details: { path: string }[] } }).error.details[0].path).toBe('url');
  }
});

// Bodies for the operations whose answer carries a secret; an operation documented with
// Cache-Control: no-store and missing here fails the test, so none is skipped silently.
const EXAMPLES: Record<string, unknown> = {
  'post /api/v1/webhooks': { url: 'http://127.0.0.1:9/hook', min_severity: 'critical' },
  'post /api/v1/keys': { name: 'no-store check', scopes: ['read'] },
};

test('every answer that carries a secret has Cache-Control: no-store (walked from the OpenAPI document)', async ({ request }) => {
  type Op = { responses: Record<string, { headers?: Record<string, { schema?: { const?: string } }> }> };
  const doc = (await (await request.get('/api/v1/openapi.json')).json()) as { paths: Record<string, Record<string, Op>> };
  const { key } = newOrgWithKey('admin'); // its own organisation: the webhook made here is nobody's concern
  const walked: string[] = [];
  for (const [p, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      for (const [status, res] of Object.entries(op.responses)) {
        if (res.headers?.['Cache-Control']?.schema?.const !== 'no-store') continue;
        const name = `${method} ${p}`;
        expect(EXAMPLES[name], `an example body for ${name}`).toBeDefined();
        const answer = await request.fetch(p, { method, headers: bearer(key), data: EXAMPLES[name] });
        expect(answer.status(), name).toBe(Number(status));
        expect(answer.headers()['cache-control'], name).toBe('no-store');
        walked.push(name);
      }
    }
  }
  expect(walked.sort()).toEqual(['post /api/v1/keys', 'post /api/v1/webhooks']);
  // The demo's session answer carries a session cookie: no-store too.
  expect((await raw(baseURL, '/api/auth/demo')).headers['cache-control']).toBe('no-store');
});
