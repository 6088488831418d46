import { describe, expect, it } from 'vitest';
import { deriveErrorType } from './error-type';

describe('deriveErrorType', () => {
  it.each([
    ['Request timed out after 30000ms', 'timeout'],
    ['upstream deadline exceeded', 'timeout'],
    ['429 Too Many Requests', 'rate_limit'],
    ['Rate limit reached for gpt-4o', 'rate_limit'],
    ['401 invalid api key', 'auth_error'],
    ['Invalid JSON in model output', 'validation_error'],
    ['500 Internal Server Error from upstream', 'api_error'],
    ['Anthropic API overloaded', 'api_error'],
    ['something odd happened', 'other'],
    ['', 'other'],
    [null, 'other'],
  ])('%s → %s', (message, expected) => {
    expect(deriveErrorType(message)).toBe(expected);
  });
});
