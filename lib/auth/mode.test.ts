import { describe, expect, it } from 'vitest';
import { authMode } from './mode';
import { safeNextPath } from './next-path';

describe('authMode', () => {
  it.each([
    [{ FLOWMASON_AUTH: 'demo' }, 'demo'],
    [{ FLOWMASON_AUTH: 'demo', HOST: '127.0.0.1' }, 'demo'],
    [{ FLOWMASON_AUTH: 'demo', HOST: 'localhost' }, 'demo'],
    // A demo exposed on the network would be an open door: it falls back to sign-in.
    [{ FLOWMASON_AUTH: 'demo', HOST: '0.0.0.0' }, 'required'],
    [{ FLOWMASON_AUTH: 'required' }, 'required'],
    [{}, 'required'],
    [{ FLOWMASON_AUTH: 'DEMO' }, 'required'],
  ])('%j → %s', (env, mode) => expect(authMode(env)).toBe(mode));
});

describe('safeNextPath', () => {
  it.each([
    ['/insights?days=30', '/insights?days=30'],
    [null, '/'],
    ['https://evil.example/', '/'],
    ['//evil.example/x', '/'],
    ['/\\evil.example', '/'],
    ['insights', '/'],
  ])('%s → %s', (input, out) => expect(safeNextPath(input)).toBe(out));
});
