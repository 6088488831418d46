import path from 'node:path';
import { routeOperations } from '@/tests/support/routes-on-disk';

// Every /api/v1 endpoint as the app tree declares it: "METHOD /api/v1/path/[param]", read from
// app/api/v1/**/route.ts by the reader the OpenAPI test uses (tests/support/routes-on-disk.ts).
// The fuzz and isolation suites compare their tables with this list, so a
// new route (or method) that neither covers makes them fail instead of going untested.

export function declaredEndpoints(): string[] {
  return routeOperations(path.join(process.cwd(), 'app'))
    .map((o) => `${o.method.toUpperCase()} ${o.path.replace(/\{(\w+)\}/g, '[$1]')}`)
    .sort();
}

/** Fills "[id]"-style segments of a route template with the given (already encoded) values. */
export function fillPath(template: string, params: Record<string, string>): string {
  return template.replace(/\[(\w+)\]/g, (_, name: string) => params[name] ?? 'missing');
}
