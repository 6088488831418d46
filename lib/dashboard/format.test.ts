import { describe, expect, it } from 'vitest';
import { changeTone, formatBucket, formatChange, formatDataValue } from './format';

describe('dashboard formatting', () => {
  it.each([
    [45.234, '+45.2%'],
    [-4, '−4.0%'],
    [0.01, '0.0%'],
    [null, '—'],
  ])('formatChange(%s) = %s', (v, out) => expect(formatChange(v)).toBe(out));

  it('judges a change by what the metric is', () => {
    expect(changeTone(20, false)).toBe('bad'); // cost up
    expect(changeTone(-20, false)).toBe('good');
    expect(changeTone(3, true)).toBe('good'); // success rate up
    expect(changeTone(0.5, true)).toBe('neutral');
  });

  it('formats bucket labels as text, whatever the viewer’s time zone', () => {
    expect(formatBucket('2026-11-21')).toBe('Nov 21');
    expect(formatBucket('2026-01-02T07:00')).toBe('Jan 2, 07:00');
    expect(formatBucket('2026-11-21', true)).toBe('Nov 21, 2026');
  });

  it.each([
    ['current_cost', 12.5, '$12.50'],
    ['increase_percent', 45.25, '45.3%'],
    ['failure_rate', 0.125, '12.5%'],
    ['current_avg_ms', 1840, '1.84 s'],
    ['total_failures', 1234, '1,234'],
    ['model', 'gpt-4o', 'gpt-4o'],
  ])('formatDataValue(%s, %s) = %s', (k, v, out) => expect(formatDataValue(k, v)).toBe(out));
});
