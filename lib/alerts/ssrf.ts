import dns from 'node:dns';
import net from 'node:net';
import { embeddedIpv4 } from './embedded-ipv4';

// SSRF guard for webhook URLs. A webhook makes this server send requests to an address a user
// chose, so it must not become a way into the server's own network: only http(s), and every
// address the host resolves to must be public. Loopback, private (RFC 1918), CGNAT, link-local
// and unique-local addresses are allowed only with ALLOW_PRIVATE_WEBHOOKS=1 (local use, tests).
// Unspecified, multicast, broadcast, reserved and documentation ranges are never a webhook target.
// The check runs when an endpoint is created and again on every delivery, inside the connection's
// own DNS lookup (see guardedLookup), so a name that later resolves elsewhere is caught at the
// moment of connecting, not at a check that could be raced.

const PRIVATE = new net.BlockList();
for (const [a, p] of [['10.0.0.0', 8], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12], ['192.168.0.0', 16], ['100.64.0.0', 10]] as const) {
  PRIVATE.addSubnet(a, p, 'ipv4');
}
// fec0::/10: site-local, deprecated (RFC 3879) but still routed inside some networks.
// 64:ff9b:1::/48: NAT64 for local use (RFC 8215), whose IPv4 position the network chooses.
for (const [a, p] of [['::1', 128], ['fc00::', 7], ['fe80::', 10], ['fec0::', 10], ['64:ff9b:1::', 48]] as const) {
  PRIVATE.addSubnet(a, p, 'ipv6');
}

const NEVER = new net.BlockList();
for (const [a, p] of [
  ['0.0.0.0', 8], ['192.0.0.0', 24], ['192.0.2.0', 24], ['198.18.0.0', 15], ['198.51.100.0', 24],
  ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) {
  NEVER.addSubnet(a, p, 'ipv4');
}
for (const [a, p] of [['::', 128], ['ff00::', 8], ['2001:db8::', 32], ['100::', 64]] as const) NEVER.addSubnet(a, p, 'ipv6');

export type AddressClass = 'public' | 'private' | 'forbidden';
const RANK: Record<AddressClass, number> = { public: 0, private: 1, forbidden: 2 };

function classifyOwn(ip: string, type: 'ipv4' | 'ipv6'): AddressClass {
  if (NEVER.check(ip, type)) return 'forbidden';
  if (PRIVATE.check(ip, type)) return 'private';
  return 'public';
}

/**
 * An IPv6 address is classified as the worst of its own range and every IPv4 address it carries
 * (embedded-ipv4.ts): ::7f00:1, ::ffff:0:7f00:1, 64:ff9b::7f00:1 and 2002:7f00:1:: all reach
 * 127.0.0.1 somewhere on the way, so they are as private as 127.0.0.1.
 */
export function classifyAddress(ip: string): AddressClass {
  const family = net.isIP(ip);
  if (family === 0) return 'forbidden';
  if (family === 4) return classifyOwn(ip, 'ipv4');
  let worst = classifyOwn(ip, 'ipv6');
  for (const v4 of embeddedIpv4(ip)) {
    const c = classifyOwn(v4, 'ipv4');
    if (RANK[c] > RANK[worst]) worst = c;
  }
  return worst;
}

/** Why this address may not be called, or null when it may. */
export function addressRefusal(ip: string, allowPrivate: boolean): string | null {
  const c = classifyAddress(ip);
  if (c === 'forbidden') return `${ip} is not a routable unicast address`;
  if (c === 'private' && !allowPrivate) {
    return `${ip} is a loopback, private or link-local address (set ALLOW_PRIVATE_WEBHOOKS=1 to allow)`;
  }
  return null;
}

export type Resolver = (host: string) => Promise<string[]>;
const systemResolver: Resolver = async (host) => (await dns.promises.lookup(host, { all: true, verbatim: true })).map((a) => a.address);

export type UrlCheck = { ok: true; url: URL } | { ok: false; reason: string };

/** Create-time check of a webhook URL: scheme, then every address the host resolves to. */
export async function checkWebhookUrl(raw: string, opts: { allowPrivate: boolean; resolve?: Resolver }): Promise<UrlCheck> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'must be an absolute http(s) URL' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, reason: 'must use http or https' };
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  if (net.isIP(host)) {
    addresses = [host];
  } else {
    try {
      addresses = await (opts.resolve ?? systemResolver)(host);
    } catch {
      return { ok: false, reason: `host ${host} could not be resolved` };
    }
    if (addresses.length === 0) return { ok: false, reason: `host ${host} could not be resolved` };
  }
  for (const ip of addresses) {
    const refusal = addressRefusal(ip, opts.allowPrivate);
    if (refusal) return { ok: false, reason: host === ip ? refusal : `${host} resolves to ${refusal}` };
  }
  return { ok: true, url };
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void;

/**
 * A `lookup` for http.request that refuses blocked addresses: the socket connects only to an
 * address that passed the check (no gap between checking and connecting). IP-literal hosts do
 * not go through lookup, so callers check those with addressRefusal first.
 */
type AllLookup = (hostname: string, options: dns.LookupAllOptions, cb: (err: NodeJS.ErrnoException | null, addresses: dns.LookupAddress[]) => void) => void;

export function guardedLookup(allowPrivate: boolean, lookup: AllLookup = dns.lookup) {
  return (hostname: string, options: dns.LookupOptions, callback: LookupCallback) => {
    lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, []);
      for (const a of addresses) {
        const refusal = addressRefusal(a.address, allowPrivate);
        if (refusal) {
          const e: NodeJS.ErrnoException = new Error(`refused: ${hostname} resolves to ${refusal}`);
          e.code = 'EWEBHOOKBLOCKED';
          return callback(e, []);
        }
      }
      if (options.all) return callback(null, addresses);
      const first = addresses[0];
      if (!first) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), []);
      callback(null, first.address, first.family);
    });
  };
}
