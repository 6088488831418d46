import 'server-only';
import { randomUUID } from 'node:crypto';
import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { resolveApiSession, type AuthContext } from '@/lib/auth/api-session';
import { announceOrgChanged } from '@/lib/db/org-changes';
import { logger } from '@/lib/log';
import type { Scope } from '@/lib/schemas/keys';
import type { BodyReader } from './body';
import { ApiError, assertNoNul, badRequest, errorResponse, fromDomainError, isDatabaseUnavailable, zodToApiError } from './errors';
import { verifyKeyCached } from './key-cache';
import { enforceRateLimit, rejectAnonymous } from './rate-limit';

// The one wrapper around every /api/v1 handler: request id, authentication (the organisation comes
// from the credentials alone), scope check, zod parsing of query and path params, reading and
// parsing of the body, the mapping of every failure (domain errors included) to the error
// envelope, and the announcement of a successful write. A handler is then: parse → call → return.

export type { AuthContext };
type RouteContext = { params: Promise<Record<string, string | string[]>> };
type Handler<Q, P, B> = (ctx: { req: NextRequest; auth: AuthContext; query: Q; params: P; body: B }) => Promise<unknown>;
type Options<Q extends z.ZodType, P extends z.ZodType, B extends z.ZodType, R> = {
  scope: Scope;
  query?: Q;
  params?: P;
  /** How the body is read (lib/api/body.ts: jsonBody(maxBytes), otlpBody); the handler gets what it returns… */
  read?: BodyReader<R>;
  /** …or, with a schema, the JSON object it read parsed with this schema (400 naming the field). */
  body?: B;
};
/** The handler's `body`: parsed by the schema when there is one, else what the reader returned. */
type BodyOf<B extends z.ZodType, R> = B extends z.ZodUndefined ? R : z.infer<B>;

async function authenticate(req: NextRequest): Promise<AuthContext> {
  const header = req.headers.get('authorization');
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const auth = match ? await verifyKeyCached(match[1]) : null;
    if (!auth) throw new ApiError(401, 'unauthorized', 'API key is missing, unknown or revoked');
    return { ...auth, via: 'key' };
  }
  const session = await resolveApiSession(req); // the dashboard's cookie (lib/auth/api-session)
  if (session) return session;
  throw new ApiError(401, 'unauthorized', 'send an API key as "Authorization: Bearer fm_…"');
}

function parse<T extends z.ZodType>(schema: T | undefined, input: unknown, where: 'query' | 'params'): z.infer<T> {
  if (!schema) return undefined as z.infer<T>;
  assertNoNul(input as Record<string, unknown>, where);
  const result = schema.safeParse(input);
  if (!result.success) throw zodToApiError(result.error, where);
  return result.data;
}

async function readBody<B extends z.ZodType, R>(req: NextRequest, read?: BodyReader<R>, schema?: B): Promise<BodyOf<B, R>> {
  if (!read) return undefined as BodyOf<B, R>;
  const value = await read(req);
  if (!schema) return value as BodyOf<B, R>;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw badRequest('request body must be a JSON object');
  const result = schema.safeParse(value);
  if (!result.success) throw zodToApiError(result.error, 'body');
  return result.data as BodyOf<B, R>;
}

export function withApi<Q extends z.ZodType = z.ZodUndefined, P extends z.ZodType = z.ZodUndefined, B extends z.ZodType = z.ZodUndefined, R = undefined>(
  opts: Options<Q, P, B, R>,
  handler: Handler<z.infer<Q>, z.infer<P>, BodyOf<B, R>>,
) {
  if (opts.body && !opts.read) throw new Error('withApi: a body schema needs a reader (read: jsonBody(maxBytes))');
  return async (req: NextRequest, ctx: RouteContext): Promise<Response> => {
    const requestId = req.headers.get('x-request-id')?.slice(0, 64) || randomUUID();
    const started = performance.now();
    let response: Response;
    let orgId: string | undefined;
    try {
      const auth = await authenticate(req).catch((err: unknown) => rejectAnonymous(req.headers, err));
      orgId = auth.orgId;
      await enforceRateLimit(`key:${auth.keyId}`); // a session's keyId is "session:<id>"
      if (!auth.scopes.includes(opts.scope)) {
        throw new ApiError(403, 'forbidden', `this key lacks the "${opts.scope}" scope`);
      }
      const query = parse(opts.query, Object.fromEntries(req.nextUrl.searchParams), 'query');
      const params = parse(opts.params, await ctx.params, 'params');
      const body = await readBody(req, opts.read, opts.body);
      const result = await handler({ req, auth, query, params, body });
      response = result instanceof Response ? result : Response.json(result);
    } catch (err) {
      response = errorResponse(toApiError(err, requestId));
    }
    // A successful write makes the organisation's cached answers (analytics, keys) stale, here at
    // once and in every other process (lib/db/org-changes.ts).
    if (orgId && response.status < 400 && req.method !== 'GET' && req.method !== 'HEAD') void announceOrgChanged(orgId);
    response.headers.set('x-request-id', requestId);
    logger.info({ requestId, method: req.method, path: req.nextUrl.pathname, status: response.status,
      ms: Math.round(performance.now() - started) }, 'request');
    return response;
  };
}

export function toApiError(err: unknown, requestId: string): ApiError {
  if (err instanceof ApiError) return err;
  const domain = fromDomainError(err);
  if (domain) return domain;
  if (err instanceof z.ZodError) return zodToApiError(err, 'query');
  if (isDatabaseUnavailable(err)) {
    logger.warn({ requestId, err: (err as Error).message }, 'database unavailable');
    return new ApiError(503, 'unavailable', 'the database is unavailable; retry shortly', undefined, { 'Retry-After': '5' });
  }
  logger.error({ requestId, err }, 'unhandled error');
  return new ApiError(500, 'internal_error', `internal error (request id ${requestId})`);
}
