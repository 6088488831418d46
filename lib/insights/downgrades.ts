import { atLeast } from './math';
import type { Thresholds } from '@/lib/schemas/thresholds';
import type { CatalogModelPrice, ModelStats, UnitPrice } from './types';

// Cheaper-model candidates with honest money: what THIS window's tokens would have cost at the
// alternative's catalog price, against what they cost at the current model's price.

export interface TokenMix {
  input_tokens: number;
  cached_input_tokens: number;
  output_tokens: number;
}

/**
 * Cost of a token mix at unit prices; same formula as lib/pricing/catalog costFromUnitPrices:
 * input includes cached tokens (billed at the cached price when there is one), output includes
 * reasoning tokens.
 */
export function priceTokens(p: UnitPrice, u: TokenMix): number {
  const cached = Math.min(u.cached_input_tokens, u.input_tokens);
  const cachedRate = p.cached_input_per_mtok ?? p.input_per_mtok;
  return ((u.input_tokens - cached) * p.input_per_mtok + cached * cachedRate + u.output_tokens * p.output_per_mtok) / 1e6;
}

export interface Downgrade {
  provider: string;
  model: string;
  calls: number;
  /** Cost recorded for the model in the window. */
  current_cost: number;
  /** The window's tokens at the current model's catalog price. */
  priced_current_cost: number;
  alternative_model: string;
  alternative_cost: number;
  /** alternative_cost ÷ priced_current_cost (≤ max_price_ratio). */
  price_ratio: number;
  /** priced_current_cost − alternative_cost, capped at current_cost (never more than was spent). */
  potential_savings: number;
  /** potential_savings ÷ current_cost × 100. */
  savings_percent: number;
}

const sameProvider = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * For each model with ≥ min_calls calls and a known price, the best-fitting cheaper model of the
 * SAME provider (and, when the candidate lists the models it `replaces`, one of those): among
 * catalog models costing ≤ 50% for this exact token mix, the MOST expensive
 * one — the closest in capability tier, and the most conservative saving. Ties: model name.
 * Models whose tokens or price are zero are skipped (nothing to save).
 */
export function computeDowngrades(
  models: readonly ModelStats[],
  catalog: readonly CatalogModelPrice[],
  t: Thresholds,
): Downgrade[] {
  const out: Downgrade[] = [];
  for (const m of models) {
    if (!m.provider || !m.price || !atLeast(m.calls, t.model_recommendation_min_calls)) continue;
    const priced = priceTokens(m.price, m);
    if (priced <= 0 || m.cost_usd <= 0) continue;
    const provider = m.provider;
    const candidates = catalog
      .filter((c) => sameProvider(c.provider, provider) && c.model !== m.model && (!c.replaces || c.replaces.includes(m.model)))
      .map((c) => ({ c, cost: priceTokens(c, m) }))
      .filter(({ cost }) => atLeast(t.model_recommendation_max_price_ratio * priced, cost))
      .sort((a, b) => b.cost - a.cost || a.c.model.localeCompare(b.c.model));
    const best = candidates[0];
    if (!best) continue;
    const savings = Math.min(priced - best.cost, m.cost_usd);
    out.push({
      provider,
      model: m.model,
      calls: m.calls,
      current_cost: m.cost_usd,
      priced_current_cost: priced,
      alternative_model: best.c.model,
      alternative_cost: best.cost,
      price_ratio: best.cost / priced,
      potential_savings: savings,
      savings_percent: (savings / m.cost_usd) * 100,
    });
  }
  return out.sort((a, b) => b.potential_savings - a.potential_savings || a.model.localeCompare(b.model));
}
