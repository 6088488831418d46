import { describe, expect, it } from 'vitest';
import { detectModelRecommendations, detectUnpricedModels } from './detect-models';
import { computeDowngrades, priceTokens } from './downgrades';
import { computeOpportunities } from './opportunities';
import { DEFAULT_THRESHOLDS as T } from '@/lib/schemas/thresholds';
import { ctx, model, win } from '@/tests/support/insight-fixtures';
import type { CatalogModelPrice } from './types';

// 1,000,000 input tokens (200,000 of them cached) and 500,000 output tokens.
const tokens = { input_tokens: 1_000_000, cached_input_tokens: 200_000, output_tokens: 500_000 };
const big = { input_per_mtok: 2.5, output_per_mtok: 10, cached_input_per_mtok: 1.25 };
// At big's prices: 0.8 × 2.5 + 0.2 × 1.25 + 0.5 × 10 = 2 + 0.25 + 5 = $7.25
const gpt4o = model({ model: 'gpt-4o', calls: 10, cost_usd: 7.25, price: big, ...tokens });

const cat = (model: string, i: number, o: number, c: number | null, provider = 'openai'): CatalogModelPrice => ({
  provider, model, input_per_mtok: i, output_per_mtok: o, cached_input_per_mtok: c,
});
const catalog = [
  cat('gpt-4o-mini', 0.15, 0.6, 0.075), // 0.12 + 0.015 + 0.3 = $0.435
  cat('gpt-4.1-mini', 0.4, 1.6, 0.1), // 0.32 + 0.02 + 0.8 = $1.14
  cat('o3-mini', 1.1, 4.4, 0.55), // 0.88 + 0.11 + 2.2 = $3.19 (44% of the price)
  cat('gpt-4.1', 2, 8, 0.5), // 1.6 + 0.1 + 4 = $5.70 (79%: not cheap enough)
  cat('claude-3-haiku', 0.25, 1.25, 0.03, 'anthropic'), // another provider: never proposed
];

describe('priceTokens', () => {
  it('bills cached input at the cached price and the rest at the input price', () => {
    expect(priceTokens(big, tokens)).toBeCloseTo(7.25, 10);
    expect(priceTokens({ ...big, cached_input_per_mtok: null }, tokens)).toBeCloseTo(7.5, 10);
  });
});

describe('model_recommendation', () => {
  it('picks the best-fitting cheaper model of the same provider (the priciest one at ≤ 50%), not the first match', () => {
    const [d] = computeDowngrades([gpt4o], catalog, T);
    expect(d.alternative_model).toBe('o3-mini');
    expect(d.potential_savings).toBeCloseTo(7.25 - 3.19, 10);
    expect(d.savings_percent).toBeCloseTo((4.06 / 7.25) * 100, 8);
    // the order of the catalog does not matter
    expect(computeDowngrades([gpt4o], [...catalog].reverse(), T)[0].alternative_model).toBe('o3-mini');
  });

  it.each([
    { name: 'exactly 50% of the price qualifies', factor: 0.5, want: 'half' },
    { name: '50.1% does not', factor: 0.501, want: null },
  ])('$name', ({ factor, want }) => {
    const only = [cat('half', 2.5 * factor, 10 * factor, 1.25 * factor)];
    expect(computeDowngrades([gpt4o], only, T)[0]?.alternative_model ?? null).toBe(want);
  });

  it.each([
    { calls: 9, want: 0 },
    { calls: 10, want: 1 },
  ])('$calls calls → $want recommendations', ({ calls, want }) => {
    expect(computeDowngrades([{ ...gpt4o, calls }], catalog, T)).toHaveLength(want);
  });

  it('honours the models a candidate may replace', () => {
    const half = cat('half', 1.25, 5, 0.625);
    expect(computeDowngrades([gpt4o], [{ ...half, replaces: ['gpt-4o'] }], T)[0]?.alternative_model).toBe('half');
    expect(computeDowngrades([gpt4o], [{ ...half, replaces: ['o3-mini'] }], T)).toEqual([]);
  });

  it('never claims more savings than was spent', () => {
    const [d] = computeDowngrades([{ ...gpt4o, cost_usd: 3 }], catalog, T);
    expect(d.potential_savings).toBe(3);
    expect(d.savings_percent).toBe(100);
  });

  it('skips unpriced models and models without a provider', () => {
    expect(computeDowngrades([{ ...gpt4o, price: null }], catalog, T)).toEqual([]);
    expect(computeDowngrades([{ ...gpt4o, provider: null }], catalog, T)).toEqual([]);
  });

  it('builds an info insight with a model-scoped stable id, and the matching opportunity', () => {
    const downgrades = computeDowngrades([gpt4o], catalog, T);
    const [i] = detectModelRecommendations(downgrades, ctx());
    expect(i).toMatchObject({
      id: 'model_recommendation:org:30d:openai%2Fgpt-4o',
      severity: 'info',
      category: 'optimization',
      data: { current_cost: 7.25, alternative_model: 'o3-mini', alternative_cost: 3.19, potential_savings: 4.06, savings_percent: 56 },
    });
    const [o] = computeOpportunities(downgrades, win({ failed_cost_usd: 0 }));
    expect(o).toMatchObject({ type: 'model_downgrade', current_cost: 7.25, potential_savings: 4.06, savings_percent: 56, alternative_model: 'o3-mini' });
  });
});

describe('unpriced_model', () => {
  it('warns about a model the catalog does not know, even with few calls', () => {
    const m = model({ provider: 'acme', model: 'mystery-1', calls: 3, unpriced_calls: 3, input_tokens: 900 });
    const [i] = detectUnpricedModels([m, model({ model: 'gpt-4o' })], ctx());
    expect(i).toMatchObject({ id: 'unpriced_model:org:30d:acme%2Fmystery-1', severity: 'warning', category: 'cost', data: { unpriced_calls: 3 } });
    expect(detectUnpricedModels([model({ model: 'gpt-4o' })], ctx())).toEqual([]);
  });
});
