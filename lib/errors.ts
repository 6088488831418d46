// Domain errors: what went wrong, in the words of a capability (ingest, OTLP, alerts, keys…), with
// no HTTP in them, so that the CLI, the workers and the API can all throw and catch them. Only
// lib/api/errors.ts (toApiError) turns them into answers: invalid input → 400 invalid_request,
// not found → 404 not_found, busy → 503 unavailable with Retry-After.

/** The caller's input is wrong; `details` names the fields ([{path, message}] or {path, …}). */
export class InvalidInputError extends Error {
  constructor(message: string, readonly details?: unknown) {
    super(message);
    this.name = 'InvalidInputError';
  }
}

/** The thing asked for does not exist (or is not this organisation's: the same answer). */
export class NotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotFoundError';
  }
}

/** Nothing is wrong with the request, but it cannot be served now; retry after a while. */
export class BusyError extends Error {
  constructor(message: string, readonly retryAfterSeconds = 5) {
    super(message);
    this.name = 'BusyError';
  }
}
