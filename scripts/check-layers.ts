// `npm run lint` (after eslint): the import graph of lib/, app/, components/ and scripts/ (madge 8)
// must have no cycle and no upward import between the layers of README "Architecture". A layer
// may import its own and every layer below it; tests (*.test.ts, tests/) may import anything, and
// nothing else may import tests/ or vitest.
import fs from 'node:fs';
import madge from 'madge';

/** Bottom to top; the first matching prefix wins. */
const LAYERS: Array<{ name: string; prefixes: string[] }> = [
  { name: 'foundation', prefixes: ['lib/generated/', 'lib/errors.ts', 'lib/log.ts', 'lib/format.ts', 'lib/pricing/', 'lib/demo/', 'lib/http/'] },
  { name: 'schemas', prefixes: ['lib/schemas/'] },
  { name: 'engine', prefixes: ['lib/insights/'] },
  { name: 'database', prefixes: ['lib/db/'] },
  { name: 'queries', prefixes: ['lib/queries/'] },
  {
    name: 'capabilities',
    prefixes: ['lib/ingest/', 'lib/otlp/', 'lib/alerts/', 'lib/auth/', 'lib/orgs/', 'lib/settings/', 'lib/services/', 'lib/openapi/'],
  },
  { name: 'api', prefixes: ['lib/api/'] },
  { name: 'ui', prefixes: ['lib/hooks/', 'lib/dashboard/', 'components/'] },
  { name: 'entry points', prefixes: ['app/', 'instrumentation.ts', 'proxy.ts', 'scripts/'] },
];

const isTest = (file: string) => /\.test\.tsx?$/.test(file) || file.startsWith('tests/');
const rank = (file: string) => LAYERS.findIndex((l) => l.prefixes.some((p) => file.startsWith(p)));

const roots = ['lib', 'app', 'components', 'scripts', 'instrumentation.ts', 'proxy.ts'];
const graph = await madge(roots, {
  baseDir: process.cwd(),
  fileExtensions: ['ts', 'tsx'],
  tsConfig: 'tsconfig.json',
  // The generated Prisma client's internal cycles are Prisma's, not ours.
  excludeRegExp: [/^lib\/generated\//, /node_modules/],
});

const problems: string[] = [];
for (const cycle of graph.circular()) problems.push(`cycle: ${cycle.join(' → ')} → ${cycle[0]}`);
const modules = graph.obj();
for (const [file, imports] of Object.entries(modules)) {
  if (isTest(file)) continue;
  const from = rank(file);
  if (from < 0) problems.push(`${file}: in no layer (add it to scripts/check-layers.ts and README "Architecture")`);
  for (const target of imports) {
    if (isTest(target)) problems.push(`${file} imports test code ${target}`);
    const to = rank(target);
    if (from >= 0 && to > from) problems.push(`${file} (${LAYERS[from].name}) imports ${target} (${LAYERS[to].name}, a layer above)`);
  }
  if (/from ['"]vitest['"]/.test(fs.readFileSync(file, 'utf8'))) problems.push(`${file} imports vitest outside a test`);
}

if (problems.length > 0) {
  console.error(`layering: ${problems.length} problem(s)\n${problems.map((p) => `  ${p}`).join('\n')}`);
  process.exit(1);
}
console.log(`layering: ${Object.keys(modules).length} modules, no cycle, no upward import`);
