// An answer that carries a secret shown this once (an API key, a webhook's signing secret): no
// cache — a browser's, a proxy's or a CDN's — may keep a copy. The OpenAPI document marks these
// operations (Endpoint.secret) and documents the header; e2e/api/security-headers.spec.ts walks them.
export const NO_STORE = { 'Cache-Control': 'no-store' } as const;

export function secretResponse(body: unknown, init: { status: 200 | 201 }): Response {
  return Response.json(body, { status: init.status, headers: NO_STORE });
}
