import { z } from './zod';

// The one error envelope of the whole API (API.md "Conventions"): {"error":{"code","message","details"}}.
// lib/api/errors.ts builds it; the OpenAPI document describes it from here.

export const ERROR_CODES = [
  'invalid_request',
  'unauthorized',
  'forbidden',
  'not_found',
  'payload_too_large',
  'rate_limited',
  'unavailable',
  'internal_error',
] as const;
export const ErrorCode = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorResponse = z.object({
  error: z.object({
    code: ErrorCode,
    /** Names the parameter or field and what is allowed, for bad input. */
    message: z.string(),
    /** For invalid_request: [{path, message}, …] (or {path, allowed}). */
    details: z.unknown().optional(),
  }),
});
export type ErrorResponse = z.infer<typeof ErrorResponse>;
