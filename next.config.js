/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // NEXT_DIST_DIR lets several builds (e.g. parallel test runs) live side by side.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  // Types are checked by `npm run typecheck` (CI runs it); skipping it here keeps the first
  // `npm start` (which builds) fast on small machines.
  typescript: { ignoreBuildErrors: true },
  // PGlite and pg are loaded by Node at run time, not bundled.
  serverExternalPackages: ['@electric-sql/pglite', '@electric-sql/pglite-socket', 'pg', 'pino', '@pydantic/genai-prices'],
};

export default nextConfig;
