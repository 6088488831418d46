import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from './document';
import { exportedMethods, routeOperations, routePath } from '@/tests/support/routes-on-disk';

// The document must describe exactly what app/api/v1 serves (a route without docs fails here), and
// be a structurally valid OpenAPI 3.1 document.

type Json = Record<string, unknown>;
type Parameter = { name: string; in: string; required?: boolean; description?: string; schema?: Json };
type Operation = { description?: string; security?: unknown[]; parameters?: Parameter[]; requestBody?: { content: Record<string, Json> }; responses: Record<string, { description?: string; content?: Record<string, Json> }> };
type Doc = { openapi: string; info: Json; paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Json>; securitySchemes: Record<string, Json> } };

const doc = buildOpenApiDocument() as unknown as Doc;
const onDisk = routeOperations(path.join(process.cwd(), 'app'));
const operations = Object.entries(doc.paths).flatMap(([p, ops]) => Object.entries(ops).map(([method, op]) => ({ path: p, method, op })));
const key = (o: { method: string; path: string }) => `${o.method.toUpperCase()} ${o.path}`;

function refsIn(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => refsIn(v, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string') out.push(v);
      else refsIn(v, out);
    }
  }
  return out;
}

/** A local JSON Pointer (#/a/b~1c) in the document, or undefined. */
function resolve(ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  return ref.slice(2).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Json)[part] : undefined), doc);
}

describe('route files on disk', () => {
  it.each([
    ['export const GET = withApi(…)', ['GET']],
    ['export async function POST(req) {}\nexport function DELETE() {}', ['POST', 'DELETE']],
    ['const a = 1; export { a as PATCH, handler as PUT, helper }', ['PATCH', 'PUT']],
    ['export const config = {}; export function getThing() {}', []],
  ])('reads the exported methods of %j', (source, methods) => {
    expect(exportedMethods(source)).toEqual(methods);
  });

  it('maps folders to URL paths', () => {
    expect(routePath('/x/app', '/x/app/api/v1/webhooks/[id]/deliveries/route.ts')).toBe('/api/v1/webhooks/{id}/deliveries');
    expect(routePath('/x/app', '/x/app/api/v1/(admin)/keys/route.ts')).toBe('/api/v1/keys');
  });

  it('finds the API as it is served', () => {
    expect(onDisk.length).toBeGreaterThanOrEqual(19);
    expect(onDisk.map(key)).toEqual(expect.arrayContaining(['POST /api/v1/executions', 'DELETE /api/v1/webhooks/{id}', 'PATCH /api/v1/settings', 'POST /api/v1/otlp/v1/traces']));
    expect(onDisk.find((o) => key(o) === 'DELETE /api/v1/webhooks/{id}')).toMatchObject({ scope: 'admin', params: true, body: false, status: 204 });
    expect(onDisk.find((o) => key(o) === 'GET /api/v1/openapi.json')).toMatchObject({ scope: null, status: 200 });
  });
});

