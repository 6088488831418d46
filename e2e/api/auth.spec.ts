import { createHash } from 'node:crypto';
import { expect, test, type APIResponse } from '@playwright/test';
import { sql } from '../db';
import { bearer, cli, lastLine, newOrgWithKey } from '../support';
import { exec, stored } from './ingest-helpers';

// Keys end to end: the CLI prints a new key alone on its last line and revokes by prefix; the
// API answers 401 without a valid key, 403 without the scope, always in the error envelope.

// The CLI (a tsx process per call) is slow on a loaded 2-core machine: room for it.
test.describe.configure({ timeout: 240_000 });

async function expectError(res: APIResponse, status: number, code: string) {
  expect(res.status()).toBe(status);
  const body = (await res.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(5);
}

const keyRow = (prefix: string) =>
  sql<{ key_hash: string; prefix: string; scopes: string[]; last_used_at: Date | null; revoked_at: Date | null }>(
    'SELECT key_hash, prefix, scopes, last_used_at, revoked_at FROM api_keys WHERE prefix = $1', [prefix]);

test('key create prints the key alone on its last line; only its hash is stored', async ({ request }) => {
  const { slug } = newOrgWithKey('read');
  const out = cli('key', 'create', '--org', slug, '--scopes', 'ingest,read', '--name', 'pipeline-ci');
  const key = lastLine(out);
  expect(out.trim().split('\n').at(-1)).toBe(key);
  expect(key).toMatch(/^fm_[0-9A-Za-z]{32}$/);
  const [row] = await keyRow(key.slice(0, 11));
  expect(row.key_hash).toBe(createHash('sha256').update(key).digest('hex'));
  expect(row.scopes).toEqual(['ingest', 'read']);
  expect(JSON.stringify(row)).not.toContain(key.slice(11));
  expect(row.last_used_at).toBeNull();
  const res = await request.post('/api/v1/executions', { headers: bearer(key), data: { executions: [exec('k-1')] } });
  expect(res.status()).toBe(200);
  const [used] = await keyRow(key.slice(0, 11));
  expect(used.last_used_at).not.toBeNull();
  expect(cli('key', 'list', '--org', slug)).toContain(`${key.slice(0, 11)}…  pipeline-ci  ingest,read  active`);
});

test('key revoke <prefix>: the key answers 401 from then on', async ({ request }) => {
  const { slug, key } = newOrgWithKey('ingest');
  const before = await request.post('/api/v1/executions', { headers: bearer(key), data: { executions: [exec('rv-1')] } });
  expect(before.status()).toBe(200);
  expect(cli('key', 'revoke', key.slice(0, 11))).toContain('revoked 1 key');
  await expectError(await request.post('/api/v1/executions', { headers: bearer(key), data: { executions: [exec('rv-2')] } }), 401, 'unauthorized');
  expect((await stored(slug, ['rv-1', 'rv-2'])).map((r) => r.id)).toEqual(['rv-1']);
  expect((await keyRow(key.slice(0, 11)))[0].revoked_at).not.toBeNull();
  expect(() => cli('key', 'revoke', key.slice(0, 11))).toThrow(/no active key/);
});

test('no key, a malformed header or an unknown key → 401 in the error envelope', async ({ request }) => {
  const data = { executions: [exec('anon-1')] };
  await expectError(await request.post('/api/v1/executions', { data }), 401, 'unauthorized');
  await expectError(await request.post('/api/v1/executions', { headers: { Authorization: 'Basic Zm06Zm0=' }, data }), 401, 'unauthorized');
  await expectError(await request.post('/api/v1/executions', { headers: bearer(''), data }), 401, 'unauthorized');
  await expectError(await request.post('/api/v1/executions', { headers: bearer(`fm_${'A'.repeat(32)}`), data }), 401, 'unauthorized');
  await expectError(await request.post('/api/v1/executions', { headers: bearer('x'.repeat(5000)), data }), 401, 'unauthorized');
  await expectError(await request.get('/api/v1/pipelines'), 401, 'unauthorized');
  expect(await sql('SELECT 1 FROM executions WHERE id = $1', ['anon-1'])).toEqual([]);
});

test('a key without the scope → 403: a read-only key cannot post, an ingest-only key cannot read', async ({ request }) => {
  const reader = newOrgWithKey('read');
  await expectError(await request.post('/api/v1/executions', { headers: bearer(reader.key), data: { executions: [exec('ro-1')] } }), 403, 'forbidden');
  expect(await stored(reader.slug, ['ro-1'])).toEqual([]);
  const writer = newOrgWithKey('ingest');
  await expectError(await request.get('/api/v1/pipelines', { headers: bearer(writer.key) }), 403, 'forbidden');
  await expectError(await request.get('/api/v1/webhooks', { headers: bearer(writer.key) }), 403, 'forbidden');
});
