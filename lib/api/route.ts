import 'server-only';
import { randomUUID } from 'node:crypto';
import type { NextRequest } from 'next/server';
import { z } from 'zod';
import type { KeyAuth, Scope } from '@/lib/auth/api-keys';
import { logger } from '@/lib/log';
import { invalidateOrg } from '@/lib/services/cache';
import { ApiError, assertNoNul, errorResponse, isDatabaseUnavailable, zodToApiError } from './errors';
import { forgetOrgKeys, verifyKeyCached } from './key-cache';
import { enforceRateLimit, rejectAnonymous } from './rate-limit';

// The one wrapper around every /api/v1 handler: request id, authentication (the organisation comes
// from the credentials alone), scope check, zod parsing of query and path params, and the mapping
// of every failure to the error envelope. A handler is then: parse → call → return.

export type AuthContext = KeyAuth & { via: 'key' | 'session' };
type RouteContext = { params: Promise<Record<string, string | string[]>> };
type Handler<Q, P> = (ctx: { req: NextRequest; auth: AuthContext; query: Q; params: P }) => Promise<unknown>;
type Options<Q extends z.ZodType, P extends z.ZodType> = { scope: Scope; query?: Q; params?: P };

/** Resolves a signed-in dashboard session to an organisation; registered by lib/auth/session. */
export type SessionResolver = (req: NextRequest) => Promise<AuthContext | null>;
const sessionHolder = globalThis as unknown as { __fmSessionResolver?: SessionResolver };
export function registerSessionResolver(resolver: SessionResolver) {
  sessionHolder.__fmSessionResolver = resolver;
}

async function authenticate(req: NextRequest): Promise<AuthContext> {
  const header = req.headers.get('authorization');
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const auth = match ? await verifyKeyCached(match[1]) : null;
    if (!auth) throw new ApiError(401, 'unauthorized', 'API key is missing, unknown or revoked');
    return { ...auth, via: 'key' };
  }
  const session = await sessionHolder.__fmSessionResolver?.(req);
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

export function withApi<Q extends z.ZodType = z.ZodUndefined, P extends z.ZodType = z.ZodUndefined>(
  opts: Options<Q, P>,
  handler: Handler<z.infer<Q>, z.infer<P>>,
) {
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
      const result = await handler({ req, auth, query, params });
      response = result instanceof Response ? result : Response.json(result);
    } catch (err) {
      response = errorResponse(toApiError(err, requestId));
    }
    // A successful write makes the organisation's cached analytics answers stale: drop them.
    if (orgId && response.status < 400 && req.method !== 'GET' && req.method !== 'HEAD') {
      invalidateOrg(orgId);
      forgetOrgKeys(orgId); // a revoked key must stop working at once
    }
    response.headers.set('x-request-id', requestId);
    logger.info({ requestId, method: req.method, path: req.nextUrl.pathname, status: response.status,
      ms: Math.round(performance.now() - started) }, 'request');
    return response;
  };
}

export function toApiError(err: unknown, requestId: string): ApiError {
  if (err instanceof ApiError) return err;
  if (err instanceof z.ZodError) return zodToApiError(err, 'query');
  if (isDatabaseUnavailable(err)) {
    logger.warn({ requestId, err: (err as Error).message }, 'database unavailable');
    return new ApiError(503, 'unavailable', 'the database is unavailable; retry shortly', undefined, { 'Retry-After': '5' });
  }
  logger.error({ requestId, err }, 'unhandled error');
  return new ApiError(500, 'internal_error', `internal error (request id ${requestId})`);
}
