import { z } from '@/lib/schemas/zod';
import { ENDPOINTS, type Endpoint } from './endpoints';
import { OTLP_ERRORS, otlpContentEncoding, otlpErrorContent, otlpExternalDocs, otlpRequestBody, otlpSuccessContent } from './otlp';
import { INPUT_SCHEMAS, OUTPUT_SCHEMAS, PARAMETER_DOCS } from './schemas';

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

function jsonSchema(schema: z.ZodType): Json {
  const { $schema: _s, ...generated } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Json;
  return generated;
}

function queryParameters(query: z.ZodObject): Json[] {
  const defaults = query.parse({}) as Record<string, unknown>;
  return Object.entries(query.shape).map(([name, schema]) => {
    const docs = PARAMETER_DOCS[name];
    const fallback = defaults[name];
    return {
      name,
      in: 'query',
      required: false,
      description: docs?.description,
      schema: { ...jsonSchema(schema as z.ZodType), ...docs?.schema, ...(fallback === undefined ? {} : { default: fallback }) },
    };
  });
}

/** Path parameters are always required; the description comes from the field's .meta(). */
function pathParameters(params: z.ZodObject): Json[] {
  return Object.entries(params.shape).map(([name, schema]) => {
    const { description, ...rest } = jsonSchema(schema as z.ZodType);
    return { name, in: 'path', required: true, description, schema: rest };
  });
}

const retryAfter = { 'Retry-After': { description: 'Seconds to wait before retrying', schema: { type: 'integer', minimum: 1 } } };
const size = (bytes: number) => (bytes % 1048576 === 0 ? `${bytes / 1048576} MB` : `${bytes / 1024} KB`);

/** The error answers a handler can give, by status, from what it reads and checks. */
function errors(e: Endpoint): Record<number, string> {
  const out: Record<number, string> = {};
  if (e.query || e.params || e.body) out[400] = 'invalid_request: the message names the parameter or field and what is allowed';
  if (e.scope) {
    out[401] = 'unauthorized: missing, unknown or revoked API key';
    out[403] = `forbidden: the key lacks the "${e.scope}" scope`;
  }
  if (e.notFound) out[404] = `not_found: ${e.notFound}`;
  if (e.body && e.body !== 'otlp') out[413] = `payload_too_large: the body is over ${size(e.body.maxBytes)} (${e.body.maxBytes} bytes)`;
  if (e.scope) {
    out[429] = 'rate_limited: too many requests from this key; retry after Retry-After seconds';
    out[503] = 'unavailable: the database is unreachable; retry after Retry-After seconds';
  }
  return e.body === 'otlp' ? { ...out, ...OTLP_ERRORS } : out;
}

/** An answer carrying a secret must not be kept by any cache. */
const noStore = (field: string): Json => ({
  'Cache-Control': {
    description: `Always \`no-store\`: the answer carries \`${field}\`, a secret shown this once.`,
    schema: { type: 'string', const: 'no-store' },
  },
});

function responses(e: Endpoint): Json {
  const otlp = e.body === 'otlp';
  const { status, description, schema } = e.success;
  const success =
    status === 204 ? { description }
    : otlp ? { description, content: otlpSuccessContent }
    : { description, content: { 'application/json': { schema: schema ? ref(schema) : { type: 'object' } } } };
  const out: Json = { [status]: e.secret ? { ...success, headers: noStore(e.secret) } : success };
  for (const [code, text] of Object.entries(errors(e))) {
    out[code] = {
      description: text,
      ...(code === '429' || code === '503' ? { headers: retryAfter } : {}),
      content: otlp ? otlpErrorContent : { 'application/json': { schema: ref('ErrorResponse') } },
    };
  }
  return out;
}

function operation(e: Endpoint): Json {
  const parameters = [
    ...(e.params ? pathParameters(e.params) : []),
    ...(e.query ? queryParameters(e.query) : []),
    ...(e.body === 'otlp' ? [otlpContentEncoding] : []),
  ];
  const requestBody =
    e.body === 'otlp' ? otlpRequestBody
    : e.body ? { required: true, content: { 'application/json': { schema: ref(e.body.schema) } } }
    : undefined;
  return {
    summary: e.summary,
    ...(e.scope ? { description: `Scope: \`${e.scope}\`.`, security: [{ apiKey: [] }] } : { security: [] }),
    ...(e.body === 'otlp' ? { externalDocs: otlpExternalDocs } : {}),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(requestBody ? { requestBody } : {}),
    responses: responses(e),
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
      securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'An API key (fm_…) created with `npm run cli -- key create` or POST /api/v1/keys' } },
      schemas: { ...components(INPUT_SCHEMAS, 'input'), ...components(OUTPUT_SCHEMAS, 'output') },
    },
    paths,
  };
}
