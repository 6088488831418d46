import fc from 'fast-check';

// Hostile values for the fuzz suite: injection fragments, control and odd Unicode characters,
// numbers JSON can barely hold, keys that poke at prototypes, deep nesting and invalid UTF-8.

export const NASTY_STRINGS = [
  "'", "' OR '1'='1", "'; DROP TABLE executions; --", "1; SELECT pg_sleep(30)--", '") OR 1=1 --',
  '$$; DELETE FROM api_keys; $$', "%' UNION SELECT key_hash FROM api_keys --", 'E\'\\x00\'', '\\', '\\u0000',
  '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', 'javascript:alert(1)', '{{7*7}}', '${jndi:ldap://x/a}',
  '../../../../etc/passwd', '..%2f..%2f', '%00', '%FF', '\u0000', 'a\u0000b', '\ud800', '\udfff', '\uffff', '\u202e\u0645',
  '\u200b', '𝕏𝕐', '🔥'.repeat(70), '__proto__', 'constructor', 'NaN', 'Infinity', '-0', '1e309', '0x7fffffff',
  '9'.repeat(400), ' ', '', '\t\n\r', 'null', 'true', '[]', '{}', 'x'.repeat(70_000), 'default', 'UTC', 'Etc/GMT+99',
];

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 200 }) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('x', 'é', '💥', "'"), fc.integer({ min: 129, max: 5_000 })).map(([c, n]) => c.repeat(n)) },
);

export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(1e308, -1e308, 2 ** 53 + 2, -(2 ** 63), 2 ** 63, 1e-320, -0, -1, 0.5, 2_147_483_648, 1e12 + 1, 1e9 + 0.5),
  fc.double(),
  fc.integer(),
);

/** Marks a string that toJson writes as raw JSON text: literals JSON.stringify cannot produce. */
const RAW = '\uF8FFraw:';
export const rawLiteral: fc.Arbitrary<string> = fc
  .constantFrom('1e99999', '-1e99999', '123456789012345678901234567890', `0.${'0'.repeat(400)}1`, '1E+2', '-0.0e-0')
  .map((s) => RAW + s);
// Mostly a few thousand levels (cheap to send), sometimes 100,000: deep enough to overflow the
// stack of any recursive walker.
export const deepNesting: fc.Arbitrary<string> = fc
  .tuple(fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 50, max: 3_000 }) }, { weight: 1, arbitrary: fc.constant(100_000) }), fc.boolean())
  .map(([n, array]) => RAW + (array ? '['.repeat(n) + ']'.repeat(n) : '{"a":'.repeat(n) + '1' + '}'.repeat(n)));

export const hostileKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', '', 'k'.repeat(300), '$where', "'; --", '\u0000', 'org_id', 'orgId'),
  fc.string({ maxLength: 12 }),
);

export const hostileScalar: fc.Arbitrary<unknown> = fc.oneof(hostileString, hostileNumber, rawLiteral, fc.boolean(), fc.constant(null));

export const hostileValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileScalar,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(hostileKey, tie('value'), { maxKeys: 4 }),
    deepNesting,
  ),
})).value;

/** JSON text of `value`, with the raw markers written as the literal text they carry. */
export function toJson(value: unknown): string {
  return JSON.stringify(value).replace(/"\uF8FFraw:((?:[^"\\]|\\.)*)"/g, (_, raw: string) => JSON.parse(`"${raw}"`) as string);
}

/** Byte sequences that are not UTF-8: stray continuation, overlong, surrogate, truncated, out of range. */
export const invalidUtf8: fc.Arbitrary<Buffer> = fc
  .constantFrom([0xff], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xe2, 0x82], [0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xf4, 0x90, 0x80, 0x80])
  .map((b) => Buffer.from(b));

/** A JSON body with invalid UTF-8 bytes spliced into its first string value. */
export function withInvalidUtf8(json: string, bytes: Buffer): Buffer {
  const at = json.indexOf('"') + 1;
  return Buffer.concat([Buffer.from(json.slice(0, at)), bytes, Buffer.from(json.slice(at))]);
}

/**
 * Path segments: percent-encoded hostile strings, odd but decodable escapes, and segments that do
 * not decode at all ('%zz', '%FF': Next.js itself answers those with a 500 unless proxy.ts
 * refuses them first — vercel/next.js#92557).
 */
export const UNDECODABLE_SEGMENTS = ['%', '%zz', '%FF%FE', '%C0%AF', '%u0041', '%E0%A4%A'];

export const hostileSegment: fc.Arbitrary<string> = fc.oneof(
  hostileString.map((s) => encodeURIComponent(s.replace(/[\ud800-\udfff]/g, '?'))),
  fc.constantFrom('%00', '%25', '%2e%2e', '..', '.', 'null', '00000000-0000-0000-0000-000000000000', 'a%2Fb', '%EF%BF%BD', '%F0%9F%94%A5'),
  fc.constantFrom(...UNDECODABLE_SEGMENTS),
  fc.uuid(),
);
