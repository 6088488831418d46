import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb, getPrisma } from '@/lib/db/client';
import { computeWindows } from '@/lib/insights/buckets';
import { attachPrices, catalogCandidates, makePriceLookup } from '@/lib/services/model-prices';
import { newOrg } from '@/tests/helpers';
import { getModelStats } from './get-model-stats';
import { getPriceOverrides } from './get-price-overrides';
import { getStageStats } from './get-stage-stats';
import { load, run } from '@/tests/support/query-data';

// gpt-4o-mini is $0.15 / $0.60 per million input / output tokens in the catalog.
const NOW = '2026-01-20T12:00:00.000Z';
const w = computeWindows(NOW, 7);
const mini = { provider: 'openai', model: 'gpt-4o-mini' };
const acme = { provider: 'acme', model: 'acme-llm-9' };

describe('getModelStats / getStageStats and their prices', () => {
  let org: string;
  beforeAll(async () => {
    org = (await newOrg('models')).id;
    await load(org, [
      run('m', 'success', '2026-01-15T10:00:00Z', 500, {
        stages: [
          { stage_id: 'gen', ...mini, duration_ms: 300, input_tokens: 1000, output_tokens: 500, cached_input_tokens: 200, reasoning_tokens: 100 },
          { stage_id: 'odd', ...acme, duration_ms: 100, input_tokens: 5, output_tokens: 5 },
          { stage_id: 'fetch', duration_ms: 50 },
        ],
      }),
      run('m', 'failed', '2026-01-16T10:00:00Z', 900, {
        stages: [
          { stage_id: 'gen', ...mini, status: 'failed', duration_ms: 500, input_tokens: 1000 },
          { stage_id: 'odd', ...acme, duration_ms: 300 }, // no tokens: nothing to price, not "unpriced"
        ],
      }),
      run('other-pipeline', 'success', '2026-01-16T11:00:00Z', 10, { stages: [{ stage_id: 'x', ...mini, duration_ms: 7, cost_usd: 3 }] }),
    ]);
    await getPrisma().modelPrice.create({ data: { orgId: org, provider: 'acme', model: 'acme-llm-9', inputPerMtok: 1, outputPerMtok: 2 } });
  });
  afterAll(closeDb);

  it('sums calls, outcomes, tokens, cost and latency per model, counting unpriced calls', async () => {
    const rows = await getModelStats(org, w.current, { pipelineId: 'm' });
    expect(rows).toHaveLength(2);
    const [a, m] = rows; // ordered by provider
    expect(a).toMatchObject({ ...acme, calls: 2, successes: 2, failures: 0, input_tokens: 5, output_tokens: 5, cost_usd: 0, avg_latency_ms: 200, unpriced_calls: 1 });
    expect(m).toMatchObject({ ...mini, calls: 2, successes: 1, failures: 1, input_tokens: 2000, output_tokens: 500, cached_input_tokens: 200, reasoning_tokens: 100, avg_latency_ms: 400, unpriced_calls: 0 });
    // Cached tokens are part of the input: (800 × 0.15 + 200 × 0.075 + 500 × 0.6) / 1e6, then 1000 × 0.15 / 1e6.
    expect(m.cost_usd).toBeCloseTo((800 * 0.15 + 200 * 0.075 + 500 * 0.6 + 1000 * 0.15) / 1e6, 12);
    const all = await getModelStats(org, w.current, {});
    expect(all.find((r) => r.model === 'gpt-4o-mini')).toMatchObject({ calls: 3 });
  });

  it('gives each stage its average, interpolated p95 and count', async () => {
    const rows = await getStageStats(org, w.current, { pipelineId: 'm' });
    expect(rows.map((r) => r.stage_id)).toEqual(['gen', 'odd', 'fetch']);
    expect(rows[0]).toMatchObject({ avg_ms: 400, executions: 2 });
    expect(rows[0].p95_ms).toBeCloseTo(490, 9); // 300 + 0.95 × 200
    expect(rows[2]).toEqual({ stage_id: 'fetch', avg_ms: 50, p95_ms: 50, executions: 1 });
    expect(await getStageStats(org, w.previous, {})).toEqual([]);
  });

  it('prices models by override first, then the catalog, and offers same-provider candidates', async () => {
    const overrides = await getPriceOverrides(org);
    expect(overrides).toEqual([{ ...acme, input_per_mtok: 1, output_per_mtok: 2, cached_input_per_mtok: null }]);
    const price = makePriceLookup(overrides);
    const models = attachPrices(await getModelStats(org, w.current, { pipelineId: 'm' }), price);
    expect(models[0].price).toEqual({ input_per_mtok: 1, output_per_mtok: 2, cached_input_per_mtok: null });
    expect(models[1].price).toMatchObject({ input_per_mtok: 0.15, output_per_mtok: 0.6 });
    const candidates = catalogCandidates(models, price);
    expect(candidates.length).toBeGreaterThan(3);
    expect(new Set(candidates.map((c) => c.provider))).toEqual(new Set(['openai'])); // acme is not in the catalog
    expect(candidates.find((c) => c.model === 'gpt-4o')).toMatchObject({ input_per_mtok: 2.5, output_per_mtok: 10 });
  });
});
