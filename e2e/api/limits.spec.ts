import { expect, test } from '@playwright/test';
import { lastLine } from '../support';
import { createInstance } from './alerts-instance';
import { send, type RawResponse } from './fuzz-http';
import { raw } from './raw-http';

// Limits on a dedicated app instance (its own process, output captured, a tiny rate limit):
// per-key rate limiting (429 rate_limited + Retry-After), anonymous callers limited by IP, the
// request id header on every answer and in the structured log, no key in any log line, security
// headers on API answers, errors and pages, and SIGTERM finishing a request in flight.
// (A statement slower than DB_STATEMENT_TIMEOUT_MS → 503: lib/api/db-unavailable.test.ts. Webhook
// attempts in flight at SIGTERM: alerts-restart.spec.ts.)

test.describe.configure({ mode: 'serial' });

let app: Awaited<ReturnType<typeof createInstance>>;
let port = 0;
let keys: string[] = [];

const get = (path: string, headers: Record<string, string> = {}) => send({ method: 'GET', path, headers }, 30_000, port);
const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test.beforeAll(async () => {
  test.setTimeout(300_000);
  app = await createInstance({ RATE_LIMIT_PER_SECOND: '2', RATE_LIMIT_BURST: '3', LOG_LEVEL: 'info' });
  port = Number(new URL(app.baseURL).port);
  await app.start();
  app.cli('org', 'create', 'limits');
  const admin = lastLine(app.cli('key', 'create', '--org', 'limits', '--scopes', 'read,ingest,admin', '--name', 'admin'));
  keys = [admin];
  for (let i = 0; i < 3; i++) {
    const res = await send({ method: 'POST', path: '/api/v1/keys', headers: { ...bearer(admin), 'content-type': 'application/json' }, body: Buffer.from(JSON.stringify({ name: `k${i}`, scopes: ['read', 'ingest'] })) }, 30_000, port);
    expect(res.status, res.text).toBe(201);
    keys.push((JSON.parse(res.text) as { key: string }).key);
  }
  await sleep(10_500); // the admin key's burst budget refills
});

test.afterAll(async () => {
  await app?.dispose();
});

test('a key over its budget gets 429 rate_limited with Retry-After; other keys are unaffected; it recovers', async () => {
  const [key, other] = [keys[1], keys[2]];
  const answers: RawResponse[] = await Promise.all(Array.from({ length: 8 }, () => get('/api/v1/pipelines', bearer(key))));
  const statuses = answers.map((r) => r.status).sort();
  expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(5); // 2 per second + 3 burst
  const limited = answers.find((r) => r.status === 429);
  expect(limited, `statuses ${statuses}`).toBeTruthy();
  expect(Number(limited!.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  expect(JSON.parse(limited!.text)).toMatchObject({ error: { code: 'rate_limited' } });
  expect(limited!.headers['x-request-id']).toBeTruthy();
  expect((await get('/api/v1/pipelines', bearer(other))).status).toBe(200);
  await sleep(Number(limited!.headers['retry-after']) * 1000 + 100);
  expect((await get('/api/v1/pipelines', bearer(key))).status).toBe(200);
});

test('callers without valid credentials are limited by client address: 401, then 429; a forged X-Forwarded-For is no way out', async () => {
  const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => get('/api/v1/pipelines', { 'x-forwarded-for': `198.51.100.${i + 1}`, authorization: `Bearer fm_guess${i}` })));
  const statuses = answers.map((r) => r.status);
  expect(statuses.filter((s) => s === 401).length).toBeGreaterThan(0);
  expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
  expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
  // Still limited with yet another claimed address (no TRUSTED_PROXIES: the socket's counts) …
  expect((await get('/api/v1/pipelines', { 'x-forwarded-for': '198.51.100.99' })).status).toBe(429);
  // … while another real address is not affected by that one's guessing.
  expect((await raw(app.baseURL, '/api/v1/pipelines', { localAddress: '127.0.0.3' })).status).toBe(401);
});

