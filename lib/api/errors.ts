import { z } from 'zod';
import { BusyError, InvalidInputError, NotFoundError } from '@/lib/errors';
import type { ErrorCode, ErrorResponse } from '@/lib/schemas/errors';

// One error envelope for the whole API: {"error":{"code","message","details"}} (lib/schemas/errors.ts).

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

export const badRequest = (message: string, details?: unknown) => new ApiError(400, 'invalid_request', message, details);
export const notFound = (what: string) => new ApiError(404, 'not_found', `${what} not found`);

export function zodToApiError(err: z.ZodError, where: 'query' | 'body' | 'params'): ApiError {
  const details = err.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
  const first = details[0];
  // Schema messages may already start with the field's name ("days must be …"): don't repeat it.
  const text = first && first.path && first.message.startsWith(first.path) ? first.message.slice(first.path.length).trimStart() : first?.message;
  const what = where === 'body' ? 'body field' : `${where} parameter`;
  const message = !first ? `invalid ${where}` : first.path ? `${what} "${first.path}" ${text}` : `request ${where} ${text}`;
  return badRequest(message, details);
}

/** The HTTP answer to a domain error (lib/errors.ts), or null for any other error. */
export function fromDomainError(err: unknown): ApiError | null {
  if (err instanceof InvalidInputError) return badRequest(err.message, err.details);
  if (err instanceof NotFoundError) return new ApiError(404, 'not_found', err.message);
  if (err instanceof BusyError) {
    return new ApiError(503, 'unavailable', err.message, undefined, { 'Retry-After': String(err.retryAfterSeconds) });
  }
  return null;
}

/**
 * PostgreSQL text cannot hold U+0000: a query or path parameter carrying it would fail inside the
 * database (22021) as a 500. Refuse it up front, naming the parameter.
 */
export function assertNoNul(input: Record<string, unknown>, where: 'query' | 'params') {
  for (const [name, value] of Object.entries(input)) {
    if ([value].flat().some((v) => typeof v === 'string' && v.includes('\u0000'))) {
      const message = 'must not contain the NUL character (\\u0000)';
      throw badRequest(`${where} parameter "${name}" ${message}`, [{ path: name, message }]);
    }
  }
}

// PostgreSQL / driver errors that mean "the database is not reachable or too slow right now":
// answer 503 with Retry-After, never 500, so clients retry.
const UNAVAILABLE_CODES = new Set(['57014', '57P01', '57P02', '57P03', '53300', '08000', '08001', '08003', '08006', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE']);

// Prisma reports the same conditions with its own codes (can't reach / timed out / connection
// closed / pool timeout) and carries the driver adapter's classification in meta.driverAdapterError.
const PRISMA_UNAVAILABLE_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);
const ADAPTER_UNAVAILABLE_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);
type AdapterCause = { kind?: string; code?: string; originalCode?: string };

export function isDatabaseUnavailable(err: unknown): boolean {
  const e = err as { code?: string; message?: string; cause?: unknown; meta?: { driverAdapterError?: { cause?: AdapterCause } } } | null;
  if (!e) return false;
  if (e.code && (UNAVAILABLE_CODES.has(e.code) || PRISMA_UNAVAILABLE_CODES.has(e.code))) return true;
  const adapter = e.meta?.driverAdapterError?.cause;
  if (adapter?.kind && ADAPTER_UNAVAILABLE_KINDS.has(adapter.kind)) return true;
  if (UNAVAILABLE_CODES.has(adapter?.code ?? adapter?.originalCode ?? '')) return true;
  const msg = e.message ?? '';
  if (/timeout exceeded when trying to connect|Connection terminated|connect ECONNREFUSED|statement timeout|canceling statement|Query read timeout/i.test(msg)) return true;
  return e.cause ? isDatabaseUnavailable(e.cause) : false;
}

export function errorResponse(err: ApiError): Response {
  const body: ErrorResponse = { error: { code: err.code, message: err.message, ...(err.details === undefined ? {} : { details: err.details }) } };
  return Response.json(body, { status: err.status, headers: err.headers });
}
