import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addressRefusal, checkWebhookUrl, classifyAddress, guardedLookup } from './ssrf';
import { sendWebhook } from './send';

describe('classifyAddress', () => {
  it.each([
    ['93.184.216.34', 'public'],
    ['8.8.8.8', 'public'],
    ['2606:4700:4700::1111', 'public'],
    ['127.0.0.1', 'private'],
    ['127.255.0.9', 'private'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['172.32.0.1', 'public'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'private'], // cloud metadata endpoint
    ['100.64.0.1', 'private'], // CGNAT
    ['100.127.255.254', 'private'],
    ['100.128.0.1', 'public'],
    ['::1', 'private'],
    ['fd12:3456::1', 'private'], // unique-local
    ['fe80::1', 'private'], // link-local
    ['::ffff:127.0.0.1', 'private'], // IPv4-mapped
    ['::ffff:10.0.0.1', 'private'],
    ['0.0.0.0', 'forbidden'],
    ['224.0.0.1', 'forbidden'], // multicast
    ['239.255.255.250', 'forbidden'],
    ['255.255.255.255', 'forbidden'],
    ['ff02::1', 'forbidden'],
    ['::', 'forbidden'],
    ['not-an-ip', 'forbidden'],
    // IPv6 forms that carry an IPv4 address are judged by it.
    ['::7f00:1', 'private'], // IPv4-compatible 127.0.0.1
    ['::127.0.0.1', 'private'],
    ['::a00:1', 'private'], // 10.0.0.1
    ['::0.0.0.2', 'forbidden'],
    ['::808:808', 'public'], // 8.8.8.8
    ['::ffff:7f00:1', 'private'], // IPv4-mapped, hex
    ['::ffff:a9fe:a9fe', 'private'], // 169.254.169.254
    ['::ffff:0:7f00:1', 'private'], // IPv4-translated (SIIT)
    ['::ffff:0:127.0.0.1', 'private'],
    ['::ffff:0:e000:1', 'forbidden'], // 224.0.0.1
    ['64:ff9b::7f00:1', 'private'], // NAT64 127.0.0.1
    ['64:ff9b::127.0.0.1', 'private'],
    ['64:ff9b::a9fe:a9fe', 'private'], // NAT64 169.254.169.254
    ['64:ff9b::808:808', 'public'], // NAT64 8.8.8.8: a public address
    ['64:ff9b:1::1', 'private'], // local-use NAT64 prefix
    ['2002:7f00:1::', 'private'], // 6to4 127.0.0.1
    ['2002:c0a8:101::1', 'private'], // 6to4 192.168.1.1
    ['2002:a9fe:a9fe::', 'private'],
    ['2002:0:0::1', 'forbidden'], // 6to4 0.0.0.0
    ['2002:808:808::1', 'public'],
    ['2001:0:4136:e378:8000:63bf:80ff:fffe', 'private'], // Teredo, client 127.0.0.1 (inverted)
    ['2001:0:7f00:1::f7f7:f7f7', 'private'], // Teredo, server 127.0.0.1 (client 8.8.8.8)
    ['fec0::1', 'private'], // site-local (deprecated)
    ['feff::1', 'private'],
    ['2606:4700::6810:84e5', 'public'],
  ] as const)('%s is %s', (ip, expected) => {
    expect(classifyAddress(ip)).toBe(expected);
  });

  it('private addresses are refused without the flag and allowed with it; forbidden ones never', () => {
    expect(addressRefusal('10.0.0.1', false)).toMatch(/ALLOW_PRIVATE_WEBHOOKS/);
    expect(addressRefusal('10.0.0.1', true)).toBeNull();
    expect(addressRefusal('224.0.0.1', true)).toMatch(/not a routable unicast/);
    expect(addressRefusal('8.8.8.8', false)).toBeNull();
  });
});

describe('checkWebhookUrl', () => {
  const resolveTo = (...ips: string[]) => async () => ips;
  it.each([
    ['ftp://example.com/x', /http or https/],
    ['file:///etc/passwd', /http or https/],
    ['not a url', /absolute http/],
    ['http://127.0.0.1:8080/hook', /loopback/],
    ['http://[::1]/hook', /loopback/],
    ['http://0x7f.1/hook', /loopback/], // WHATWG URL normalises this to 127.0.0.1
    ['http://2130706433/hook', /loopback/],
    ['http://169.254.169.254/latest/meta-data', /loopback, private or link-local/],
    ['http://[::7f00:1]/hook', /loopback/],
    ['http://[::ffff:0:7f00:1]/hook', /loopback/],
    ['http://[64:ff9b::7f00:1]/hook', /loopback/],
    ['http://[2002:7f00:1::]/hook', /loopback/],
    ['http://[fec0::1]/hook', /loopback/],
    ['http://[::ffff:169.254.169.254]/latest', /loopback/],
  ])('refuses %s', async (url, reason) => {
    const r = await checkWebhookUrl(url, { allowPrivate: false });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });

  it.each(['::7f00:1', '::ffff:0:7f00:1', '64:ff9b::7f00:1', '2002:7f00:1::', 'fec0::1'])('refuses a name that resolves to %s', async (ip) => {
    const r = await checkWebhookUrl('https://hooks.example.com/x', { allowPrivate: false, resolve: resolveTo(ip) });
    expect(r).toEqual({ ok: false, reason: expect.stringContaining(`resolves to ${ip} is a loopback`) });
  });

  it('resolves names and refuses when ANY address is private', async () => {
    const r = await checkWebhookUrl('https://hooks.example.com/x', { allowPrivate: false, resolve: resolveTo('93.184.216.34', '10.0.0.5') });
    expect(r).toEqual({ ok: false, reason: expect.stringMatching(/hooks\.example\.com resolves to 10\.0\.0\.5/) });
    const ok = await checkWebhookUrl('https://hooks.example.com/x', { allowPrivate: false, resolve: resolveTo('93.184.216.34') });
    expect(ok.ok).toBe(true);
  });

  it('refuses names that do not resolve', async () => {
    const r = await checkWebhookUrl('https://nope.invalid/x', { allowPrivate: false, resolve: async () => { throw new Error('ENOTFOUND'); } });
    expect(r).toEqual({ ok: false, reason: 'host nope.invalid could not be resolved' });
  });

  it('localhost (real DNS) is refused without the flag and allowed with it', async () => {
    expect((await checkWebhookUrl('http://localhost:9/x', { allowPrivate: false })).ok).toBe(false);
    expect((await checkWebhookUrl('http://localhost:9/x', { allowPrivate: true })).ok).toBe(true);
  });
});

describe('sendWebhook guards the connection itself', () => {
  let server: http.Server;
  let hits = 0;
  let port = 0;
  beforeAll(async () => {
    server = http.createServer((_req, res) => { hits += 1; res.writeHead(302, { location: 'http://127.0.0.1:1/' }).end(); });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('never connects to a private address without the flag (name or literal)', async () => {
    for (const host of ['localhost', '127.0.0.1']) {
      const r = await sendWebhook({ url: `http://${host}:${port}/x`, headers: {}, body: '{}', timeoutMs: 2000, allowPrivate: false });
      expect(r.statusCode).toBeNull();
      expect(r.error).toMatch(/refused/);
    }
    expect(hits).toBe(0);
  });

  it('refuses IPv6 forms of a private IPv4 address at connect time, literal or resolved', async () => {
    // ::ffff:127.0.0.1 really reaches this IPv4 server on a dual-stack host.
    for (const ip of ['::ffff:7f00:1', '::7f00:1', '::ffff:0:7f00:1', '64:ff9b::7f00:1', '2002:7f00:1::', 'fec0::1']) {
      const r = await sendWebhook({ url: `http://[${ip}]:${port}/x`, headers: {}, body: '{}', timeoutMs: 2000, allowPrivate: false });
      expect([r.statusCode, r.error], ip).toEqual([null, expect.stringMatching(/^refused: .*loopback, private/)]);
    }
    expect(hits).toBe(0);
    const lookup = guardedLookup(false, (_host, _opts, cb) => cb(null, [{ address: '64:ff9b::a9fe:a9fe', family: 6 }]));
    const err = await new Promise<NodeJS.ErrnoException | null>((resolve) => lookup('metadata.example', {}, (e) => resolve(e)));
    expect(err?.code).toBe('EWEBHOOKBLOCKED');
    expect(err?.message).toMatch(/metadata\.example resolves to 64:ff9b::a9fe:a9fe/);
  });

  it('with the flag it connects, and does not follow redirects', async () => {
    const r = await sendWebhook({ url: `http://localhost:${port}/x`, headers: {}, body: '{}', timeoutMs: 2000, allowPrivate: true });
    expect(r.statusCode).toBe(302);
    expect(hits).toBe(1);
  });
});
