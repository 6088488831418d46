import { describe, expect, it } from 'vitest';
import { clientIpFrom, isHttps, parseTrustedProxies, resolveClient } from './forwarded';

// Who the client is: the socket's address unless the peer is a trusted proxy; a client's own
// X-Forwarded-For / X-Forwarded-Proto never count.
const none = parseTrustedProxies(undefined);
const proxies = parseTrustedProxies('10.0.0.0/8, 192.168.1.5, fd00::/8');

describe('parseTrustedProxies', () => {
  it.each([
    ['', 0, []],
    ['10.0.0.0/8', 1, []],
    [' 10.0.0.0/8 , ::1 ,192.168.1.5/32', 3, []],
    ['10.0.0.0/33, fd00::/129, nonsense, 10.0.0.1/8/1, 10.0.0.0/x', 0, ['10.0.0.0/33', 'fd00::/129', 'nonsense', '10.0.0.1/8/1', '10.0.0.0/x']],
  ] as const)('%j → %i entries, invalid %j', (value, size, invalid) => {
    const p = parseTrustedProxies(value);
    expect(p.size).toBe(size);
    expect(p.invalid).toEqual(invalid);
  });
});

describe('resolveClient', () => {
  it.each([
    // No trusted proxy: the socket, whatever the headers say.
    ['direct, no headers', none, { address: '203.0.113.7', encrypted: false }, { ip: '203.0.113.7', proto: 'http' }],
    ['direct, forged XFF and XFP', none, { address: '127.0.0.1', encrypted: false, forwardedFor: '1.2.3.4', forwardedProto: 'https' }, { ip: '127.0.0.1', proto: 'http' }],
    ['IPv4-mapped socket address', none, { address: '::ffff:127.0.0.1', encrypted: false }, { ip: '127.0.0.1', proto: 'http' }],
    ['untrusted peer with a proxy list', proxies, { address: '198.51.100.1', encrypted: false, forwardedFor: '1.2.3.4', forwardedProto: 'https' }, { ip: '198.51.100.1', proto: 'http' }],
    ['TLS socket', none, { address: '198.51.100.1', encrypted: true }, { ip: '198.51.100.1', proto: 'https' }],
    // A trusted proxy: its X-Forwarded-For, walked right to left past trusted hops.
    ['trusted proxy', proxies, { address: '10.0.0.2', encrypted: false, forwardedFor: '203.0.113.9', forwardedProto: 'https' }, { ip: '203.0.113.9', proto: 'https' }],
    ['client-forged leftmost entry is skipped', proxies, { address: '10.0.0.2', encrypted: false, forwardedFor: '6.6.6.6, 203.0.113.9' }, { ip: '203.0.113.9', proto: 'http' }],
    ['two trusted hops', proxies, { address: '10.0.0.2', encrypted: false, forwardedFor: '203.0.113.9, 192.168.1.5, 10.1.1.1' }, { ip: '203.0.113.9', proto: 'http' }],
    ['all hops trusted: the leftmost', proxies, { address: '10.0.0.2', encrypted: false, forwardedFor: '10.9.9.9' }, { ip: '10.9.9.9', proto: 'http' }],
    ['trusted proxy without XFF', proxies, { address: '10.0.0.2', encrypted: false }, { ip: '10.0.0.2', proto: 'http' }],
    ['garbage hop stops the walk', proxies, { address: '10.0.0.2', encrypted: false, forwardedFor: '203.0.113.9, not-an-ip' }, { ip: '10.0.0.2', proto: 'http' }],
    ['IPv6 proxy', proxies, { address: 'fd00::5', encrypted: false, forwardedFor: '2001:db8::1', forwardedProto: 'http, https' }, { ip: '2001:db8::1', proto: 'https' }],
    ['unknown XFP value keeps the socket proto', proxies, { address: '10.0.0.2', encrypted: false, forwardedProto: 'gopher' }, { ip: '10.0.0.2', proto: 'http' }],
  ] as const)('%s', (_name, list, peer, expected) => {
    expect(resolveClient(peer, list)).toEqual(expected);
  });

  it('the app reads only the stamped headers', () => {
    expect(clientIpFrom(new Headers({ 'x-forwarded-for': '1.2.3.4' }))).toBe('unknown');
    expect(clientIpFrom(new Headers({ 'x-fm-client-ip': '203.0.113.9' }))).toBe('203.0.113.9');
    expect(isHttps(new Headers({ 'x-forwarded-proto': 'https' }))).toBe(false);
    expect(isHttps(new Headers({ 'x-fm-proto': 'https' }))).toBe(true);
  });
});
