// A path segment that is not valid percent-encoding ('%zz', '%FF', a lone '%') makes Next.js 16
// answer 500 while it matches a dynamic API route, before any route code runs
// (vercel/next.js#92557). proxy.ts sends such /api paths here first: a 400 in the API's envelope.
export function refuseUndecodablePath(pathname: string): Response | null {
  try {
    for (const segment of pathname.split('/')) decodeURIComponent(segment);
    return null;
  } catch {
    return Response.json(
      { error: { code: 'invalid_request', message: 'the request path is not valid percent-encoding', details: [{ path: 'path', message: 'is not valid percent-encoding' }] } },
      { status: 400, headers: { 'x-request-id': crypto.randomUUID() } },
    );
  }
}
