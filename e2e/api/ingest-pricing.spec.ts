import { calcPrice } from '@pydantic/genai-prices';
import { expect, test } from '@playwright/test';
import { cli, newOrgWithKey } from '../support';
import { exec, post, stored, storedStages } from './ingest-helpers';

// Cost of stages sent without cost_usd: the price package's own calcPrice is the expected value;
// a `price set` override wins; a model nobody knows costs 0 and is counted as unpriced.

// The CLI (a tsx process per call) is slow on a loaded 2-core machine: room for it.
test.describe.configure({ timeout: 240_000 });

let org: { slug: string; key: string };
test.beforeAll(() => {
  org = newOrgWithKey('ingest');
});

const catalog = (model: string, providerId: string, u: { input: number; cached?: number; output: number }) =>
  calcPrice({ input_tokens: u.input, cache_read_tokens: u.cached ?? 0, output_tokens: u.output }, model, { providerId })!.total_price;

test('stages without cost_usd cost what the price package says for their tokens', async ({ request }) => {
  const stages = [
    { stage_id: 'mini', provider: 'openai', model: 'gpt-4o-mini', duration_ms: 10, input_tokens: 12_000, cached_input_tokens: 2_000, output_tokens: 3_000 },
    { stage_id: 'sonnet', provider: 'anthropic', model: 'claude-3-5-sonnet-20241022', duration_ms: 10, input_tokens: 8_000, output_tokens: 1_500 },
    { stage_id: 'gemini-long', provider: 'google', model: 'gemini-1.5-pro', duration_ms: 10, input_tokens: 150_000, output_tokens: 2_000 },
    { stage_id: 'paid', provider: 'openai', model: 'gpt-4o', duration_ms: 10, input_tokens: 100, output_tokens: 100, cost_usd: 0.25 },
    { stage_id: 'no-tokens', provider: 'openai', model: 'gpt-4o', duration_ms: 10 },
  ];
  const { body } = await post(request, org.key, [exec('cat-1', { stages })]);
  expect(body).toEqual({ accepted: 1, duplicates: 0, rejected: [] });
  const expected = [
    catalog('gpt-4o-mini', 'openai', { input: 12_000, cached: 2_000, output: 3_000 }),
    catalog('claude-3-5-sonnet-20241022', 'anthropic', { input: 8_000, output: 1_500 }),
    catalog('gemini-1.5-pro', 'google', { input: 150_000, output: 2_000 }), // above the 128k tier
    0.25,
    0,
  ];
  expect(expected[0]).toBeGreaterThan(0);
  expect(expected[2]).toBeGreaterThan(catalog('gemini-1.5-pro', 'google', { input: 100_000, output: 2_000 }) * 1.4);
  const rows = await storedStages(org.slug, ['cat-1']);
  expect(rows.map((r) => r.cost_source)).toEqual(['catalog', 'catalog', 'catalog', 'provided', 'none']);
  rows.forEach((r, i) => expect(r.cost, r.stage_id).toBeCloseTo(expected[i], 9));
  const [e] = await stored(org.slug, ['cat-1']);
  expect(e.cost).toBeCloseTo(expected.reduce((a, b) => a + b, 0), 9);
  expect(e.unpriced_stages).toBe(0);
});

test('an execution cost_usd wins over the sum of its stages', async ({ request }) => {
  const stages = [{ stage_id: 's', provider: 'openai', model: 'gpt-4o-mini', duration_ms: 1, input_tokens: 1000, output_tokens: 10 }];
  await post(request, org.key, [exec('own-cost', { cost_usd: 1.5, stages })]);
  expect((await stored(org.slug, ['own-cost']))[0].cost).toBe(1.5);
});

test('an unknown model costs 0 and is counted as unpriced', async ({ request }) => {
  const stages = [
    { stage_id: 'x', provider: 'acme', model: 'acme-llm-9000', duration_ms: 1, input_tokens: 500, output_tokens: 50 },
    { stage_id: 'y', model: 'totally-unknown-model', duration_ms: 1, input_tokens: 5, output_tokens: 5 },
  ];
  await post(request, org.key, [exec('unpriced-1', { stages })]);
  const rows = await storedStages(org.slug, ['unpriced-1']);
  expect(rows.map((r) => [r.cost, r.cost_source])).toEqual([[0, 'unpriced'], [0, 'unpriced']]);
  const [e] = await stored(org.slug, ['unpriced-1']);
  expect([e.cost, e.unpriced_stages]).toEqual([0, 2]);
});

test('a price override set with the CLI wins over the catalog, for this organisation only', async ({ request }) => {
  const other = newOrgWithKey('ingest');
  cli('price', 'set', '--org', org.slug, '--provider', 'openai', '--model', 'gpt-4o', '--input', '1', '--output', '2', '--cached-input', '0.5');
  cli('price', 'set', '--org', org.slug, '--model', 'house-model', '--input', '3', '--output', '4');
  const stages = [
    { stage_id: 'o', provider: 'openai', model: 'gpt-4o', duration_ms: 1, input_tokens: 1_000_000, cached_input_tokens: 200_000, output_tokens: 500_000 },
    { stage_id: 'h', provider: 'whoever', model: 'house-model', duration_ms: 1, input_tokens: 1_000_000, output_tokens: 1_000_000 },
  ];
  await post(request, org.key, [exec('ovr-1', { stages })]);
  await post(request, other.key, [exec('ovr-1', { stages })]);
  const mine = await storedStages(org.slug, ['ovr-1']);
  expect(mine.map((r) => r.cost_source)).toEqual(['override', 'override']);
  expect(mine[0].cost).toBeCloseTo(0.8 + 0.1 + 1.0, 9); // 800k uncached × $1 + 200k cached × $0.5 + 500k out × $2
  expect(mine[1].cost).toBeCloseTo(7, 9); // the any-provider override for the model
  const theirs = await storedStages(other.slug, ['ovr-1']);
  expect(theirs.map((r) => r.cost_source)).toEqual(['catalog', 'unpriced']);
  expect(theirs[0].cost).toBeCloseTo(catalog('gpt-4o', 'openai', { input: 1_000_000, cached: 200_000, output: 500_000 }), 9);
});
