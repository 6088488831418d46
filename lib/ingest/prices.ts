import type pg from 'pg';
import { catalogCost, costFromUnitPrices, type TokenUsage, type UnitPrices } from '@/lib/pricing/catalog';

// Per-organisation price overrides win over the catalog; a model neither knows is unpriced.
export type PricedCost = { costUsd: number; source: 'catalog' | 'override' };
/** `at` is when the call happened (some catalog prices depend on the date or the hour). */
export type PriceResolver = (provider: string | null, model: string, usage: TokenUsage, at: Date) => PricedCost | null;

const key = (provider: string | null, model: string) => `${(provider ?? '').toLowerCase()}\u0000${model}`;

export async function loadPriceOverrides(db: pg.Pool | pg.PoolClient, orgId: string) {
  const { rows } = await db.query<{ provider: string; model: string; i: number; o: number; c: number | null }>(
    `SELECT provider, model, input_per_mtok::float8 AS i, output_per_mtok::float8 AS o,
            cached_input_per_mtok::float8 AS c
       FROM model_prices WHERE org_id = $1`,
    [orgId],
  );
  return new Map<string, UnitPrices>(
    rows.map((r) => [key(r.provider, r.model), { inputPerMtok: r.i, outputPerMtok: r.o, cachedInputPerMtok: r.c }]),
  );
}

export function makePriceResolver(overrides: Map<string, UnitPrices>): PriceResolver {
  return (provider, model, usage, at) => {
    const override = overrides.get(key(provider, model)) ?? overrides.get(key(null, model));
    if (override) return { costUsd: costFromUnitPrices(override, usage), source: 'override' };
    const hit = catalogCost(provider, model, usage, at);
    return hit ? { costUsd: hit.costUsd, source: 'catalog' } : null;
  };
}