test('every answer carries x-request-id, also 400 and 401, and the log line names the same id; a sane client id is kept', async () => {
  await sleep(1_100);
  const key = keys[3];
  const ok = await get('/api/v1/pipelines', bearer(key));
  const bad = await get('/api/v1/analytics/insights/summary?days=0', bearer(key));
  const anonymous = await get('/api/v1/pipelines');
  const mine = await get('/api/v1/pipelines', { ...bearer(key), 'x-request-id': 'client-chosen-id-42' });
  expect([ok.status, bad.status, anonymous.status, mine.status]).toEqual([200, 400, 401, 200]);
  expect(mine.headers['x-request-id']).toBe('client-chosen-id-42');
  await sleep(500);
  const lines = app.output().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>);
  for (const res of [ok, bad, anonymous, mine]) {
    const id = res.headers['x-request-id'] as string;
    expect(id).toMatch(/\S/);
    const line = lines.find((l) => l.requestId === id && l.msg === 'request');
    expect(line, `log line for ${id}`).toMatchObject({ status: res.status, method: 'GET' });
  }
});

test('no API key reaches the logs: not the Authorization header, not a key put in the query or a body', async () => {
  const key = keys[3];
  await sleep(1_100);
  await get(`/api/v1/pipelines?api_key=${key}`, bearer(key));
  await get('/api/v1/pipelines', { authorization: `Bearer ${key}x` }); // an unknown key: 401
  await send({ method: 'POST', path: '/api/v1/executions', headers: { ...bearer(key), 'content-type': 'application/json' }, body: Buffer.from(`{"executions":[{"id":"${key}"`) }, 30_000, port);
  await sleep(500);
  const output = app.output();
  expect(output).toContain('"msg":"request"');
  for (const k of keys) expect(output.includes(k.slice(3)), 'a key appears in the server output').toBe(false);
});

test('security headers on API answers (2xx and errors), health and pages', async () => {
  for (const res of [await get('/api/v1/pipelines', bearer(keys[0])), await get('/api/v1/pipelines'), await get('/api/health'), await get('/sign-in'), await get('/')]) {
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  }
});

test('SIGTERM lets a request in flight finish, then the process exits; the data it acknowledged survives a restart', async () => {
  test.setTimeout(300_000);
  await sleep(1_100);
  const key = keys[1];
  // A large batch (1,000 executions × 20 stages): it is still being stored when SIGTERM arrives.
  const started = Date.now() - 3_600_000;
  const executions = Array.from({ length: 1000 }, (_, i) => ({
    id: `sigterm-${i}`, pipeline_id: 'sigterm', status: 'success', started_at: new Date(started + i).toISOString(), duration_ms: 100,
    stages: Array.from({ length: 20 }, (_, s) => ({ stage_id: `s${s}`, provider: 'openai', model: 'gpt-4o-mini', duration_ms: 5, input_tokens: 100, output_tokens: 10 })),
  }));
  const inFlight = send({ method: 'POST', path: '/api/v1/executions', headers: { ...bearer(key), 'content-type': 'application/json' }, body: Buffer.from(JSON.stringify({ executions })) }, 120_000, port)
    .then((r) => ({ ...r, at: Date.now() }));
  await sleep(400);
  const signalled = Date.now();
  const stopped = app.stop(60_000).then(() => Date.now());
  const res = await inFlight;
  expect(res.at, 'the request was still in flight when SIGTERM was sent').toBeGreaterThan(signalled);
  expect(res.status, res.error ?? res.text).toBe(200);
  expect(JSON.parse(res.text)).toMatchObject({ accepted: 1000, rejected: [] });
  expect((await stopped) - signalled).toBeLessThan(60_000);
  await app.start();
  await sleep(1_100);
  const listed = JSON.parse((await get('/api/v1/pipelines', bearer(key))).text) as { pipelines: { pipeline_id: string; executions: number }[] };
  expect(listed.pipelines.find((p) => p.pipeline_id === 'sigterm')?.executions).toBe(1000);
});
