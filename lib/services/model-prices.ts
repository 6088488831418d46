import 'server-only';
import type { CatalogModelPrice, ModelStats, UnitPrice } from '@/lib/insights/types';
import { catalogUnitPrices, type UnitPrices } from '@/lib/pricing/catalog';
import type { PriceOverride } from '@/lib/queries/get-price-overrides';
import type { ModelUsageRow } from '@/lib/queries/get-model-stats';
import { replacementCandidates } from './model-candidates';

// Prices for the engine, resolved the way ingest priced the calls (lib/ingest/prices.ts): the
// organisation's override for (provider, model), then its any-provider override for the model,
// then the catalog. Unknown models get null (the engine then proposes no cheaper model for them).

const key = (provider: string | null, model: string) => `${(provider ?? '').toLowerCase()}\u0000${model}`;
const fromCatalog = (p: UnitPrices): UnitPrice => ({
  input_per_mtok: p.inputPerMtok,
  output_per_mtok: p.outputPerMtok,
  cached_input_per_mtok: p.cachedInputPerMtok,
});
const unit = (o: PriceOverride): UnitPrice => ({
  input_per_mtok: o.input_per_mtok,
  output_per_mtok: o.output_per_mtok,
  cached_input_per_mtok: o.cached_input_per_mtok,
});

export function makePriceLookup(overrides: readonly PriceOverride[]) {
  const byKey = new Map(overrides.map((o) => [key(o.provider || null, o.model), unit(o)]));
  return (provider: string | null, model: string): UnitPrice | null => {
    const override = byKey.get(key(provider, model)) ?? byKey.get(key(null, model));
    if (override) return override;
    const p = catalogUnitPrices(provider, model);
    return p ? fromCatalog(p) : null;
  };
}

/** The measured model rows with the price each one is billed at. */
export function attachPrices(rows: readonly ModelUsageRow[], price: ReturnType<typeof makePriceLookup>): ModelStats[] {
  return rows.map((r) => ({ ...r, price: price(r.provider, r.model) }));
}

/**
 * Cheaper-model candidates for the models in use (see model-candidates.ts for which catalog
 * models qualify), labelled with the provider name as the client sends it (so "google-gla" calls
 * meet "google" models), at the organisation's price where it has an override, each listing the
 * models in use it may replace (so Gemini is never offered a Claude resold on Vertex, nor o3-mini
 * a GPT model).
 */
export function catalogCandidates(models: readonly ModelStats[], price: ReturnType<typeof makePriceLookup>): CatalogModelPrice[] {
  const byKey = new Map<string, CatalogModelPrice & { replaces: string[] }>();
  for (const m of models) {
    if (!m.provider) continue;
    for (const c of replacementCandidates(m.provider, m.model)) {
      const k = key(m.provider, c.modelId);
      const entry = byKey.get(k) ?? { provider: m.provider, model: c.modelId, ...(price(m.provider, c.modelId) ?? fromCatalog(c.prices)), replaces: [] };
      entry.replaces.push(m.model);
      byKey.set(k, entry);
    }
  }
  return [...byKey.values()];
}
