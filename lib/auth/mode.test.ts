import { describe, expect, it } from 'vitest';
import { allowedOrigins, isAllowedOrigin } from './origin';
import { authMode, isDemoRequest, isLoopbackHost } from './mode';
import { safeNextPath } from './next-path';
import { startWarnings } from './start-warnings';

describe('authMode', () => {
  it.each([
    [{ FLOWMASON_AUTH: 'demo', HOST: '127.0.0.1' }, 'demo'],
    [{ FLOWMASON_AUTH: 'demo', HOST: 'localhost' }, 'demo'],
    [{ FLOWMASON_AUTH: 'demo', HOST: '::1' }, 'demo'],
    // An unset HOST says nothing about where the server listens: sign-in.
    [{ FLOWMASON_AUTH: 'demo' }, 'required'],
    // A demo exposed on the network would be an open door: it falls back to sign-in.
    [{ FLOWMASON_AUTH: 'demo', HOST: '0.0.0.0' }, 'required'],
    [{ FLOWMASON_AUTH: 'demo', HOST: '192.168.1.10' }, 'required'],
    [{ FLOWMASON_AUTH: 'required' }, 'required'],
    [{}, 'required'],
    [{ FLOWMASON_AUTH: 'DEMO', HOST: '127.0.0.1' }, 'required'],
  ])('%j → %s', (env, mode) => expect(authMode(env)).toBe(mode));
});

describe('isLoopbackHost / isDemoRequest (DNS rebinding)', () => {
  const demo = { FLOWMASON_AUTH: 'demo', HOST: '127.0.0.1' };
  it.each([
    ['127.0.0.1:3918', true],
    ['127.0.0.1', true],
    ['localhost:3918', true],
    ['LOCALHOST', true],
    ['[::1]:3918', true],
    ['rebind.attacker.example:3918', false],
    ['127.0.0.1.attacker.example', false],
    ['localhost.attacker.example:3918', false],
    ['127.0.0.1:3918@evil', false],
    ['0.0.0.0:3918', false],
    ['', false],
    [null, false],
  ])('Host %j → %s', (host, ok) => {
    expect(isLoopbackHost(host)).toBe(ok);
    expect(isDemoRequest(new Headers(host === null ? {} : { host }), demo)).toBe(ok);
  });
  it('is never a demo request in required mode', () => {
    expect(isDemoRequest(new Headers({ host: '127.0.0.1:3000' }), { FLOWMASON_AUTH: 'required', HOST: '127.0.0.1' })).toBe(false);
  });
});

describe('allowed origins for cookie writes', () => {
  const h = (init: Record<string, string>) => new Headers(init);
  it.each([
    // demo: the loopback address the request came to
    ['demo, same loopback origin', { FLOWMASON_AUTH: 'demo', HOST: '127.0.0.1' }, { host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3000' }, true],
    ['demo, rebinding page (Host and Origin both its own)', { FLOWMASON_AUTH: 'demo', HOST: '127.0.0.1' }, { host: 'rebind.attacker.example:3000', origin: 'http://rebind.attacker.example:3000' }, false],
    ['demo, another loopback port', { FLOWMASON_AUTH: 'demo', HOST: '127.0.0.1' }, { host: '127.0.0.1:3000', origin: 'http://127.0.0.1:8080' }, false],
    ['no Origin at all', { FLOWMASON_AUTH: 'demo', HOST: '127.0.0.1' }, { host: '127.0.0.1:3000' }, false],
    ['cross-site fetch metadata', { FLOWMASON_AUTH: 'demo', HOST: '127.0.0.1' }, { host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3000', 'sec-fetch-site': 'cross-site' }, false],
    // required with BETTER_AUTH_URL: that origin only, whatever Host says
    ['configured origin', { BETTER_AUTH_URL: 'https://insights.example.com/' }, { host: 'insights.example.com', origin: 'https://insights.example.com' }, true],
    ['Host-equal but not the configured origin', { BETTER_AUTH_URL: 'https://insights.example.com' }, { host: 'evil.example', origin: 'https://evil.example' }, false],
    ['configured origin over http', { BETTER_AUTH_URL: 'https://insights.example.com' }, { host: 'insights.example.com', origin: 'http://insights.example.com' }, false],
    // required without BETTER_AUTH_URL: the Host with the stamped protocol (start warns)
    ['no URL: Host over http', {}, { host: 'box.lan:3000', origin: 'http://box.lan:3000' }, true],
    ['no URL: https claimed without a trusted proxy', {}, { host: 'box.lan:3000', origin: 'https://box.lan:3000' }, false],
    ['no URL: https per the stamp', {}, { host: 'box.lan', origin: 'https://box.lan', 'x-fm-proto': 'https' }, true],
  ])('%s → %s', (_name, env, headers, ok) => {
    expect(isAllowedOrigin(h(headers), env)).toBe(ok);
  });
  it('lists the configured origin and, in the demo, the loopback one', () => {
    expect(allowedOrigins(h({ host: '127.0.0.1:3000' }), { FLOWMASON_AUTH: 'demo', HOST: '127.0.0.1', BETTER_AUTH_URL: 'http://localhost:3000' }))
      .toEqual(['http://localhost:3000', 'http://127.0.0.1:3000']);
  });
});

describe('safeNextPath', () => {
  it.each([
    ['/insights?days=30', '/insights?days=30'],
    ['/costs?days=30#models', '/costs?days=30#models'],
    [null, '/'],
    ['', '/'],
    ['https://evil.example/', '/'],
    ['//evil.example/x', '/'],
    ['/\\evil.example', '/'],
    ['/\t/evil.example/x', '/'], // browsers drop the tab: //evil.example/x
    ['/\n/evil.example', '/'],
    ['/\r\n/evil.example', '/'],
    ['/\u0000/evil.example', '/'],
    ['/\u007f/evil.example', '/'],
    ['/a\\b', '/'],
    ['/%09/evil.example', '/%09/evil.example'], // still encoded: a path on this site
    ['/./evil.example', '/evil.example'],
    ['/../../evil.example', '/evil.example'],
    ['insights', '/'],
    ['javascript:alert(1)', '/'],
  ])('%j → %s', (input, out) => expect(safeNextPath(input)).toBe(out));

  it('is same-origin against the page origin in the browser too', () => {
    expect(safeNextPath('/x?y=1', 'https://insights.example.com')).toBe('/x?y=1');
    expect(safeNextPath('//evil.example', 'https://insights.example.com')).toBe('/');
  });
});

describe('startWarnings', () => {
  it.each([
    [{ FLOWMASON_AUTH: 'required' }, [/BETTER_AUTH_URL is not set/]],
    [{ FLOWMASON_AUTH: 'required', BETTER_AUTH_URL: 'https://x.example' }, []],
    [{ FLOWMASON_AUTH: 'demo', HOST: '127.0.0.1' }, []],
    [{ FLOWMASON_AUTH: 'demo', HOST: '0.0.0.0' }, [/BETTER_AUTH_URL is not set/, /needs HOST on a loopback/]],
  ])('%j', (env, expected) => {
    const warnings = startWarnings(env);
    expect(warnings).toHaveLength(expected.length);
    expected.forEach((re, i) => expect(warnings[i]).toMatch(re));
  });
});
