/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // PGlite and pg are loaded by Node at run time, not bundled.
  serverExternalPackages: ['@electric-sql/pglite', '@electric-sql/pglite-socket', 'pg', 'pino', '@pydantic/genai-prices'],
};

export default nextConfig;
