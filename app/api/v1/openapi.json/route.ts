// GET /api/v1/openapi.json → the OpenAPI 3.1 document of this API, generated from its zod schemas. Public.
import { buildOpenApiDocument } from '@/lib/openapi/document';

let cached: ReturnType<typeof buildOpenApiDocument> | undefined;

export function GET(): Response {
  cached ??= buildOpenApiDocument();
  return Response.json(cached, { headers: { 'Cache-Control': 'public, max-age=300' } });
}
