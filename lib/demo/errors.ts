import type { Rng } from './prng';
import type { DemoErrorType } from './types';

// Error kinds a pipeline can fail with. Every message is written so that ingest's derivation
// (error_type from error_message) recovers the same kind; the generator omits error_type on part of
// the runs precisely to exercise that derivation.

export interface ErrorKind {
  type: DemoErrorType;
  messages: readonly string[];
  /** Did the model produce (billable) tokens before failing? Only when it answered but badly. */
  billsTokens: boolean;
}

export const ERROR_KINDS: Readonly<Record<DemoErrorType, ErrorKind>> = {
  timeout: { type: 'timeout', messages: ['Request timed out after {timeout}ms'], billsTokens: false },
  rate_limit: {
    type: 'rate_limit',
    messages: ['429 Too Many Requests', 'Rate limit reached for requests per minute (429 Too Many Requests)'],
    billsTokens: false,
  },
  api_error: {
    type: 'api_error',
    messages: ['500 Internal Server Error from upstream', '502 Bad Gateway from upstream', '503 Service Unavailable: model overloaded'],
    billsTokens: false,
  },
  validation_error: {
    type: 'validation_error',
    messages: ['Invalid JSON in model output', 'Invalid JSON in model output: Unexpected token } at position 412', 'Schema validation failed: missing required field "total_amount"'],
    billsTokens: true,
  },
  auth_error: { type: 'auth_error', messages: ['401 invalid api key'], billsTokens: false },
  other: { type: 'other', messages: ["Unexpected stage error: KeyError 'summary'"], billsTokens: false },
};

/** Share of failed runs that carry an explicit error_type; the rest send only error_message. */
export const EXPLICIT_ERROR_TYPE_RATE = 0.55;

export function errorMessage(kind: ErrorKind, rng: Rng, timeoutMs: number): string {
  const m = kind.messages.length === 1 ? kind.messages[0] : kind.messages[Math.floor(rng.next() * kind.messages.length)];
  return kind.type === 'timeout' ? m.replace('{timeout}', String(timeoutMs)) : m;
}

/** How long a failing call takes: a timeout waits for the full client timeout, a 429 or 401 is
 * answered almost at once, a 5xx after some server-side work. Validation failures happen after a
 * complete generation, so the caller uses the normal stage duration for them (returns -1). */
export function failedStageDuration(type: DemoErrorType, rng: Rng, timeoutMs: number): number {
  switch (type) {
    case 'timeout':
      return timeoutMs + rng.int(3, 250);
    case 'rate_limit':
      return Math.round(rng.logNormal(120, 0.4));
    case 'auth_error':
      return Math.round(rng.logNormal(80, 0.3));
    case 'api_error':
      return Math.round(rng.logNormal(650, 0.5));
    case 'other':
      return Math.round(rng.logNormal(200, 0.5));
    case 'validation_error':
      return -1;
  }
}
