import net from 'node:net';

// IPv6 forms that carry an IPv4 address, which a host, a NAT64 gateway or a 6to4/Teredo relay on
// the way turns back into IPv4 — so an SSRF guard must judge them by the IPv4 address inside:
//   ::a.b.c.d         IPv4-compatible (::/96, deprecated; ::7f00:1 is 127.0.0.1)
//   ::ffff:a.b.c.d    IPv4-mapped (::ffff:0:0/96)
//   ::ffff:0:a.b.c.d  IPv4-translated (SIIT, ::ffff:0:0:0/96)
//   64:ff9b::a.b.c.d  NAT64 well-known prefix (64:ff9b::/96, RFC 6052)
//   2002:AABB:CCDD::  6to4 (2002::/16: the IPv4 address in bits 16–47)
//   2001:0:S:S::~C:~C Teredo (2001::/32: the server in bits 32–63, the client inverted in the last 32)

/** The 16 bytes of a valid IPv6 address (with an optional trailing dotted quad). */
export function ipv6Bytes(ip: string): Uint8Array | null {
  if (!net.isIPv6(ip)) return null;
  let text = ip.toLowerCase().split('%')[0];
  const quad = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (quad) {
    const [a, b, c, d] = quad.slice(1).map(Number);
    text = `${text.slice(0, quad.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, null];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === null ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  if (groups.length !== 8) return null;
  const bytes = new Uint8Array(16);
  groups.forEach((g, i) => {
    const n = parseInt(g, 16);
    bytes[i * 2] = n >> 8;
    bytes[i * 2 + 1] = n & 0xff;
  });
  return bytes;
}

const quadAt = (b: Uint8Array, i: number, invert = false) =>
  [b[i], b[i + 1], b[i + 2], b[i + 3]].map((x) => (invert ? x ^ 0xff : x)).join('.');
const zero = (b: Uint8Array, from: number, to: number) => b.subarray(from, to).every((x) => x === 0);

/** Every IPv4 address an IPv6 address carries (none for ordinary IPv6 addresses, :: and ::1). */
export function embeddedIpv4(ip: string): string[] {
  const b = ipv6Bytes(ip);
  if (!b) return [];
  const word = (i: number) => (b[i] << 8) | b[i + 1];
  // ::/96 and ::ffff:0:0/96 (compatible, mapped); :: and ::1 are IPv6's own unspecified and loopback.
  if (zero(b, 0, 10) && (word(10) === 0xffff || (word(10) === 0 && !(zero(b, 12, 15) && b[15] <= 1)))) return [quadAt(b, 12)];
  if (zero(b, 0, 8) && word(8) === 0xffff && word(10) === 0) return [quadAt(b, 12)]; // ::ffff:0:a.b.c.d
  if (word(0) === 0x64 && word(2) === 0xff9b && zero(b, 4, 12)) return [quadAt(b, 12)]; // 64:ff9b::/96
  if (word(0) === 0x2002) return [quadAt(b, 2)]; // 6to4
  if (word(0) === 0x2001 && word(2) === 0) return [quadAt(b, 4), quadAt(b, 12, true)]; // Teredo
  return [];
}
