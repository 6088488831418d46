import { expect, test } from '@playwright/test';
import { newOrgWithKey } from '../support';
import { exec, post, stored } from './ingest-helpers';

// What ingest derives: duration from completed_at, completion from duration, error_type of a
// failed run from its message (API.md's list), the message truncated to 2,000 characters.

// The CLI (a tsx process per call) is slow on a loaded 2-core machine: room for it.
test.describe.configure({ timeout: 240_000 });

let org: { slug: string; key: string };
test.beforeAll(() => {
  org = newOrgWithKey('ingest');
});

test('completed_at alone derives duration_ms; duration_ms alone derives completed_at', async ({ request }) => {
  const { body } = await post(request, org.key, [
    exec('t-1', { duration_ms: undefined, started_at: '2026-01-01T10:00:00.000Z', completed_at: '2026-01-01T10:00:01.234Z' }),
    exec('t-2', { started_at: '2026-01-01T12:00:00+02:00', duration_ms: 500 }),
    exec('t-3', { started_at: '2026-01-01T10:00:00Z', completed_at: '2026-01-01T10:00:09Z', duration_ms: 4000 }),
  ]);
  expect(body).toEqual({ accepted: 3, duplicates: 0, rejected: [] });
  const rows = await stored(org.slug, ['t-1', 't-2', 't-3']);
  expect(rows.map((r) => [r.id, r.duration_ms, r.started_at.toISOString(), r.completed_at.toISOString()])).toEqual([
    ['t-1', 1234, '2026-01-01T10:00:00.000Z', '2026-01-01T10:00:01.234Z'],
    ['t-2', 500, '2026-01-01T10:00:00.000Z', '2026-01-01T10:00:00.500Z'],
    ['t-3', 4000, '2026-01-01T10:00:00.000Z', '2026-01-01T10:00:09.000Z'], // both sent: both kept as sent
  ]);
});

const MESSAGES: Array<[message: string | undefined, type: string]> = [
  ['Request timed out after 30s', 'timeout'],
  ['429 Too Many Requests: rate limit reached', 'rate_limit'],
  ['500 Internal Server Error from upstream', 'api_error'],
  ['Invalid JSON in model output: schema mismatch', 'validation_error'],
  ['401 Unauthorized: invalid api key', 'auth_error'],
  ['the model wandered off', 'other'],
  [undefined, 'other'],
];

test('a failed run without error_type gets one derived from its message', async ({ request }) => {
  const items = MESSAGES.map(([message], i) => exec(`err-${i}`, { status: 'failed', error_message: message }));
  items.push(exec('err-given', { status: 'failed', error_type: 'quota_exceeded', error_message: 'Request timed out' }));
  items.push(exec('err-success', { status: 'success', error_message: 'Request timed out' }));
  items.push(exec('err-cancelled', { status: 'cancelled', error_message: '429' }));
  items.push(exec('err-stage', { status: 'failed', stages: [{ stage_id: 's', duration_ms: 1, status: 'failed', error_type: 'rate_limit' }] }));
  const { body } = await post(request, org.key, items);
  expect(body).toEqual({ accepted: items.length, duplicates: 0, rejected: [] });
  const rows = new Map((await stored(org.slug, items.map((e) => e.id))).map((r) => [r.id, r.error_type]));
  MESSAGES.forEach(([message, type], i) => expect(rows.get(`err-${i}`), String(message)).toBe(type));
  expect(rows.get('err-given')).toBe('quota_exceeded');
  expect(rows.get('err-success')).toBeNull();
  expect(rows.get('err-cancelled')).toBeNull();
  expect(rows.get('err-stage')).toBe('rate_limit'); // the failed stage's own error type
});

test('error_message is stored truncated to 2,000 characters; metadata is stored as sent', async ({ request }) => {
  const metadata = { environment: 'production', user_id: 'u-42', version: 3, canary: true };
  const { body } = await post(request, org.key, [exec('long-1', { status: 'failed', error_message: 'timeout '.repeat(1000), metadata })]);
  expect(body.accepted).toBe(1);
  const [row] = await stored(org.slug, ['long-1']);
  expect(row.error_message).toHaveLength(2000);
  expect(row.error_type).toBe('timeout');
  expect(row.metadata).toEqual(metadata);
});
