import { describe, expect, it } from 'vitest';
import { computeWindows, fillBuckets, fillDayBuckets, listDays, listHours, localDate, windowDayLabels } from './buckets';
import { days } from '@/tests/support/insight-fixtures';

describe('fillDayBuckets', () => {
  it('fills days without executions with zero counts and null averages, in order', () => {
    const rows = days([2, 3]).map((d, i) => ({ ...d, date: i === 0 ? '2024-02-28' : '2024-03-01' }));
    const filled = fillDayBuckets(rows, '2024-02-27', '2024-03-02');
    expect(filled.map((d) => d.date)).toEqual(['2024-02-27', '2024-02-28', '2024-02-29', '2024-03-01', '2024-03-02']);
    expect(filled[1].cost_usd).toBe(2);
    expect(filled[3].cost_usd).toBe(3);
    expect(filled[2]).toEqual({
      date: '2024-02-29', executions: 0, failures: 0, cost_usd: 0,
      avg_duration_ms: null, p50_duration_ms: null, p95_duration_ms: null, p99_duration_ms: null,
    });
  });
  it('drops rows outside the labels and returns [] for no data', () => {
    expect(fillBuckets(days([1], {}, '2023-12-31'), ['2024-01-01'])[0].executions).toBe(0);
    expect(fillDayBuckets([], '2024-01-01', '2024-01-03')).toHaveLength(3);
  });
  it('rejects malformed dates rather than looping forever', () => {
    expect(() => listDays('2024-13-45', '2024-01-01')).toThrow(RangeError);
  });
  it('hour labels: 24 per day', () => {
    const h = listHours('2024-01-01', '2024-01-02');
    expect(h).toHaveLength(48);
    expect(h[0]).toBe('2024-01-01T00:00');
    expect(h[47]).toBe('2024-01-02T23:00');
  });
});

describe('windows', () => {
  it('current = last N days up to now, previous = the N days before', () => {
    expect(computeWindows('2024-01-31T12:00:00.000Z', 7)).toEqual({
      current: { start: '2024-01-24T12:00:00.000Z', end: '2024-01-31T12:00:00.000Z' },
      previous: { start: '2024-01-17T12:00:00.000Z', end: '2024-01-24T12:00:00.000Z' },
    });
  });
  it('day labels follow the organisation time zone', () => {
    expect(localDate('2024-01-15T03:00:00Z', 'America/New_York')).toBe('2024-01-14');
    expect(localDate('2024-01-15T03:00:00Z', 'UTC')).toBe('2024-01-15');
    const w = computeWindows('2024-01-31T12:00:00.000Z', 2).current;
    expect(windowDayLabels(w, 'UTC')).toEqual(['2024-01-29', '2024-01-30', '2024-01-31']);
    expect(windowDayLabels(w, 'Asia/Tokyo')).toEqual(['2024-01-29', '2024-01-30', '2024-01-31']);
    expect(windowDayLabels({ start: '2024-01-30T00:00:00.000Z', end: '2024-01-31T00:00:00.000Z' }, 'UTC')).toEqual(['2024-01-30']);
  });
});
