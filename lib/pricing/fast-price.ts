import type { ModelPrice, TieredPrices } from '@pydantic/genai-prices';

// The catalog's price formula for the usage ingest reports (input with its cached part, output
// with its reasoning part, one request), evaluated directly. calcPrice re-derives the unit tree
// and validates the usage on every call (12–70 µs); at 60,000 stages a second that is most of a
// core. The formula is the package's own (dist/index.js, `he`/`de`):
//   - a leaf is priced at its own key: uncached input at input_mtok, cached input at
//     cache_read_mtok, output at output_mtok, reasoning at output_reasoning_mtok; a leaf without
//     its own price falls back to its parent's (cached → input, reasoning → output);
//   - a tiered price uses the rate of the last tier whose `start` the call's total input_tokens
//     exceeds, for the whole count (not marginally), on every tiered key;
//   - requests_kcount adds its price / 1000 per call.
// Every other price key meters usage ingest never reports (audio, images, web searches, cache
// writes…), which costs 0. lib/pricing/fast-price.test.ts checks this against calcPrice for every
// model of the bundled catalog, so a package upgrade that changes the rules fails the test.

type Rate = number | TieredPrices | undefined;
export type FastUsage = { input: number; cachedInput: number; output: number; reasoning: number };
export type FastPrice = (u: FastUsage) => number;

function rateAt(rate: Rate, totalInput: number): number {
  if (rate === undefined) return 0;
  if (typeof rate === 'number') return rate;
  let r = rate.base;
  for (const tier of rate.tiers) if (totalInput > tier.start) r = tier.price;
  return r;
}

const KNOWN = new Set(['input_mtok', 'cache_read_mtok', 'output_mtok', 'output_reasoning_mtok', 'requests_kcount']);

/** A direct evaluator of the catalog's prices, or null when a key could apply that we don't model. */
export function compileFastPrice(prices: ModelPrice): FastPrice | null {
  const { input_mtok: input, cache_read_mtok: cacheRead, output_mtok: output, output_reasoning_mtok: reasoning } = prices;
  const perRequest = typeof prices.requests_kcount === 'number' ? prices.requests_kcount / 1000 : 0;
  if (prices.requests_kcount !== undefined && typeof prices.requests_kcount !== 'number') return null;
  for (const [key, value] of Object.entries(prices)) {
    // Unknown keys meter usage we never report; a tiered one would still only cost 0 × rate.
    if (!KNOWN.has(key) && value !== undefined && typeof value !== 'number' && typeof value !== 'object') return null;
  }
  return (u) => {
    const cached = Math.min(u.cachedInput, u.input);
    const reasoned = Math.min(u.reasoning, u.output);
    const cachedRate = rateAt(cacheRead ?? input, u.input);
    const reasoningRate = rateAt(reasoning ?? output, u.input);
    return (
      ((u.input - cached) * rateAt(input, u.input) +
        cached * cachedRate +
        (u.output - reasoned) * rateAt(output, u.input) +
        reasoned * reasoningRate) /
        1e6 +
      perRequest
    );
  };
}
