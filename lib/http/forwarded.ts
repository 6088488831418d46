import net from 'node:net';

// Who is on the other end of a request. The socket's peer address is the truth; X-Forwarded-For
// and X-Forwarded-Proto are only believed when the peer is a proxy listed in TRUSTED_PROXIES
// (CIDR list, e.g. "10.0.0.0/8, ::1"). Any client can send those headers, so without a trusted
// proxy they are ignored. The app's server (scripts/serve.ts) resolves this once per request and
// stamps the result into the two headers below, after deleting whatever the client sent in them;
// better-auth's limiter, the API's limiter and the cookie/HSTS rules read only those.

export const CLIENT_IP_HEADER = 'x-fm-client-ip';
export const PROTO_HEADER = 'x-fm-proto';

export type TrustedProxies = { list: net.BlockList; invalid: string[]; size: number };

/** Strips the IPv4-mapped prefix: a dual-stack socket reports 127.0.0.1 as ::ffff:127.0.0.1. */
export function normalizeIp(ip: string): string {
  const m = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  return m ? m[1] : ip.toLowerCase();
}

export function parseTrustedProxies(value: string | undefined): TrustedProxies {
  const list = new net.BlockList();
  const invalid: string[] = [];
  let size = 0;
  for (const raw of (value ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    const [addr, prefixText, extra] = raw.split('/');
    const family = net.isIP(addr);
    const max = family === 4 ? 32 : 128;
    const prefix = prefixText === undefined ? max : /^\d+$/.test(prefixText) ? Number(prefixText) : NaN;
    if (family === 0 || extra !== undefined || !(prefix >= 0 && prefix <= max)) {
      invalid.push(raw);
      continue;
    }
    list.addSubnet(addr, prefix, family === 4 ? 'ipv4' : 'ipv6');
    size += 1;
  }
  return { list, invalid, size };
}

export function isTrusted(ip: string, proxies: TrustedProxies): boolean {
  if (proxies.size === 0) return false;
  const family = net.isIP(ip);
  return family !== 0 && proxies.list.check(ip, family === 4 ? 'ipv4' : 'ipv6');
}

export type Peer = { address: string | undefined; encrypted: boolean; forwardedFor?: string; forwardedProto?: string };

/**
 * The client's address and protocol. From a trusted peer, X-Forwarded-For is walked right to left
 * past trusted hops to the first address that is not a trusted proxy (the leftmost entries are the
 * client's own claim and are never taken while an untrusted hop stands to their right).
 */
export function resolveClient(peer: Peer, proxies: TrustedProxies): { ip: string; proto: 'http' | 'https' } {
  const socketIp = normalizeIp(peer.address ?? 'unknown');
  const own = { ip: socketIp, proto: peer.encrypted ? 'https' : 'http' } as const;
  if (!isTrusted(socketIp, proxies)) return own;
  let ip = socketIp;
  const hops = (peer.forwardedFor ?? '').split(',').map((s) => normalizeIp(s.trim())).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    if (net.isIP(hops[i]) === 0) break; // garbage: keep the last address we could vouch for
    ip = hops[i];
    if (!isTrusted(ip, proxies)) break;
  }
  // The proto the nearest proxy saw (the last value it appended, or its only one).
  const proto = peer.forwardedProto?.split(',').at(-1)?.trim().toLowerCase();
  return { ip, proto: proto === 'https' ? 'https' : proto === 'http' ? 'http' : own.proto };
}

/** The stamped client address inside the app ('unknown' when the app was not served by serve.ts). */
export function clientIpFrom(headers: Headers): string {
  return headers.get(CLIENT_IP_HEADER)?.trim() || 'unknown';
}

/** Whether the request reached the edge over TLS, per the stamp. */
export function isHttps(headers: Headers): boolean {
  return headers.get(PROTO_HEADER) === 'https';
}
