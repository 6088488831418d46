import fs from 'node:fs';
import path from 'node:path';

// Every /api/v1 endpoint as the app tree declares it: "METHOD /api/v1/path/[param]", read from
// app/api/v1/**/route.ts. The fuzz and isolation suites compare their tables with this list, so a
// new route (or method) that neither covers makes them fail instead of going untested.

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
const root = path.join(process.cwd(), 'app', 'api', 'v1');

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return routeFiles(full);
    return /^route\.(ts|tsx|js)$/.test(e.name) ? [full] : [];
  });
}

export function declaredEndpoints(): string[] {
  const found: string[] = [];
  for (const file of routeFiles(root)) {
    const source = fs.readFileSync(file, 'utf8');
    const route = '/api/v1/' + path.relative(root, path.dirname(file)).split(path.sep).join('/');
    for (const m of METHODS) {
      if (new RegExp(`export\\s+(const|async\\s+function|function)\\s+${m}\\b`).test(source)) found.push(`${m} ${route}`);
    }
  }
  return found.sort();
}

/** Fills "[id]"-style segments of a route template with the given (already encoded) values. */
export function fillPath(template: string, params: Record<string, string>): string {
  return template.replace(/\[(\w+)\]/g, (_, name: string) => params[name] ?? 'missing');
}
