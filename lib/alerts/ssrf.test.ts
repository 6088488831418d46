import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addressRefusal, checkWebhookUrl, classifyAddress } from './ssrf';
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
  ])('refuses %s', async (url, reason) => {
    const r = await checkWebhookUrl(url, { allowPrivate: false });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
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

  it('with the flag it connects, and does not follow redirects', async () => {
    const r = await sendWebhook({ url: `http://localhost:${port}/x`, headers: {}, body: '{}', timeoutMs: 2000, allowPrivate: true });
    expect(r.statusCode).toBe(302);
    expect(hits).toBe(1);
  });
});
