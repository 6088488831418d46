import { z } from '@/lib/schemas/zod';
import { ENDPOINTS, INPUT_SCHEMAS, OUTPUT_SCHEMAS, PARAMETER_DOCS, type Endpoint } from './endpoints';

// OpenAPI 3.1 from the zod schemas, with zod 4's own z.toJSONSchema (JSON Schema 2020-12, the
// dialect OpenAPI 3.1 uses). Shared shapes become components and are referenced by $ref.

type Json = Record<string, unknown>;
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** Every schema of a group as components; inputs as clients send them, outputs as returned. */
function components(schemas: Record<string, z.ZodType>, io: 'input' | 'output'): Record<string, Json> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(schemas)) registry.add(schema, { id });
  const out = z.toJSONSchema(registry, { uri: (id) => `#/components/schemas/${id}`, io, unrepresentable: 'any' });
  return Object.fromEntries(
    Object.entries(out.schemas).map(([id, s]) => {
      const { $schema: _schema, $id: _id, ...rest } = s as Json;
      return [id, rest];
    }),
  );
}

function parameters(query: z.ZodObject): Json[] {
  const defaults = query.parse({}) as Record<string, unknown>;
  return Object.entries(query.shape).map(([name, schema]) => {
    const { $schema: _s, ...generated } = z.toJSONSchema(schema as z.ZodType, { io: 'input', unrepresentable: 'any' }) as Json;
    const docs = PARAMETER_DOCS[name];
    const fallback = defaults[name];
    return {
      name,
      in: 'query',
      required: false,
      description: docs?.description,
      schema: { ...generated, ...docs?.schema, ...(fallback === undefined ? {} : { default: fallback }) },
    };
  });
}

const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: ref('ErrorResponse') } } });

function operation(e: Endpoint): Json {
  const responses: Json = {
    200: e.response
      ? { description: 'OK', content: { 'application/json': { schema: ref(e.response) } } }
      : { description: 'OK', content: { 'application/json': { schema: { type: 'object' } } } },
  };
  if (e.query || e.body) responses[400] = errorResponse('invalid_request: the message names the parameter or field and what is allowed');
  if (e.scope) {
    responses[401] = errorResponse('unauthorized: missing, unknown or revoked API key');
    responses[403] = errorResponse(`forbidden: the key lacks the "${e.scope}" scope`);
    responses[503] = errorResponse('unavailable: the database is unreachable; retry after Retry-After seconds');
  }
  if (e.body) responses[413] = errorResponse('payload_too_large: the body is over 5 MB');
  return {
    summary: e.summary,
    ...(e.scope ? { description: `Scope: \`${e.scope}\`.`, security: [{ apiKey: [] }] } : { security: [] }),
    ...(e.query ? { parameters: parameters(e.query) } : {}),
    ...(e.body ? { requestBody: { required: true, content: { 'application/json': { schema: ref(e.body) } } } } : {}),
    responses,
  };
}

export function buildOpenApiDocument(): Json {
  const paths: Record<string, Json> = {};
  for (const e of ENDPOINTS) paths[e.path] = { ...paths[e.path], [e.method]: operation(e) };
  return {
    openapi: '3.1.0',
    info: {
      title: 'FlowMason Insights API',
      version: '1',
      description: 'Insights on AI/LLM pipeline executions. JSON in and out, snake_case keys, times ISO-8601 UTC, money in USD.',
    },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'An API key (fm_…) created with `npm run cli -- key create`' } },
      schemas: { ...components(INPUT_SCHEMAS, 'input'), ...components(OUTPUT_SCHEMAS, 'output') },
    },
    paths,
  };
}
