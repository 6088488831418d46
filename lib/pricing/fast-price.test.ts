import fs from 'node:fs';
import path from 'node:path';
import { calcPrice, findProvider, type Provider } from '@pydantic/genai-prices';
import { describe, expect, it } from 'vitest';
import { catalogCost, catalogUsage } from './catalog';
import { compileFastPrice, type FastUsage } from './fast-price';

// The direct formula must give calcPrice's total for every model of the bundled catalog, around
// every tier boundary. The provider ids are read from the package's bundle so that a package
// upgrade with new providers or new pricing rules is checked too.
const bundle = fs.readFileSync(path.join(process.cwd(), 'node_modules/@pydantic/genai-prices/dist/index.js'), 'utf8');
const providerIds = [...new Set([...bundle.matchAll(/\n {4}id: "([^"]+)",\n {4}name:/g)].map((m) => m[1]))];
const providers = providerIds.map((id) => findProvider({ providerId: id })).filter((p): p is Provider => p !== undefined);

function usages(seed: number): FastUsage[] {
  let s = seed;
  const rnd = (max: number) => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return Math.floor((s / 2147483648) * max);
  };
  const fixed: FastUsage[] = [
    { input: 0, cachedInput: 0, output: 0, reasoning: 0 },
    { input: 1_000_000, cachedInput: 0, output: 1_000_000, reasoning: 0 },
    ...[128_000, 128_001, 200_000, 200_001, 272_001].map((input) => ({ input, cachedInput: 1000, output: 500, reasoning: 100 })),
  ];
  const random = Array.from({ length: 12 }, () => {
    const input = rnd(400_000);
    const output = rnd(50_000);
    return { input, cachedInput: rnd(input + 1), output, reasoning: rnd(output + 1) };
  });
  return [...fixed, ...random];
}

describe('fast catalog prices', () => {
  it('reads the whole catalog', () => {
    expect(providers.length).toBeGreaterThan(20);
    expect(providers.length).toBe(providerIds.length);
  });

  it('equals calcPrice for every model with fixed or tiered prices', () => {
    let compared = 0;
    providers.forEach((p, pi) => {
      p.models.forEach((m, mi) => {
        if (Array.isArray(m.prices)) return;
        const fast = compileFastPrice(m.prices);
        expect(fast, `${p.id}/${m.id}`).not.toBeNull();
        for (const u of usages(pi * 1000 + mi)) {
          let expected: number;
          try {
            expected = calcPrice(catalogUsage(u), m.id, { provider: { ...p, models: [m] } })?.total_price ?? NaN;
          } catch {
            continue; // the package refuses this model's price table; ingest then treats it as unknown
          }
          if (Number.isNaN(expected)) continue;
          expect(fast!(u), `${p.id}/${m.id} ${JSON.stringify(u)}`).toBeCloseTo(expected, 12);
          compared += 1;
        }
      });
    });
    expect(compared).toBeGreaterThan(10_000);
  });

  it('prices dated model names and time-dependent prices like the package', () => {
    const u = { input: 250_000, cachedInput: 10_000, output: 2000, reasoning: 500 };
    for (const [provider, model] of [['anthropic', 'claude-3-5-sonnet-20241022'], ['google', 'gemini-1.5-pro'], ['openai', 'o3-mini'], ['google-gla', 'gemini-1.5-flash']]) {
      const expected = calcPrice(catalogUsage(u), model, { providerId: provider === 'google-gla' ? 'google' : provider })!.total_price;
      expect(catalogCost(provider, model, u)!.costUsd, model).toBeCloseTo(expected, 12);
    }
    const timed = providers.flatMap((p) => p.models.filter((m) => Array.isArray(m.prices)).map((m) => [p.id, m.id] as const));
    expect(timed.length).toBeGreaterThan(0);
    for (const [provider, model] of timed.slice(0, 10)) {
      const at = new Date('2026-01-15T03:00:00Z');
      let expected: number | undefined;
      try {
        expected = calcPrice(catalogUsage(u), model, { providerId: provider, timestamp: at })?.total_price;
      } catch {
        expected = undefined;
      }
      if (expected === undefined) continue;
      expect(catalogCost(provider, model, u, at)?.costUsd, `${provider}/${model}`).toBeCloseTo(expected, 12);
    }
  });
});
