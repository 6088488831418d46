import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { POST } from '@/app/api/auth/[...all]/route';
import { newOrg } from '@/tests/helpers';
import { createUser } from './users';

// Sign-in brute force, through the real /api/auth route (better-auth, the per-account limit and the
// response rules) on the real test database. The client address is what scripts/serve.ts stamps
// into x-fm-client-ip; a client's own X-Forwarded-For is not it.

const BASE = 'http://127.0.0.1:3999';
const PASSWORD = 'correct horse battery';
let n = 0;
const freshIp = () => `203.0.113.${(++n % 250) + 1}`;

function signIn(email: string, password: string, headers: Record<string, string> = {}) {
  return POST(
    new Request(`${BASE}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: BASE, host: '127.0.0.1:3999', 'x-fm-client-ip': freshIp(), ...headers },
      body: JSON.stringify({ email, password }),
    }),
  );
}

const env = { ...process.env };
afterEach(() => {
  if (env.FLOWMASON_AUTH === undefined) delete process.env.FLOWMASON_AUTH;
  else process.env.FLOWMASON_AUTH = env.FLOWMASON_AUTH;
});

describe('sign-in limits', () => {
  const stamp = Date.now().toString(36);
  const email = (name: string) => `${name}-${stamp}@example.com`;
  beforeAll(async () => {
    process.env.FLOWMASON_AUTH = 'required';
    const org = await newOrg('signin');
    for (const name of ['ana', 'bo', 'cy', 'di']) await createUser({ orgId: org.id, email: email(name), password: PASSWORD });
  });

  it('20 wrong passwords from one address, each with a different X-Forwarded-For: at least 15 are 429', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) {
      const res = await signIn(email('ana'), `wrong password ${i}`, { 'x-fm-client-ip': '198.51.100.77', 'x-forwarded-for': `10.0.${i}.1` });
      statuses.push(res.status);
      if (res.status === 429) expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(15);
  }, 60_000);

  it('10 failures per account from any addresses, then 429 with Retry-After — the right password too', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await signIn(email('bo'), `wrong password ${i}`)).status);
    expect(statuses).toEqual([...Array(10).fill(401), 429, 429]);
    const locked = await signIn(email('bo'), PASSWORD);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(60);
    expect(locked.headers.getSetCookie()).toEqual([]);
    // Another account is not affected.
    expect((await signIn(email('cy'), PASSWORD)).status).toBe(200);
  }, 60_000);

  it('answers an unknown account exactly like a known one (no account enumeration)', async () => {
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 11; i++) {
      known.push((await signIn(email('di'), `wrong password ${i}`)).status);
      unknown.push((await signIn(email('nobody'), `wrong password ${i}`)).status);
    }
    expect(unknown).toEqual(known);
    expect(known).toEqual([...Array(10).fill(401), 429]);
    // The same answer, but for the countdown: each account's window started at its own first
    // failure (the two were interleaved, a scrypt hash apart), so "retry in N s" may differ by 1.
    const body = async (who: string) => JSON.stringify(await (await signIn(email(who), 'wrong password x')).json()).replace(/\d+ s\b/g, 'N s');
    expect(await body('di')).toEqual(await body('nobody'));
  }, 60_000);

  it('a successful sign-in clears the count; its answer is no-store, and Secure over TLS', async () => {
    const user = email('cy');
    for (let i = 0; i < 9; i++) expect((await signIn(user, `wrong ${i}`)).status).toBe(401);
    const plain = await signIn(user, PASSWORD);
    expect(plain.status).toBe(200);
    expect(plain.headers.get('cache-control')).toBe('no-store');
    expect(plain.headers.getSetCookie().join('\n')).not.toMatch(/;\s*Secure/i);
    for (let i = 0; i < 9; i++) expect((await signIn(user, `wrong again ${i}`)).status).toBe(401);
    // Over TLS per a trusted proxy (serve.ts stamps x-fm-proto: https): every cookie is Secure.
    const tls = await signIn(user, PASSWORD, { 'x-fm-proto': 'https', origin: BASE });
    expect(tls.status).toBe(200);
    const cookies = tls.headers.getSetCookie();
    expect(cookies.length).toBeGreaterThan(0);
    for (const c of cookies) expect(c).toMatch(/;\s*Secure/i);
  }, 60_000);
});
