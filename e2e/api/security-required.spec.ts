import { expect, test } from '@playwright/test';
import { createInstance } from './alerts-instance';
import { raw, type RawResponse } from './raw-http';

// Sign-in on an instance with FLOWMASON_AUTH=required (as `npm start` on DATABASE_URL runs) and
// TRUSTED_PROXIES=127.0.0.2: requests from 127.0.0.1 are clients whose X-Forwarded-* headers count
// for nothing; requests from 127.0.0.2 are a TLS-terminating proxy's.

test.describe.configure({ mode: 'serial', timeout: 300_000 });

let instance: Awaited<ReturnType<typeof createInstance>>;
const PASSWORD = 'correct horse battery';
const PROXY = '127.0.0.2';

test.beforeAll(async () => {
  test.setTimeout(300_000);
  instance = await createInstance({ FLOWMASON_AUTH: 'required', TRUSTED_PROXIES: `${PROXY}/32` });
  await instance.start(240_000);
  for (const who of ['ana', 'bo']) instance.cli('user', 'create', '--org', 'default', '--email', `${who}@example.com`, '--password', PASSWORD);
});
test.afterAll(async () => instance?.dispose());

function signIn(email: string, password: string, opts: { headers?: Record<string, string>; localAddress?: string; https?: boolean } = {}): Promise<RawResponse> {
  const host = new URL(instance.baseURL).host;
  return raw(instance.baseURL, '/api/auth/sign-in/email', {
    method: 'POST',
    localAddress: opts.localAddress,
    headers: { 'content-type': 'application/json', origin: `${opts.https ? 'https' : 'http'}://${host}`, ...opts.headers },
    body: JSON.stringify({ email, password }),
  });
}

test('npm start warns when required mode has no BETTER_AUTH_URL', () => {
  expect(instance.output()).toContain('BETTER_AUTH_URL is not set');
});

test('brute force: 20 wrong passwords with 20 different X-Forwarded-For values → at least 15 answered 429', async () => {
  const statuses: number[] = [];
  for (let i = 0; i < 20; i++) {
    const res = await signIn('ana@example.com', `wrong password ${i}`, { headers: { 'x-forwarded-for': `203.0.113.${i + 1}` } });
    statuses.push(res.status);
    if (res.status === 429) expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  }
  expect(statuses.filter((s) => s === 429).length, statuses.join(' ')).toBeGreaterThanOrEqual(15);
});

test("a trusted proxy's X-Forwarded-For is the client: one client is limited, the next is not", async () => {
  const from = (xff: string, i: number) => signIn(`nobody-${i}@example.com`, 'wrong password', { localAddress: PROXY, headers: { 'x-forwarded-for': xff } });
  const first: number[] = [];
  for (let i = 0; i < 6; i++) first.push((await from('198.51.100.10', i)).status);
  expect(first).toEqual([401, 401, 401, 401, 401, 429]);
  expect((await from('198.51.100.11', 6)).status).toBe(401);
});

test('the account limit holds whatever the address: 10 failures, then 429 — and no hint whether it exists', async () => {
  const run = async (email: string) => {
    const out: number[] = [];
    for (let i = 0; i < 11; i++) out.push((await signIn(email, `wrong ${i}`, { localAddress: PROXY, headers: { 'x-forwarded-for': `192.0.2.${i + 1}` } })).status);
    return out;
  };
  const known = await run('bo@example.com');
  expect(known).toEqual([...Array(10).fill(401), 429]);
  expect(await run('no-such-user@example.com')).toEqual(known);
  const locked = await signIn('bo@example.com', PASSWORD, { localAddress: PROXY, headers: { 'x-forwarded-for': '192.0.2.99' } });
  expect(locked.status).toBe(429);
  expect(Number(locked.headers['retry-after'])).toBeGreaterThan(60);
  expect(locked.cookies).toEqual([]);
});

test('Secure cookies and HSTS over TLS per the trusted proxy; a client claiming https gets neither', async () => {
  const viaProxy = await signIn('ana@example.com', PASSWORD, {
    localAddress: PROXY, https: true, headers: { 'x-forwarded-for': '198.51.100.50', 'x-forwarded-proto': 'https' },
  });
  expect(viaProxy.status).toBe(200);
  expect(viaProxy.cookies.length).toBeGreaterThan(0);
  for (const c of viaProxy.cookies) expect(c).toMatch(/;\s*Secure/i);
  expect(viaProxy.headers['strict-transport-security']).toMatch(/max-age=\d{7,}/);
  expect(viaProxy.headers['cache-control']).toBe('no-store');

  const page = await raw(instance.baseURL, '/sign-in', { headers: { 'x-forwarded-proto': 'https' } });
  expect(page.status).toBe(200);
  expect(page.headers['strict-transport-security']).toBeUndefined();
  const proxied = await raw(instance.baseURL, '/sign-in', { localAddress: PROXY, headers: { 'x-forwarded-proto': 'https' } });
  expect(proxied.headers['strict-transport-security']).toMatch(/max-age/);
});