describe('the OpenAPI document', () => {
  it('has exactly the operations that app/api/v1 exports', () => {
    expect(operations.map(key).sort()).toEqual(onDisk.map(key).sort());
  });

  it.each(onDisk.map((o) => [key(o), o] as const))('%s: scope, parameters, body and success status as the handler has them', (_, route) => {
    const op = doc.paths[route.path][route.method];
    if (route.scope) {
      expect(op.security).toEqual([{ apiKey: [] }]);
      expect(op.description).toContain(`Scope: \`${route.scope}\``);
      expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['401', '403', '429', '503']));
    } else {
      expect(op.security).toEqual([]);
    }
    const params = op.parameters ?? [];
    expect(params.some((p) => p.in === 'query'), 'query parameters').toBe(route.query);
    expect(params.some((p) => p.in === 'path'), 'path parameters').toBe(route.params);
    expect(op.requestBody !== undefined, 'request body').toBe(route.body);
    if (route.body) expect(op.responses['413'], '413 for a body over the limit').toBeDefined();
    if (route.query || route.params || route.body) expect(op.responses['400'], '400 for bad input').toBeDefined();
    expect(Object.keys(op.responses).filter((s) => s.startsWith('2'))).toEqual([String(route.status)]);
  });

  it('is OpenAPI 3.1 in structure', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });
    for (const { path: p, method, op } of operations) {
      const where = `${method} ${p}`;
      expect(p, where).toMatch(/^\/[\w\-./{}]*$/);
      expect(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'], where).toContain(method);
      expect(Object.keys(op.responses).length, where).toBeGreaterThan(0);
      for (const [status, res] of Object.entries(op.responses)) {
        expect(status, where).toMatch(/^[1-5]\d\d$/);
        expect(res.description, `${where} ${status}`).toEqual(expect.any(String));
      }
      for (const requirement of op.security ?? []) {
        for (const name of Object.keys(requirement as Json)) expect(doc.components.securitySchemes[name], where).toBeDefined();
      }
      const params = op.parameters ?? [];
      expect(new Set(params.map((q) => `${q.in}:${q.name}`)).size, `${where}: unique parameters`).toBe(params.length);
      for (const q of params) expect(['query', 'header', 'path', 'cookie'], where).toContain(q.in);
      // Every {name} in the template is a required path parameter, and there are no others.
      const template = [...p.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      const declared = params.filter((q) => q.in === 'path');
      expect(declared.map((q) => q.name).sort(), `${where}: path parameters`).toEqual(template);
      for (const q of declared) expect(q, where).toMatchObject({ required: true, description: expect.any(String), schema: expect.any(Object) });
      if (op.requestBody) expect(Object.keys(op.requestBody.content).length, where).toBeGreaterThan(0);
    }
  });

  it('resolves every $ref, and every schema component is used', () => {
    const refs = refsIn(doc);
    expect(refs.length).toBeGreaterThan(50);
    for (const r of refs) expect(resolve(r), r).toBeDefined();
    const used = new Set(refs.map((r) => r.replace('#/components/schemas/', '')));
    expect(Object.keys(doc.components.schemas).filter((name) => !used.has(name))).toEqual([]);
  });

  it('documents Cache-Control: no-store on exactly the answers that carry a secret', () => {
    // A field named like a secret in a success answer is one: a new operation that returns one
    // without `secret` in lib/openapi/endpoints.ts fails here (and e2e/api/security-headers.spec.ts
    // calls every operation documented this way).
    const SECRET_NAMES = /^(secret|key|token|password|.*_secret|.*_token)$/;
    const withSecret: string[] = [];
    for (const { path: p, method, op } of operations) {
      for (const [status, res] of Object.entries(op.responses).filter(([code]) => code.startsWith('2'))) {
        const schema = res.content?.['application/json']?.schema as Json | undefined;
        const target = (schema?.$ref ? resolve(schema.$ref as string) : schema) as { properties?: Record<string, Json> } | undefined;
        const secrets = Object.keys(target?.properties ?? {}).filter((name) => SECRET_NAMES.test(name));
        const headers = (res as { headers?: Record<string, { schema?: Json }> }).headers;
        const where = `${method.toUpperCase()} ${p} ${status}`;
        if (secrets.length > 0) withSecret.push(where);
        expect(headers?.['Cache-Control']?.schema, where).toEqual(secrets.length > 0 ? { type: 'string', const: 'no-store' } : undefined);
      }
    }
    expect(withSecret.sort()).toEqual(['POST /api/v1/keys 201', 'POST /api/v1/webhooks 201']);
  });

  it('describes OTLP by its content types and the specification', () => {
    const op = doc.paths['/api/v1/otlp/v1/traces'].post as Operation & { externalDocs?: { url: string } };
    expect(Object.keys(op.requestBody!.content).sort()).toEqual(['application/json', 'application/x-protobuf']);
    expect(Object.keys(op.responses['200'].content!).sort()).toEqual(['application/json', 'application/x-protobuf']);
    expect(op.responses['415']).toBeDefined();
    expect(op.externalDocs?.url).toMatch(/opentelemetry\.io\/docs\/specs\/otlp/);
    expect(op.parameters).toContainEqual(expect.objectContaining({ name: 'Content-Encoding', in: 'header' }));
  });
});
