import { describe, expect, it } from 'vitest';
import { computeDowngrades } from '@/lib/insights/downgrades';
import { DEFAULT_THRESHOLDS } from '@/lib/schemas/thresholds';
import type { ModelStats } from '@/lib/insights/types';
import { attachPrices, catalogCandidates, makePriceLookup } from './model-prices';
import { isReplacementCandidate, modelFamily, replacementCandidates } from './model-candidates';

// Against the bundled catalog (@pydantic/genai-prices): the proposals a user would actually see.
const usage = (provider: string, model: string): Omit<ModelStats, 'price'> => ({
  provider, model, calls: 100, successes: 100, failures: 0, input_tokens: 1_000_000, output_tokens: 200_000,
  cached_input_tokens: 0, reasoning_tokens: 0, cost_usd: 100, avg_latency_ms: 1000, unpriced_calls: 0,
});

function proposal(provider: string, model: string) {
  const price = makePriceLookup([]);
  const models = attachPrices([usage(provider, model)], price);
  return computeDowngrades(models, catalogCandidates(models, price), DEFAULT_THRESHOLDS)[0]?.alternative_model ?? null;
}

describe('replacement candidates', () => {
  it('keeps current general text models of the same family only', () => {
    expect(modelFamily('claude-3-5-haiku-20241022')).toBe('claude');
    expect(isReplacementCandidate({ id: 'claude-2', context_window: 200_000, description: "Anthropic's previous generation model" }, 'claude-3-opus')).toBe(false);
    expect(isReplacementCandidate({ id: 'text-embedding-3-small', context_window: 8192 }, 'text-embedding-3-large')).toBe(false);
    expect(isReplacementCandidate({ id: 'gpt-4o-mini-tts', context_window: 128_000 }, 'gpt-4o')).toBe(false);
    expect(isReplacementCandidate({ id: 'claude-3-haiku', context_window: 200_000 }, 'gemini-1.5-pro')).toBe(false);
    expect(isReplacementCandidate({ id: 'gpt-3.5-turbo', context_window: 16_385 }, 'gpt-4o')).toBe(false);
    expect(isReplacementCandidate({ id: 'gpt-4.1-mini', context_window: 1_000_000 }, 'gpt-4o')).toBe(true);
    const ids = replacementCandidates('anthropic', 'claude-3-opus-20240229').map((m) => m.modelId);
    expect(ids).toContain('claude-haiku-4-5');
    expect(ids).not.toContain('claude-2');
    expect(ids).not.toContain('claude-v1');
  });

  it('proposes sensible cheaper models for the demo models', () => {
    expect(proposal('anthropic', 'claude-3-opus-20240229')).toMatch(/^claude-(opus|sonnet)-/);
    expect(proposal('anthropic', 'claude-3-5-sonnet-20241022')).toMatch(/^claude-(haiku|sonnet)-/);
    expect(proposal('openai', 'gpt-4o')).toMatch(/^gpt-(4\.1|5)/);
    expect(proposal('openai', 'o3-mini')).toBeNull(); // no cheaper o-series model
    expect(proposal('acme', 'acme-llm-9')).toBeNull(); // unknown provider: nothing to propose
  });

  it('keeps each model to its own family when one provider serves several', () => {
    const price = makePriceLookup([]);
    const models = attachPrices([usage('openai', 'gpt-4o'), usage('openai', 'o3-mini')], price);
    const found = computeDowngrades(models, catalogCandidates(models, price), DEFAULT_THRESHOLDS);
    expect(found.map((d) => d.model)).toEqual(['gpt-4o']); // gpt models are not offered to o3-mini
  });
});
