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
  for (const name of ['FLOWMASON_AUTH', 'HOST', 'DEFAULT_ORG']) {
    if (env[name] === undefined) delete process.env[name];
    else process.env[name] = env[name];
  }
});

async function signIn(email: string, password: string) {
  const auth = await getAuth();
  const res = await auth.handler(
    new Request(`${BASE}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: BASE, host: '127.0.0.1:3999' },
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

  it('does not let another site post with the cookie', async () => {
    const { cookie } = await signIn(email, 'correct horse battery');
    expect(await resolveApiSession(apiRequest(cookie, { method: 'POST', origin: 'https://evil.example' }))).toBeNull();
    expect(await resolveApiSession(apiRequest(cookie, { method: 'POST', origin: BASE }))).not.toBeNull();
  });

  it('accepts a sign-in posted from the host the browser addressed, not from another site', async () => {
    // next start hands route handlers a URL on "localhost" whatever host the browser used.
    const post = (origin: string) =>
      getAuth().then((auth) =>
        auth.handler(
          new Request('http://localhost:3999/api/auth/sign-in/email', {
            method: 'POST',
            headers: { 'content-type': 'application/json', host: '127.0.0.1:3999', origin, 'sec-fetch-site': 'same-origin', 'sec-fetch-mode': 'cors' },
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
    process.env.DEFAULT_ORG = (await newOrg('demo')).slug;
    const res = await signInDemoUser(new Headers({ origin: BASE }));
    expect(res?.status).toBe(200);
    const cookie = res!.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    expect((await resolveApiSession(apiRequest(cookie)))?.orgId).toBeTruthy();
    process.env.FLOWMASON_AUTH = 'required';
    expect(await resolveApiSession(apiRequest(cookie))).toBeNull();
  });
});
