import { calcPrice, findProvider, type ModelPrice } from '@pydantic/genai-prices';
import { compileFastPrice, type FastPrice } from './fast-price';

// The price catalog is @pydantic/genai-prices' bundled data (works offline, maintained upstream,
// matches dated names such as claude-3-5-sonnet-20241022 to their model). calcPrice costs 12–70 µs,
// too slow for 60,000 stages a second, so a model is resolved once per (provider, model) and its
// prices compiled into a direct formula (fast-price.ts, checked against calcPrice over the whole
// catalog). Prices that change with the date or the hour always go through calcPrice, at the
// time of the call.

/** cachedInput is part of input and reasoning part of output, as the providers report them. */
export type TokenUsage = { input: number; cachedInput: number; output: number; reasoning?: number };
export type UnitPrices = { inputPerMtok: number; outputPerMtok: number; cachedInputPerMtok: number | null };
export type CatalogHit = { costUsd: number; modelId: string };

type Resolved = { modelId: string; flat: UnitPrices | null; fast: FastPrice | null } | null;
const resolved = new Map<string, Resolved>();
/** Model names come from clients: bound the memo so that junk names cannot grow it forever. */
const MAX_RESOLVED = 20_000;

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

/** The usage in the package's terms; parts are capped at their whole, as calcPrice requires. */
export function catalogUsage(u: TokenUsage): Record<string, number> {
  const usage: Record<string, number> = { input_tokens: u.input, cache_read_tokens: Math.min(u.cachedInput, u.input), output_tokens: u.output };
  if (u.reasoning) usage.output_reasoning_tokens = Math.min(u.reasoning, u.output);
  return usage;
}

function resolve(provider: string | undefined, model: string): Resolved {
  const key = `${provider ?? ''}\u0000${model}`;
  const known = resolved.get(key);
  if (known !== undefined) return known;
  let hit: Resolved = null;
  try {
    const r = calcPrice({ input_tokens: 1, output_tokens: 1 }, model, provider ? { providerId: provider } : {});
    if (r) {
      const prices = Array.isArray(r.model.prices) ? null : r.model.prices;
      hit = { modelId: r.model.id, flat: prices && flatPrices(prices), fast: prices && compileFastPrice(prices) };
    }
  } catch {
    hit = null;
  }
  if (resolved.size >= MAX_RESOLVED) resolved.clear();
  resolved.set(key, hit);
  return hit;
}

export function costFromUnitPrices(p: UnitPrices, u: TokenUsage): number {
  const cached = Math.min(u.cachedInput, u.input);
  const cachedRate = p.cachedInputPerMtok ?? p.inputPerMtok;
  return ((u.input - cached) * p.inputPerMtok + cached * cachedRate + u.output * p.outputPerMtok) / 1e6;
}

/**
 * The catalog's cost for one call, or null when the catalog does not know the model. `at` is when
 * the call happened: it picks date- or hour-dependent prices (default: now).
 */
export function catalogCost(provider: string | null | undefined, model: string, u: TokenUsage, at?: Date): CatalogHit | null {
  const providerId = catalogProviderId(provider);
  const r = resolve(providerId, model);
  if (!r) return null;
  if (r.fast) {
    return { costUsd: r.fast({ input: u.input, cachedInput: u.cachedInput, output: u.output, reasoning: u.reasoning ?? 0 }), modelId: r.modelId };
  }
  try {
    const full = calcPrice(catalogUsage(u), model, { ...(providerId ? { providerId } : {}), ...(at ? { timestamp: at } : {}) });
    return full ? { costUsd: full.total_price, modelId: r.modelId } : null;
  } catch {
    return null;
  }
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
