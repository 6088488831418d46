import { afterAll, describe, expect, it } from 'vitest';
import { closeDb, getPool } from '@/lib/db/client';
import { pgArray } from './columns';

// The hand-built array literals must read back in PostgreSQL exactly as the values we meant.
describe('pgArray', () => {
  afterAll(closeDb);

  it('round-trips awkward text through text[]', async () => {
    const values = ['plain', '', 'NULL', 'with "quotes"', 'back\\slash', 'a,b', '{braces}', ' spaced ', 'line\nbreak\ttab', 'ünïcødé 🚀', '\\"', null];
    const { rows } = await getPool().query<{ v: Array<string | null> }>('SELECT $1::text[] AS v', [pgArray(values)]);
    expect(rows[0].v).toEqual(values);
  });

  it('round-trips numbers, jsonb and empty arrays', async () => {
    const { rows } = await getPool().query<{ i: string[]; j: unknown[]; e: number[] }>(
      'SELECT $1::bigint[]::text[] AS i, $2::jsonb[] AS j, $3::int[] AS e',
      [pgArray([0, 1, 2_147_483_647, 1e12, null]), pgArray([JSON.stringify({ a: 'x"y\\z', b: [1, 2] }), null]), pgArray([])],
    );
    expect(rows[0]).toEqual({ i: ['0', '1', '2147483647', '1000000000000', null], j: [{ a: 'x"y\\z', b: [1, 2] }, null], e: [] });
  });
});
