import { NextRequest } from 'next/server';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getAuth } from './better-auth';
import { resolveApiSession } from './api-session';
import { signInDemoUser } from './demo';
import { createUser } from './users';
import { newOrg } from '@/tests/helpers';

// Real better-auth against the real test database: users created as the CLI does, signed in over
// better-auth's own HTTP handler, then resolved the way the /api/v1 wrapper does.

const BASE = 'http://127.0.0.1:3999';
const env = { ...process.env };
afterEach(() => {
  for (const name of ['FLOWMASON_AUTH', 'HOST', 'DEFAULT_ORG', 'BETTER_AUTH_URL']) {
    if (env[name] === undefined) delete process.env[name];
    else process.env[name] = env[name];
  }
});

// Each sign-in from its own client address (as scripts/serve.ts stamps it): better-auth allows 5
// sign-ins a minute per address, and this file signs in more often than that.
let client = 0;
const clientIp = () => `198.51.100.${++client}`;

async function signIn(email: string, password: string) {
  const auth = await getAuth();
  const res = await auth.handler(
    new Request(`${BASE}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: BASE, host: '127.0.0.1:3999', 'x-fm-client-ip': clientIp() },
      body: JSON.stringify({ email, password }),
    }),
  );
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return { status: res.status, cookie };
}

const apiRequest = (cookie: string, init: { method?: string; origin?: string } = {}) =>
  new NextRequest(`${BASE}/api/v1/pipelines`, {
    method: init.method ?? 'GET',
    headers: { cookie, host: '127.0.0.1:3999', ...(init.origin ? { origin: init.origin } : {}) },
  });

describe('dashboard sessions', () => {
  let org: Awaited<ReturnType<typeof newOrg>>;
  const email = `ana-${Date.now()}@example.com`;
  beforeAll(async () => {
    org = await newOrg('auth');
    await createUser({ orgId: org.id, email, password: 'correct horse battery' });
  });

  it('signs a member in and maps the cookie to their organisation with every scope', async () => {
    const { status, cookie } = await signIn(email, 'correct horse battery');
    expect(status).toBe(200);
    expect(cookie).toMatch(/^flowmason\.session_token=/);
    const auth = await resolveApiSession(apiRequest(cookie));
    expect(auth).toMatchObject({ orgId: org.id, scopes: ['read', 'ingest', 'admin'], via: 'session' });
  });

  it('refuses a wrong password, a missing cookie and a forged one', async () => {
    expect((await signIn(email, 'wrong password!')).status).toBe(401);
    expect(await resolveApiSession(apiRequest(''))).toBeNull();
    expect(await resolveApiSession(apiRequest('flowmason.session_token=forged.value'))).toBeNull();
  });

  it('does not let another site post with the cookie, nor a request without Origin', async () => {
    const { cookie } = await signIn(email, 'correct horse battery');
    expect(await resolveApiSession(apiRequest(cookie, { method: 'POST', origin: 'https://evil.example' }))).toBeNull();
    expect(await resolveApiSession(apiRequest(cookie, { method: 'POST' }))).toBeNull();
    expect(await resolveApiSession(apiRequest(cookie, { method: 'POST', origin: BASE }))).not.toBeNull();
    expect(await resolveApiSession(apiRequest(cookie))).not.toBeNull(); // reads need no Origin
  });

  it('accepts a sign-in posted from the host the browser addressed, not from another site', async () => {
    // next start hands route handlers a URL on "localhost" whatever host the browser used.
    const post = (origin: string) =>
      getAuth().then((auth) =>
        auth.handler(
          new Request('http://localhost:3999/api/auth/sign-in/email', {
            method: 'POST',
            headers: { 'content-type': 'application/json', host: '127.0.0.1:3999', origin, 'sec-fetch-site': 'same-origin', 'sec-fetch-mode': 'cors', 'x-fm-client-ip': clientIp() },
            body: JSON.stringify({ email, password: 'correct horse battery' }),
          }),
        ),
      );
    expect((await post('http://127.0.0.1:3999')).status).toBe(200);
    expect((await post('https://evil.example')).status).toBe(403);
  });

  it('rejects duplicate users and short passwords', async () => {
    await expect(createUser({ orgId: org.id, email: email.toUpperCase(), password: 'another password' })).rejects.toThrow(/already exists/);
    await expect(createUser({ orgId: org.id, email: 'b@example.com', password: 'short' })).rejects.toThrow(/8–128/);
  });

  it('gives the demo a session for the default organisation, refused once auth is required', async () => {
    process.env.FLOWMASON_AUTH = 'demo';
    process.env.HOST = '127.0.0.1';
    process.env.DEFAULT_ORG = (await newOrg('demo')).slug;
    const res = await signInDemoUser(new Headers({ origin: BASE }));
    expect(res?.status).toBe(200);
    const cookie = res!.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    expect((await resolveApiSession(apiRequest(cookie)))?.orgId).toBeTruthy();
    // DNS rebinding: the same cookie on a request addressed to another name opens nothing.
    const rebound = new NextRequest(`${BASE}/api/v1/keys`, { headers: { cookie, host: 'rebind.attacker.example:3999' } });
    expect(await resolveApiSession(rebound)).toBeNull();
    delete process.env.HOST; // an unset HOST is not loopback: `required`
    expect(await resolveApiSession(apiRequest(cookie))).toBeNull();
    process.env.HOST = '127.0.0.1';
    process.env.FLOWMASON_AUTH = 'required';
    expect(await resolveApiSession(apiRequest(cookie))).toBeNull();
  });

  it('writes with the cookie need the configured public origin when BETTER_AUTH_URL is set', async () => {
    const { cookie } = await signIn(email, 'correct horse battery');
    process.env.BETTER_AUTH_URL = 'http://127.0.0.1:3999';
    const forged = new NextRequest(`${BASE}/api/v1/settings`, { method: 'PATCH', headers: { cookie, host: 'evil.example', origin: 'http://evil.example' } });
    expect(await resolveApiSession(forged)).toBeNull();
    expect(await resolveApiSession(apiRequest(cookie, { method: 'PATCH', origin: BASE }))).not.toBeNull();
  });
});
