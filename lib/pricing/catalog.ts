import { calcPrice, findProvider, type ModelPrice } from '@pydantic/genai-prices';

// The price catalog is @pydantic/genai-prices' bundled data (works offline, maintained upstream,
// matches dated names such as claude-3-5-sonnet-20241022 to their model). calcPrice costs ~12 µs,
// too slow for 60,000 stages a second, so a model whose price is a flat per-token rate is resolved
// once and computed directly; tiered or time-conditional prices always go through calcPrice.

export type TokenUsage = { input: number; cachedInput: number; output: number };
export type UnitPrices = { inputPerMtok: number; outputPerMtok: number; cachedInputPerMtok: number | null };
export type CatalogHit = { costUsd: number; modelId: string };

type Resolved = { modelId: string; flat: UnitPrices | null } | null;
const resolved = new Map<string, Resolved>();

/** Provider names that clients send, mapped to the catalog's provider ids. */
const PROVIDER_ALIASES: Record<string, string> = {
  'google-gla': 'google',
  'google-vertex': 'google',
  gemini: 'google',
  vertex_ai: 'google',
  'azure-openai': 'azure',
  az: 'azure',
  'aws-bedrock': 'aws',
  bedrock: 'aws',
};

export function catalogProviderId(provider: string | null | undefined): string | undefined {
  if (!provider) return undefined;
  const p = provider.toLowerCase();
  return PROVIDER_ALIASES[p] ?? p;
}

function flatPrices(prices: ModelPrice): UnitPrices | null {
  const num = (k: string) => (typeof prices[k] === 'number' ? (prices[k] as number) : undefined);
  const input = num('input_mtok');
  const output = num('output_mtok');
  const tiered = Object.values(prices).some((v) => v !== undefined && typeof v !== 'number');
  if (tiered || input === undefined || output === undefined) return null;
  return { inputPerMtok: input, outputPerMtok: output, cachedInputPerMtok: num('cache_read_mtok') ?? null };
}

function usageFor(u: TokenUsage) {
  return { input_tokens: u.input, cache_read_tokens: u.cachedInput, output_tokens: u.output };
}

function resolve(provider: string | undefined, model: string): Resolved {
  const key = `${provider ?? ''}\u0000${model}`;
  if (resolved.has(key)) return resolved.get(key)!;
  let hit: Resolved = null;
  try {
    const r = calcPrice({ input_tokens: 1, output_tokens: 1 }, model, provider ? { providerId: provider } : {});
    if (r) hit = { modelId: r.model.id, flat: Array.isArray(r.model.prices) ? null : flatPrices(r.model.prices) };
  } catch {
    hit = null;
  }
  resolved.set(key, hit);
  return hit;
}

export function costFromUnitPrices(p: UnitPrices, u: TokenUsage): number {
  const cached = Math.min(u.cachedInput, u.input);
  const cachedRate = p.cachedInputPerMtok ?? p.inputPerMtok;
  return ((u.input - cached) * p.inputPerMtok + cached * cachedRate + u.output * p.outputPerMtok) / 1e6;
}

/** The catalog's cost for one call, or null when the catalog does not know the model. */
export function catalogCost(provider: string | null | undefined, model: string, u: TokenUsage): CatalogHit | null {
  const providerId = catalogProviderId(provider);
  const r = resolve(providerId, model);
  if (!r) return null;
  if (r.flat) return { costUsd: costFromUnitPrices(r.flat, u), modelId: r.modelId };
  const full = calcPrice(usageFor(u), model, providerId ? { providerId } : {});
  return full ? { costUsd: full.total_price, modelId: r.modelId } : null;
}

/** Flat unit prices of a model in the catalog (null when unknown or tiered). */
export function catalogUnitPrices(provider: string | null | undefined, model: string): UnitPrices | null {
  return resolve(catalogProviderId(provider), model)?.flat ?? null;
}

export type CatalogModel = { provider: string; modelId: string; prices: UnitPrices; deprecated: boolean };

/** Every current model of a provider with a flat price: the candidates for a cheaper model. */
export function providerModels(provider: string | null | undefined): CatalogModel[] {
  const providerId = catalogProviderId(provider);
  if (!providerId) return [];
  const p = findProvider({ providerId });
  if (!p) return [];
  return p.models.flatMap((m) => {
    const prices = Array.isArray(m.prices) ? null : flatPrices(m.prices);
    return prices ? [{ provider: providerId, modelId: m.id, prices, deprecated: m.deprecated ?? false }] : [];
  });
}
