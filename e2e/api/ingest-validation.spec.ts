import { expect, test } from '@playwright/test';
import { newOrgWithKey } from '../support';
import { exec, post, stored } from './ingest-helpers';

// Every field rule of API.md "Ingest": one bad value per item, all items in one batch next to a
// valid one, each rejection naming exactly the path of its bad value.

// The CLI (a tsx process per call) is slow on a loaded 2-core machine: room for it.
test.describe.configure({ timeout: 240_000 });

const stage = (extra: Record<string, unknown> = {}) => ({ stage_id: 's1', duration_ms: 10, ...extra });
const withStage = (extra: Record<string, unknown>) => ({ stages: [stage(extra)] });
const omit = (field: string) => ({ [field]: undefined });
const long = (n: number) => 'x'.repeat(n);
const inMinutes = (m: number) => new Date(Date.now() + m * 60_000).toISOString();

const CASES: Array<[name: string, extra: Record<string, unknown>, path: string]> = [
  ['id missing', omit('id'), 'id'],
  ['id empty', { id: '' }, 'id'],
  ['id too long', { id: long(129) }, 'id'],
  ['id not a string', { id: 5 }, 'id'],
  ['pipeline_id missing', omit('pipeline_id'), 'pipeline_id'],
  ['pipeline_id too long', { pipeline_id: long(129) }, 'pipeline_id'],
  ['pipeline_id empty', { pipeline_id: '' }, 'pipeline_id'],
  ['pipeline_id only whitespace', { pipeline_id: ' \t ' }, 'pipeline_id'],
  ['error_type empty', { status: 'failed', error_type: '' }, 'error_type'],
  ['stage_id only whitespace', withStage({ stage_id: '  ' }), 'stages.0.stage_id'],
  ['model empty', withStage({ model: '' }), 'stages.0.model'],
  ['provider only whitespace', withStage({ provider: ' ' }), 'stages.0.provider'],
  ['stage error_type empty', withStage({ status: 'failed', error_type: '' }), 'stages.0.error_type'],
  ['status missing', omit('status'), 'status'],
  ['status unknown', { status: 'done' }, 'status'],
  ['started_at missing', omit('started_at'), 'started_at'],
  ['started_at not a date', { started_at: 'yesterday' }, 'started_at'],
  ['started_at without offset', { started_at: '2026-01-01T12:00:00' }, 'started_at'],
  ['started_at > 5 min ahead', { started_at: inMinutes(10) }, 'started_at'],
  ['duration_ms missing', omit('duration_ms'), 'duration_ms'],
  ['duration_ms negative', { duration_ms: -1 }, 'duration_ms'],
  ['duration_ms fractional', { duration_ms: 1.5 }, 'duration_ms'],
  ['duration_ms a string', { duration_ms: '5' }, 'duration_ms'],
  ['completed_at not a date', { completed_at: 'later' }, 'completed_at'],
  ['completed_at before started_at', { started_at: '2026-01-01T12:00:00Z', completed_at: '2026-01-01T11:00:00Z' }, 'completed_at'],
  ['error_type too long', { error_type: long(65) }, 'error_type'],
  ['error_message not a string', { error_message: 42 }, 'error_message'],
  ['cost_usd negative', { cost_usd: -0.01 }, 'cost_usd'],
  ['cost_usd a string', { cost_usd: '1' }, 'cost_usd'],
  ['metadata an array', { metadata: ['a'] }, 'metadata'],
  ['metadata nested', { metadata: { env: { a: 1 } } }, 'metadata.env'],
  ['metadata > 32 keys', { metadata: Object.fromEntries(Array.from({ length: 33 }, (_, i) => [`k${i}`, i])) }, 'metadata'],
  ['stages not an array', { stages: { a: 1 } }, 'stages'],
  ['stages > 200', { stages: Array.from({ length: 201 }, () => stage()) }, 'stages'],
  ['stage not an object', { stages: [null] }, 'stages.0'],
  ['stage_id missing', withStage(omit('stage_id')), 'stages.0.stage_id'],
  ['stage_id too long', withStage({ stage_id: long(129) }), 'stages.0.stage_id'],
  ['stage_type too long', withStage({ stage_type: long(65) }), 'stages.0.stage_type'],
  ['provider too long', withStage({ provider: long(65) }), 'stages.0.provider'],
  ['model too long', withStage({ model: long(129) }), 'stages.0.model'],
  ['stage status unknown', withStage({ status: 'cancelled' }), 'stages.0.status'],
  ['stage duration_ms missing', withStage(omit('duration_ms')), 'stages.0.duration_ms'],
  ['stage duration_ms negative', withStage({ duration_ms: -5 }), 'stages.0.duration_ms'],
  ['input_tokens negative', withStage({ input_tokens: -1 }), 'stages.0.input_tokens'],
  ['output_tokens fractional', withStage({ output_tokens: 2.5 }), 'stages.0.output_tokens'],
  ['cached_input_tokens negative', withStage({ cached_input_tokens: -1 }), 'stages.0.cached_input_tokens'],
  ['cached_input_tokens > input_tokens', withStage({ input_tokens: 10, cached_input_tokens: 11 }), 'stages.0.cached_input_tokens'],
  ['reasoning_tokens negative', withStage({ reasoning_tokens: -3 }), 'stages.0.reasoning_tokens'],
  ['stage cost_usd negative', withStage({ cost_usd: -1 }), 'stages.0.cost_usd'],
  ['stage error_type too long', withStage({ error_type: long(65) }), 'stages.0.error_type'],
];

