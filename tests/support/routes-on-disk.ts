import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

// What app/api/v1 serves, read from the route files themselves (for lib/openapi/document.test.ts):
// each exported HTTP method, with the options its withApi wrapper declares and the success status
// it returns, so that the OpenAPI document can be checked against the handlers, not against itself.

const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

export interface RouteOperation {
  /** lower case, as OpenAPI writes it */
  method: string;
  /** `/api/v1/webhooks/{id}` for app/api/v1/webhooks/[id]/route.ts */
  path: string;
  file: string;
  /** From `withApi({ scope: '…' })`; null when the handler is not wrapped (public). */
  scope: string | null;
  query: boolean;
  params: boolean;
  /** It reads a request body (withApi's `read:` option). */
  body: boolean;
  /** The `status:` of the Response it builds, else 200. */
  status: number;
}

/** The HTTP methods a route module exports, in every form Next accepts. */
export function exportedMethods(source: string): string[] {
  const names = [
    ...[...source.matchAll(/export\s+(?:async\s+)?function\s*\*?\s*([A-Z]+)\b/g)].map((m) => m[1]),
    ...[...source.matchAll(/export\s+(?:const|let|var)\s+([A-Z]+)\b/g)].map((m) => m[1]),
    ...[...source.matchAll(/export\s*\{([^}]*)\}/g)].flatMap((m) => m[1].split(',').map((part) => part.trim().split(/\s+as\s+/).at(-1)!.trim())),
  ];
  return [...new Set(names.filter((n): n is (typeof HTTP_METHODS)[number] => (HTTP_METHODS as readonly string[]).includes(n)))];
}

/** app/api/v1/a/[id]/b/route.ts → /api/v1/a/{id}/b; route groups `(x)` are not part of the URL. */
export function routePath(appDir: string, file: string): string {
  const segments = path.relative(appDir, path.dirname(file)).split(path.sep).filter((s) => !/^\(.*\)$/.test(s));
  return `/${segments.map((s) => s.replace(/^\[(\w+)\]$/, '{$1}')).join('/')}`;
}

/** The source of one export: from its `export` to the next top-level export. */
function exportSegment(source: string, method: string): string {
  const start = source.search(new RegExp(`export\\s+(?:async\\s+)?(?:function\\s*|const\\s+|let\\s+|var\\s+)${method}\\b`));
  if (start < 0) return source;
  const next = source.slice(start + 1).search(/\nexport\s/);
  return next < 0 ? source.slice(start) : source.slice(start, start + 1 + next);
}

export function routeOperations(appDir: string, root = path.join(appDir, 'api', 'v1')): RouteOperation[] {
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => path.basename(f) === 'route.ts' || path.basename(f) === 'route.js')
    .map((f) => path.join(root, f))
    .sort();
  return files.flatMap((file) => {
    const source = readFileSync(file, 'utf8');
    return exportedMethods(source).map((method) => {
      const segment = exportSegment(source, method);
      const options = /withApi\(\s*\{([^}]*)\}/.exec(segment)?.[1] ?? '';
      const status = /\{\s*status:\s*(\d{3})\b/.exec(segment)?.[1];
      return {
        method: method.toLowerCase(),
        path: routePath(appDir, file),
        file: path.relative(appDir, file),
        scope: /scope:\s*'(\w+)'/.exec(options)?.[1] ?? null,
        query: /\bquery:/.test(options),
        params: /\bparams:/.test(options),
        body: /\bread:/.test(options),
        status: status ? Number(status) : 200,
      };
    });
  });
}
