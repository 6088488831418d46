import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

describe('toCsv', () => {
  const cols = [
    { header: 'name', value: (r: { name: string; n: number | null }) => r.name },
    { header: 'n', value: (r: { name: string; n: number | null }) => r.n },
  ];
  it('quotes commas, quotes and line breaks and leaves nulls empty', () => {
    expect(toCsv(cols, [{ name: 'a,b', n: 1 }, { name: 'say "hi"', n: null }, { name: 'x\ny', n: 2.5 }])).toBe(
      'name,n\r\n"a,b",1\r\n"say ""hi""",\r\n"x\ny",2.5\r\n',
    );
  });
  it.each(['=HYPERLINK("x")', '+1', '-2+3', '@SUM(A1)'])('defuses the formula %s', (name) => {
    expect(toCsv(cols, [{ name, n: 0 }]).split('\r\n')[1].replace(/^"|"?,0$/g, '')).toMatch(/^'/);
  });
  it('keeps negative numbers as numbers', () => {
    expect(toCsv(cols, [{ name: 'a', n: -3 }])).toContain('a,-3');
  });
});