let org: { slug: string; key: string };
test.beforeAll(() => {
  org = newOrgWithKey('ingest');
});

test('each invalid field is rejected with its path; the valid items of the batch are stored', async ({ request }) => {
  const items = CASES.map(([, extra], i) => JSON.parse(JSON.stringify(exec(`bad-${i}`, extra))) as unknown);
  items.push(exec('good-1', { stages: [stage({ provider: 'openai', model: 'gpt-4o-mini', input_tokens: 10, output_tokens: 5 })] }));
  const { status, body } = await post(request, org.key, items);
  expect(status).toBe(200);
  expect(body.accepted).toBe(1);
  expect(body.duplicates).toBe(0);
  const byIndex = new Map(body.rejected.map((r) => [r.index, r]));
  CASES.forEach(([name, extra, path], i) => {
    const rejected = byIndex.get(i);
    expect(rejected, name).toBeDefined();
    expect(rejected!.errors.map((e) => e.path), name).toEqual([path]);
    expect(rejected!.errors[0].message.length, name).toBeGreaterThan(3);
    expect(rejected!.id, name).toBe('id' in extra ? (typeof extra.id === 'string' ? extra.id : null) : `bad-${i}`);
  });
  expect(body.rejected).toHaveLength(CASES.length);
  const rows = await stored(org.slug, [...CASES.map((_, i) => `bad-${i}`), 'good-1']);
  expect(rows.map((r) => r.id)).toEqual(['good-1']);
});

test('a field that is not an object or a batch of junk is rejected per item, never a 500', async ({ request }) => {
  const { status, body } = await post(request, org.key, [null, 7, 'x', [], {}]);
  expect(status).toBe(200);
  expect(body.accepted).toBe(0);
  expect(body.rejected.map((r) => r.errors[0].path)).toEqual(['', '', '', '', 'id']);
  expect(body.rejected[4].errors.map((e) => e.path)).toEqual(['id', 'pipeline_id', 'status', 'started_at']);
});

test('unknown fields are ignored; a NUL character is a field error, not a failed batch', async ({ request }) => {
  const { body } = await post(request, org.key, [
    exec('extra-1', { colour: 'blue', nested: { a: 1 }, stages: [stage({ temperature: 0.2 })] }),
    exec('nul-1', { pipeline_id: 'a\u0000b' }),
    exec('nul-2', { error_message: 'bad\u0000byte', status: 'failed' }),
  ]);
  expect(body.accepted).toBe(2);
  expect(body.rejected).toEqual([{ index: 1, id: 'nul-1', errors: [{ path: 'pipeline_id', message: expect.stringContaining('NUL') }] }]);
  const rows = await stored(org.slug, ['extra-1', 'nul-2']);
  expect(rows.map((r) => [r.id, r.stage_count, r.error_message])).toEqual([['extra-1', 1, null], ['nul-2', 0, 'badbyte']]);
});
