import { describe, expect, it } from 'vitest';
import { DEMO_DEFAULTS, generateDemoExecutions, type DemoExecution, type DemoOptions } from './index';

const NOW = new Date('2025-06-18T10:17:00Z'); // a Wednesday, deliberately not on the hour
const DAY = 86_400_000;

function collect(opts: DemoOptions): DemoExecution[] {
  const out: DemoExecution[] = [];
  for (const batch of generateDemoExecutions(opts)) out.push(...batch);
  return out;
}

describe('generateDemoExecutions: determinism', () => {
  it('gives identical output for the same seed, now and options', () => {
    const a = JSON.stringify(collect({ now: NOW, total: 3_000, seed: 5 }));
    const b = JSON.stringify(collect({ now: new Date(NOW), total: 3_000, seed: 5 }));
    expect(a).toBe(b);
  });

  it('does not depend on batchSize (batches only group the same sequence)', () => {
    const a = collect({ now: NOW, total: 2_500, seed: 5, batchSize: 1_000 });
    const b = collect({ now: NOW, total: 2_500, seed: 5, batchSize: 7 });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it('gives different data for different seeds, beyond the ids', () => {
    const strip = (xs: DemoExecution[]) => JSON.stringify(xs.map(({ id: _id, ...rest }) => rest));
    const a = collect({ now: NOW, total: 500, seed: 1 });
    const b = collect({ now: NOW, total: 500, seed: 2 });
    expect(strip(a)).not.toBe(strip(b));
    expect(a[0].id).toBe('demo-1-0');
    expect(b[0].id).toBe('demo-2-0');
  });

  it('is lazy and validates options eagerly', () => {
    expect(() => generateDemoExecutions({ now: new Date('nope') })).toThrow(RangeError);
    expect(() => generateDemoExecutions({ now: NOW, total: -1 })).toThrow(RangeError);
    expect(() => generateDemoExecutions({ now: NOW, total: 1.5 })).toThrow(RangeError);
    expect(() => generateDemoExecutions({ now: NOW, batchSize: 0 })).toThrow(RangeError);
    expect(() => generateDemoExecutions({ now: NOW, days: 0 })).toThrow(RangeError);
  });
});

describe('generateDemoExecutions: volume and batching', () => {
  it.each([0, 1, 999, 1_000, 4_321])('produces exactly total=%i executions with unique sequential ids', (total) => {
    const xs = collect({ now: NOW, total, seed: 3 });
    expect(xs).toHaveLength(total);
    expect(xs.map((e) => e.id)).toEqual(xs.map((_, i) => `demo-3-${i}`));
  });

  it('defaults to a realistic demo volume over 60 days', () => {
    expect(DEMO_DEFAULTS).toMatchObject({ days: 60, total: 25_000, batchSize: 1_000 });
    const batches = [...generateDemoExecutions({ now: NOW })];
    expect(batches.reduce((n, b) => n + b.length, 0)).toBe(25_000);
    expect(batches.slice(0, -1).every((b) => b.length === 1_000)).toBe(true);
  });

  it('yields full batches of at most batchSize, the last one possibly shorter', () => {
    const sizes = [...generateDemoExecutions({ now: NOW, total: 2_345, batchSize: 500 })].map((b) => b.length);
    expect(sizes).toEqual([500, 500, 500, 500, 345]);
  });

  it('streams a 10,000,000-execution request without generating it up front', () => {
    const gen = generateDemoExecutions({ now: NOW, total: 10_000_000, batchSize: 1_000 });
    const first = gen.next();
    const second = gen.next();
    gen.return(undefined);
    expect(first.done).toBe(false);
    expect(first.value).toHaveLength(1_000);
    expect(second.value).toHaveLength(1_000);
    // 2,000 of ~7,000 per hour: still within the window's first hour, so nothing beyond was built.
    const last = Date.parse((second.value as DemoExecution[])[999].started_at);
    expect(last - (NOW.getTime() - 60 * DAY)).toBeLessThan(3_600_000);
  });
});

describe('generateDemoExecutions: time distribution', () => {
  const xs = collect({ now: NOW, seed: 11 });
  const times = xs.map((e) => Date.parse(e.started_at));

  it('keeps every start inside [now - days, now), in chronological order, as ISO UTC', () => {
    const start = NOW.getTime() - 60 * DAY;
    expect(times.every((t) => t >= start && t < NOW.getTime())).toBe(true);
    expect(times.every((t, i) => i === 0 || t >= times[i - 1])).toBe(true);
    expect(xs.every((e) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(e.started_at))).toBe(true);
    // Spread over the window, not bunched at one end: every day has traffic.
    const days = new Set(times.map((t) => Math.floor((t - start) / DAY)));
    expect(days.size).toBe(60);
  });

  it('honours a short custom window', () => {
    const short = collect({ now: NOW, days: 2.5, total: 700 });
    expect(short).toHaveLength(700);
    expect(short.every((e) => Date.parse(e.started_at) >= NOW.getTime() - 2.5 * DAY)).toBe(true);
  });

  it('is busier on weekdays than on weekends (per day)', () => {
    const perDay = [0, 0]; // [weekday, weekend] executions
    for (const t of times) perDay[[0, 6].includes(new Date(t).getUTCDay()) ? 1 : 0]++;
    const weekdays = 60 * (5 / 7);
    const weekendDays = 60 - weekdays;
    expect(perDay[0] / weekdays).toBeGreaterThan(1.2 * (perDay[1] / weekendDays));
  });

  it('is busier in business hours, and the nightly batch runs mostly at night (UTC)', () => {
    const hourOf = (e: DemoExecution) => new Date(e.started_at).getUTCHours();
    const business = xs.filter((e) => e.pipeline_id === 'rag-answer').map(hourOf);
    const inOffice = business.filter((h) => h >= 9 && h < 17).length / business.length;
    expect(inOffice).toBeGreaterThan(0.45); // 8 of 24 hours would be 0.33 if flat
    const nightly = xs.filter((e) => e.pipeline_id === 'nightly-enrichment').map(hourOf);
    const atNight = nightly.filter((h) => h >= 22 || h < 5).length / nightly.length;
    expect(atNight).toBeGreaterThan(0.8);
  });
});
