import { describe, expect, it } from 'vitest';
import { formatMsTick, formatUsdTick, niceLogAxis } from './log-ticks';

describe('niceLogAxis', () => {
  it.each([
    // the demo's latencies (the ticks used to sit at 1.04 s, 1.47 s, 3.00 s, 8.85 s)
    { values: [1040, 1470, 3000, 8850], domain: [500, 20_000], ticks: [500, 1000, 2000, 5000, 10_000, 20_000], note: 'two decades: 1-2-5' },
    { values: [100, 8850], domain: [50, 20_000], ticks: [100, 300, 1000, 3000, 10_000], note: 'more than six 1-2-5 steps → 1-3' },
    { values: [1040, 1470, 3000], domain: [500, 5000], ticks: [500, 1000, 2000, 5000], note: 'one decade: 1-2-5' },
    { values: [0.00015, 0.003], domain: [0.0001, 0.005], ticks: [0.0001, 0.0002, 0.0005, 0.001, 0.002, 0.005], note: 'prices' },
    { values: [250], domain: [200, 500], ticks: [200, 500], note: 'one value: the round values around it' },
    { values: [1000], domain: [500, 2000], ticks: [500, 1000, 2000], note: 'a round value gets room on both sides' },
    { values: [0, -3, Number.NaN, 40], domain: [20, 50], ticks: [20, 50], note: 'zero, negatives and NaN have no place on a log axis' },
  ])('$note', ({ values, domain, ticks }) => {
    const axis = niceLogAxis(values)!;
    expect(axis.domain).toEqual(domain);
    expect(axis.ticks).toEqual(ticks);
    for (const v of values.filter((x) => x > 0)) {
      expect(v).toBeGreaterThan(axis.domain[0]);
      expect(v).toBeLessThan(axis.domain[1]);
    }
  });

  it('thins wide ranges to at most maxTicks round values', () => {
    const axis = niceLogAxis([0.001, 1e6], { maxTicks: 4 })!;
    expect(axis.ticks.length).toBeLessThanOrEqual(4);
    for (const t of axis.ticks) expect(Math.log10(t) % 1).toBeCloseTo(0);
  });

  it('has no axis without a positive value', () => {
    expect(niceLogAxis([])).toBeNull();
    expect(niceLogAxis([0, -1])).toBeNull();
  });

  it('every tick is 1, 2, 3 or 5 × 10^k and lies inside the domain', () => {
    for (const values of [[3.3, 7777], [0.00042, 0.0009], [12, 13], [999, 1001]]) {
      const { domain, ticks } = niceLogAxis(values)!;
      for (const t of ticks) {
        const mantissa = Number((t / 10 ** Math.floor(Math.log10(t))).toPrecision(6));
        expect([1, 2, 3, 5]).toContain(mantissa);
        expect(t).toBeGreaterThanOrEqual(domain[0]);
        expect(t).toBeLessThanOrEqual(domain[1]);
      }
    }
  });
});

describe('tick labels', () => {
  it.each([
    [500, '500 ms'], [1000, '1 s'], [2000, '2 s'], [20_000, '20 s'], [120_000, '2 min'],
  ])('%d ms → %s', (ms, text) => expect(formatMsTick(ms)).toBe(text));
  it.each([
    [0.0005, '$0.0005'], [0.001, '$0.001'], [0.01, '$0.01'], [0.2, '$0.2'], [2, '$2'], [0.00002, '$0.00002'],
  ])('%d USD → %s', (usd, text) => expect(formatUsdTick(usd)).toBe(text));
});
